// Scenario: a Deployment comes up on the real engine — the whole control plane and the
// kubelets, through the API server — and the timeline is what a real cluster shows.

import { describe, expect, it } from "vitest";
import { freshCluster } from "../conformance/seed-states";
import { seconds } from "../../src/sim/time";
import type { Cluster } from "../../src/sim/cluster";
import type { KubeObject } from "../../src/api/types";

const web: KubeObject = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web" },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: "web" } },
    template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } },
  },
};

const phases = (c: Cluster) => c.store.list("Pod", "default").map((p) => p.status?.phase ?? "");

describe("a three-replica Deployment on the default cluster", () => {
  it("creates one ReplicaSet and three pods at once, none on the tainted control plane", () => {
    const c = freshCluster();
    c.api.create(web);
    c.settle();
    const rs = c.store.list("ReplicaSet", "default");
    expect(rs.map((r) => r.spec.replicas)).toEqual([3]);
    const pods = c.store.list("Pod", "default");
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => p.metadata.name!.startsWith(`${rs[0].metadata.name}-`))).toBe(true);
    expect(pods.map((p) => p.spec.nodeName).every((n) => n === "kubesim-worker" || n === "kubesim-worker2")).toBe(true);
    expect(phases(c)).toEqual(["Pending", "Pending", "Pending"]);
  });

  it("runs every pod once the image has been pulled, with an IP from its node's pod CIDR", () => {
    const c = freshCluster();
    c.api.create(web);
    c.settle();
    c.advance(seconds(10));
    const pods = c.store.list("Pod", "default");
    expect(phases(c)).toEqual(["Running", "Running", "Running"]);
    for (const p of pods) {
      const node = c.store.get(`Node//${p.spec.nodeName}`)!;
      const cidr = node.spec.podCIDR.replace(/0\/24$/, "");
      expect(p.status.podIP.startsWith(cidr)).toBe(true);
    }
    const d = c.store.get("Deployment/default/web")!;
    expect([d.status.replicas, d.status.readyReplicas, d.status.availableReplicas, d.status.updatedReplicas]).toEqual([3, 3, 3, 3]);
    expect(d.status.conditions.map((x: { type: string; reason: string }) => `${x.type}=${x.reason}`)).toEqual([
      "Available=MinimumReplicasAvailable",
      "Progressing=NewReplicaSetAvailable",
    ]);
  });

  it("replaces a deleted pod, and a deleted Deployment takes its ReplicaSet and pods with it", () => {
    const c = freshCluster();
    c.api.create(web);
    c.settle();
    c.advance(seconds(10));
    const victim = c.store.list("Pod", "default")[0];
    c.api.delete({ kind: "Pod", namespace: "default", name: victim.metadata.name! });
    c.settle();
    c.advance(seconds(40));
    const names = c.store.list("Pod", "default").map((p) => p.metadata.name);
    expect(names).toHaveLength(3);
    expect(names).not.toContain(victim.metadata.name);
    c.api.delete({ kind: "Deployment", namespace: "default", name: "web" });
    c.settle();
    c.advance(seconds(40));
    expect(c.store.list("ReplicaSet", "default")).toEqual([]);
    expect(c.store.list("Pod", "default")).toEqual([]);
  });

  it("leaves nothing on the agenda once the cluster is idle but the next Event expiry", () => {
    const c = freshCluster();
    c.api.create(web);
    c.settle();
    c.advance(seconds(700));
    const firstEvent = Math.min(...c.store.list("Event").map((e) => Date.parse((e as any).lastTimestamp)));
    expect(c.agenda.toJSON()).toEqual([{ due: firstEvent + 3_600_000, component: "event-ttl", key: "Event" }]);
  });
});
