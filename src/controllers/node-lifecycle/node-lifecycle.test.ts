import { describe, expect, it } from "vitest";
import type { Condition, KubeObject } from "../../api/types";
import type { Outcome, Write } from "../types";
import { createRng } from "../../sim/random";
import { nodeLifecycleController } from "./node-lifecycle";
import { at, boundPod, DEFAULT_TOLERATIONS, stamp, UNREACHABLE_TAINTS, viewOver, workerNode } from "../../../test/builders/node-health";

const KEY = "Node//kubesim-worker";
const stopped = (s: number) => ({ "kubelet:kubesim-worker": { stoppedAt: at(s) } });

function run(objects: KubeObject[], runtime: Record<string, unknown>, now: number): Outcome {
  return nodeLifecycleController.reconcile(viewOver(objects, runtime), KEY, at(now), createRng(1));
}

/** "updateStatus Node kubesim-worker Ready=Unknown" or "update Node … taints=[…]" or pod status lines. */
function describeWrite(w: Write): string {
  if (w.op === "updateStatus") {
    const ready = (w.object.status.conditions as Condition[]).find((c) => c.type === "Ready")!;
    return `updateStatus ${w.object.kind} ${w.object.metadata.name} Ready=${ready.status}`;
  }
  if (w.op === "update") {
    const taints = (w.object.spec.taints ?? []).map((t: any) => `${t.key}:${t.effect}${t.timeAdded ? "@" + t.timeAdded : ""}`);
    return `update ${w.object.kind} ${w.object.metadata.name} taints=[${taints.join(",")}]`;
  }
  return w.op;
}

describe("node lifecycle controller", () => {
  it.each([
    { name: "a healthy node needs nothing", node: workerNode(), runtime: {}, now: 100, want: [], requeue: undefined },
    { name: "a silent kubelet inside the 50s grace period: come back when it ends", node: workerNode(), runtime: stopped(10), now: 30, want: [], requeue: 30_000 },
    { name: "one millisecond before the grace period ends, still waits", node: workerNode(), runtime: stopped(10), now: 59.999, want: [], requeue: 1 },
    { name: "the grace period over: the node goes Unknown", node: workerNode(), runtime: stopped(10), now: 60, want: ["updateStatus Node kubesim-worker Ready=Unknown"], requeue: undefined },
    {
      name: "Unknown: the unreachable taints, NoExecute stamped with timeAdded",
      node: workerNode({ ready: "Unknown" }),
      runtime: stopped(10),
      now: 60,
      want: [`update Node kubesim-worker taints=[node.kubernetes.io/unreachable:NoSchedule,node.kubernetes.io/unreachable:NoExecute@${stamp(60)}]`],
      requeue: undefined,
    },
    {
      name: "Ready=False: the not-ready taints, keeping the user's own",
      node: workerNode({ ready: "False", taints: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }] }),
      runtime: {},
      now: 5,
      want: [`update Node kubesim-worker taints=[dedicated:NoSchedule,node.kubernetes.io/not-ready:NoSchedule,node.kubernetes.io/not-ready:NoExecute@${stamp(5)}]`],
      requeue: undefined,
    },
    { name: "Ready again: the taints are lifted", node: workerNode({ taints: UNREACHABLE_TAINTS(60) }), runtime: {}, now: 200, want: ["update Node kubesim-worker taints=[]"], requeue: undefined },
  ])("$name", ({ node, runtime, now, want, requeue }) => {
    const out = run([node], runtime, now);
    expect(out.writes.map(describeWrite)).toEqual(want);
    expect(out.requeueAfter).toBe(requeue);
  });

  it("reports the Unknown conditions as upstream words them, keeping the last heartbeat", () => {
    const out = run([workerNode()], stopped(0), 50);
    const conditions = (out.writes[0] as { object: KubeObject }).object.status.conditions as Condition[];
    expect(conditions.map((c) => [c.type, c.status, c.reason, c.message, c.lastHeartbeatTime, c.lastTransitionTime])).toEqual(
      ["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"].map((t) => [t, "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status.", stamp(0), stamp(50)]),
    );
    expect(out.events.map((e) => `${e.type} ${e.reason} ${e.message} (${e.source})`)).toEqual(["Normal NodeNotReady Node kubesim-worker status is now: NodeNotReady (node-controller)"]);
  });

  it("marks the node's Ready pods not Ready, once, with a Warning on each", () => {
    const node = workerNode({ ready: "Unknown", taints: UNREACHABLE_TAINTS(60) });
    const out = run([node, boundPod("a"), boundPod("b", { ready: false }), boundPod("elsewhere", { node: "kubesim-worker2" })], stopped(10), 60);
    expect(out.writes.map((w) => `${w.op} ${(w as any).object.metadata.name}`)).toEqual(["updateStatus a"]);
    const ready = ((out.writes[0] as { object: KubeObject }).object.status.conditions as Condition[]).find((c) => c.type === "Ready")!;
    expect([ready.status, ready.lastTransitionTime]).toEqual(["False", stamp(60)]);
    expect(out.events.map((e) => `${e.type} ${e.reason} ${e.regarding.metadata.name}: ${e.message}`)).toEqual(["Warning NodeNotReady a: Node is not ready"]);
  });

  it("cancels the scheduled evictions of tolerating pods when the taint is lifted", () => {
    const node = workerNode({ taints: UNREACHABLE_TAINTS(60) });
    const out = run([node, boundPod("a", { tolerations: DEFAULT_TOLERATIONS }), boundPod("forever", { tolerations: [{ operator: "Exists" }] }), boundPod("gone", { tolerations: DEFAULT_TOLERATIONS, deleting: true })], {}, 200);
    expect(out.events.map((e) => `${e.reason} ${e.message} (${e.source})`)).toEqual(["TaintManagerEviction Cancelling deletion of Pod default/a (taint-eviction-controller)"]);
  });

  it("does nothing for a node that is gone", () => {
    expect(nodeLifecycleController.reconcile(viewOver([]), KEY, at(0), createRng(1)).writes).toEqual([]);
  });
});
