import { describe, expect, it } from "vitest";
import type { Condition, KubeObject } from "../api/types";
import type { Outcome } from "./types";
import { createRng } from "../sim/random";
import { podGarbageCollector, quarantineId } from "./pod-gc";
import { at, boundPod, stamp, viewOver, workerNode } from "../../test/builders/node-health";

const KEY = "Node//kubesim-worker";

function run(objects: KubeObject[], now: number, quarantineSince?: number): Outcome {
  const runtime = quarantineSince === undefined ? {} : { [quarantineId("kubesim-worker")]: { since: at(quarantineSince) } };
  return podGarbageCollector.reconcile(viewOver(objects, runtime), KEY, at(now), createRng(1));
}

const summary = (out: Outcome) => ({
  writes: out.writes.map((w) => `${w.op} ${w.op === "delete" ? w.ref.name : (w as { object: KubeObject }).object.metadata.name}`),
  quarantine: (out.runtime ?? []).map((r) => `${r.podUid}=${r.record === undefined ? "gone" : (r.record as { since: number }).since === at(0) ? "since 0" : "set"}`),
  requeue: out.requeueAfter === undefined ? undefined : out.requeueAfter / 1000,
});

describe("pod garbage collector", () => {
  it.each([
    { name: "the node exists: nothing to do", objects: [workerNode(), boundPod("p")], now: 0, since: undefined, want: { writes: [], quarantine: [], requeue: undefined } },
    { name: "the node is gone: quarantine for 40s first", objects: [boundPod("p")], now: 0, since: undefined, want: { writes: [], quarantine: ["podgc:kubesim-worker=since 0"], requeue: 40 } },
    { name: "still quarantined: come back when it ends", objects: [boundPod("p")], now: 25, since: 0, want: { writes: [], quarantine: [], requeue: 15 } },
    {
      name: "quarantine over: each orphan is failed and force-deleted",
      objects: [boundPod("p"), boundPod("q"), boundPod("other", { node: "kubesim-worker2" })],
      now: 40,
      since: 0,
      want: { writes: ["updateStatus p", "delete p", "updateStatus q", "delete q"], quarantine: [], requeue: undefined },
    },
    { name: "the node came back: the quarantine is forgotten", objects: [workerNode(), boundPod("p")], now: 30, since: 0, want: { writes: [], quarantine: ["podgc:kubesim-worker=gone"], requeue: undefined } },
    { name: "no pods left: the quarantine is forgotten", objects: [], now: 45, since: 0, want: { writes: [], quarantine: ["podgc:kubesim-worker=gone"], requeue: undefined } },
  ])("$name", ({ objects, now, since, want }) => {
    expect(summary(run(objects, now, since))).toEqual(want);
  });

  it("marks the orphan Failed with DeletionByPodGC and deletes it with grace 0", () => {
    const out = run([boundPod("p")], 40, 0);
    const status = (out.writes[0] as { object: KubeObject }).object.status;
    expect(status.phase).toBe("Failed");
    expect((status.conditions as Condition[]).find((c) => c.type === "DisruptionTarget")).toMatchObject({ status: "True", reason: "DeletionByPodGC", message: "PodGC: node no longer exists", lastTransitionTime: stamp(40) });
    expect(out.writes[1]).toEqual({ op: "delete", ref: { kind: "Pod", namespace: "default", name: "p" }, gracePeriodSeconds: 0, force: true, uid: "uid-p" });
  });

  it("a pod that already finished is only deleted", () => {
    const done = boundPod("done");
    done.status.phase = "Succeeded";
    expect(summary(run([done], 40, 0)).writes).toEqual(["delete done"]);
  });
});
