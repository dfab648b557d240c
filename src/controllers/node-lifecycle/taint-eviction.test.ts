import { describe, expect, it } from "vitest";
import type { Condition, KubeObject } from "../../api/types";
import { createRng } from "../../sim/random";
import { taintEvictionController } from "./taint-eviction";
import { at, boundPod, DEFAULT_TOLERATIONS, stamp, UNREACHABLE_TAINTS, viewOver, workerNode } from "../../../test/builders/node-health";

const KEY = "Node//kubesim-worker";
const unreachable = { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" };

function run(pods: KubeObject[], now: number, taints: unknown[] = UNREACHABLE_TAINTS(60)) {
  const out = taintEvictionController.reconcile(viewOver([workerNode({ ready: "Unknown", taints }), ...pods]), KEY, at(now), createRng(1));
  const deleted = out.writes.filter((w) => w.op === "delete").map((w) => (w as { ref: { name: string } }).ref.name);
  return { out, deleted, requeueSeconds: out.requeueAfter === undefined ? undefined : out.requeueAfter / 1000 };
}

describe("taint eviction controller", () => {
  it.each([
    { name: "the default 300s tolerations: not before 300s after the taint", tolerations: DEFAULT_TOLERATIONS, now: 359, deleted: [], requeue: 1 },
    { name: "the default 300s tolerations: at 300s the pod goes", tolerations: DEFAULT_TOLERATIONS, now: 360, deleted: ["p"], requeue: undefined },
    { name: "no toleration: evicted at once", tolerations: undefined, now: 60, deleted: ["p"], requeue: undefined },
    { name: "tolerated without tolerationSeconds: never", tolerations: [unreachable], now: 100_000, deleted: [], requeue: undefined },
    { name: "tolerationSeconds 0 counts as now", tolerations: [{ ...unreachable, tolerationSeconds: 0 }], now: 60, deleted: ["p"], requeue: undefined },
    { name: "a negative tolerationSeconds also means now", tolerations: [{ ...unreachable, tolerationSeconds: -5 }], now: 60, deleted: ["p"], requeue: undefined },
    { name: "the first matching toleration decides (30s before the 300s one)", tolerations: [{ ...unreachable, tolerationSeconds: 30 }, ...DEFAULT_TOLERATIONS], now: 80, deleted: [], requeue: 10 },
    { name: "a toleration of a different key does not help", tolerations: [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }], now: 60, deleted: ["p"], requeue: undefined },
  ])("$name", ({ tolerations, now, deleted, requeue }) => {
    const r = run([boundPod("p", { tolerations })], now);
    expect(r.deleted).toEqual(deleted);
    expect(r.requeueSeconds).toBe(requeue);
  });

  it("counts from when the pod arrived if that was after the taint", () => {
    const pods = [boundPod("late", { tolerations: DEFAULT_TOLERATIONS, boundAt: 100 })];
    expect(run(pods, 390).deleted).toEqual([]);
    expect(run(pods, 400).deleted).toEqual(["late"]);
  });

  it("the earliest pending eviction decides when to come back; terminating pods are left alone", () => {
    const pods = [
      boundPod("a", { tolerations: DEFAULT_TOLERATIONS }),
      boundPod("b", { tolerations: [{ ...unreachable, tolerationSeconds: 120 }] }),
      boundPod("going", { deleting: true }),
    ];
    const r = run(pods, 100);
    expect(r.deleted).toEqual([]);
    expect(r.requeueSeconds).toBe(80);
  });

  it("marks the pod with DisruptionTarget, deletes it gracefully and says so", () => {
    const { out } = run([boundPod("p")], 60);
    const [status, del] = out.writes;
    expect(status.op).toBe("updateStatus");
    const cond = ((status as { object: KubeObject }).object.status.conditions as Condition[]).find((c) => c.type === "DisruptionTarget");
    expect(cond).toMatchObject({ status: "True", reason: "DeletionByTaintManager", message: "Taint manager: deleting due to NoExecute taint", lastTransitionTime: stamp(60) });
    expect(del).toEqual({ op: "delete", ref: { kind: "Pod", namespace: "default", name: "p" }, uid: "uid-p" });
    expect(out.events.map((e) => `${e.type} ${e.reason} ${e.message} (${e.source})`)).toEqual([
      "Normal TaintManagerEviction Marking for deletion Pod default/p (taint-eviction-controller)",
    ]);
  });

  it("ignores NoSchedule taints", () => {
    expect(run([boundPod("p")], 60, [{ key: "node.kubernetes.io/unreachable", effect: "NoSchedule" }]).deleted).toEqual([]);
  });
});
