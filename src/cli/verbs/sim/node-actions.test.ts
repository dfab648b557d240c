import { describe, expect, it } from "vitest";
import { Cluster, loadEngine } from "../../../sim/cluster";
import { instant, seconds } from "../../../sim/time";
import { defaultClusterState } from "../../../state/default-cluster";
import { addNode, deleteNode, failNode, nextNodeIndex, recoverNode } from "./node-actions";

// These clusters run their control loops, which load on demand.
await loadEngine();

const fresh = (nodes = 3) => {
  const c = new Cluster(defaultClusterState({ nodes, seed: 1, start: instant(Date.UTC(2025, 0, 1)), tick: "5s" }));
  c.bootstrap();
  return c;
};
const node = (c: Cluster, name = "kubesim-worker") => c.api.get("Node", "", name);
const ready = (c: Cluster, name = "kubesim-worker") => node(c, name).status.conditions.find((x: { type: string }) => x.type === "Ready").status;

describe("sim node actions", () => {
  it.each([
    { name: "after the default three nodes", cidrs: ["10.244.0.0/24", "10.244.1.0/24", "10.244.2.0/24"], want: 3 },
    { name: "one past the highest, even with a gap", cidrs: ["10.244.0.0/24", "10.244.5.0/24"], want: 6 },
    { name: "the first one in an empty cluster", cidrs: [], want: 0 },
  ])("takes the next pod CIDR index $name", ({ cidrs, want }) => {
    expect(nextNodeIndex(cidrs.map((podCIDR) => ({ apiVersion: "v1", kind: "Node", metadata: {}, spec: { podCIDR } })))).toBe(want);
  });

  it("adds a Ready node with the next CIDR and address, the shape asked for", () => {
    const c = fresh();
    addNode(c, "kubesim-worker3", { cpu: "8", memory: "16777216Ki", labels: { disk: "ssd" }, taints: [{ key: "gpu", effect: "NoSchedule" }] });
    const n = node(c, "kubesim-worker3");
    expect([n.spec.podCIDR, n.status.addresses[0].address, n.status.capacity.cpu, n.status.capacity.memory, n.metadata.labels?.disk, n.spec.taints]).toEqual([
      "10.244.3.0/24",
      "172.18.0.5",
      "8",
      "16777216Ki",
      "ssd",
      [{ key: "gpu", effect: "NoSchedule" }],
    ]);
    expect(ready(c, "kubesim-worker3")).toBe("True");
  });

  it("a failed node goes Unknown 50s after its kubelet stopped, not before; failing again changes nothing", () => {
    const c = fresh();
    failNode(c, node(c));
    c.advance(seconds(30));
    failNode(c, node(c));
    c.advance(seconds(19));
    expect(ready(c)).toBe("True");
    c.advance(seconds(1));
    expect(ready(c)).toBe("Unknown");
    expect(node(c).spec.taints.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`)).toEqual(["node.kubernetes.io/unreachable:NoSchedule", "node.kubernetes.io/unreachable:NoExecute"]);
  });

  it("a recovered node is Ready again, untainted, and says so", () => {
    const c = fresh();
    failNode(c, node(c));
    c.advance(seconds(60));
    recoverNode(c, node(c));
    c.settle();
    expect(ready(c)).toBe("True");
    expect(node(c).spec.taints).toBeUndefined();
    expect(c.runtime.has("kubelet:kubesim-worker")).toBe(false);
    expect(c.store.list("Event").filter((e) => e.reason === "NodeReady").map((e) => e.message)).toEqual(["Node kubesim-worker status is now: NodeReady"]);
  });

  it("a deleted node takes its kubelet's records with it", () => {
    const c = fresh();
    failNode(c, node(c));
    c.runtime.set("node:kubesim-worker", { images: {}, pullFreeAt: 0, pods: { "uid-a": "Pod/default/a" } });
    c.runtime.set("uid-a", { containers: [] });
    deleteNode(c, node(c));
    expect(c.api.tryGet("Node", "", "kubesim-worker")).toBeUndefined();
    expect(["kubelet:kubesim-worker", "node:kubesim-worker", "uid-a"].filter((k) => c.runtime.has(k))).toEqual([]);
  });
});
