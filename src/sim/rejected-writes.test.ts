// The engine's rule for a controller write the API server rejects: with Write.onRejected, the
// Warning in place of the success note, the rest of the batch skipped, and a back-off requeue;
// without it, an internal error (a kubesim bug).

import { describe, expect, it } from "vitest";
import { freshCluster } from "../../test/conformance/seed-states";
import type { Controller, EventNote, OnRejected, Write } from "../controllers/types";
import { self } from "../controllers/types";
import type { KubeObject } from "../api/types";
import { EngineError, settle, wire } from "./engine";
import { rejectionBackoff } from "./rejected-writes";

const trigger: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "trigger", namespace: "default" } };
const pod = (name: string, image?: string): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default" },
  spec: { containers: [{ name: "c", ...(image ? { image } : {}) }] },
});

/**
 * A follow-up that notes the rejection on the trigger as the store holds it after the
 * Outcome's writes (the label proves it read the store then: the Outcome labels it first).
 */
const noteOnTrigger: OnRejected["followUp"] = (err, view) => {
  const cm = view.get("ConfigMap/default/trigger")!;
  return { op: "update", object: { ...cm, metadata: { ...cm.metadata, annotations: { failed: err.message } } } };
};

/** A controller keyed on the trigger ConfigMap that creates `pods` once (with onRejected when `handled`). */
function creator(pods: readonly KubeObject[], handled: boolean, followUp?: OnRejected["followUp"]): Controller {
  return {
    name: "test-controller",
    primary: "ConfigMap",
    wakeOn: [self("ConfigMap")],
    reconcile: (view, key) => {
      const cm = view.get(key);
      if (!cm) return { writes: [], events: [] };
      const writes: Write[] = [];
      const events: EventNote[] = [];
      for (const p of pods) {
        if (view.get(`Pod/default/${p.metadata.name}`)) continue;
        const created: EventNote = { regarding: cm, type: "Normal", reason: "SuccessfulCreate", message: `Created pod: ${p.metadata.name}`, source: "test-controller" };
        const onRejected: OnRejected = {
          replaces: created,
          batch: "pods",
          followUp,
          events: (err) => [{ regarding: cm, type: "Warning", reason: "FailedCreate", message: `Error creating: ${err.message}`, source: "test-controller" }],
        };
        writes.push(handled ? { op: "create", object: p, onRejected } : { op: "create", object: p });
        events.push(created);
      }
      if (followUp && !cm.metadata.labels) writes.push({ op: "update", object: { ...cm, metadata: { ...cm.metadata, labels: { synced: "yes" } } } });
      return { writes, events };
    },
  };
}

function eventsOf(c: ReturnType<typeof freshCluster>): string[] {
  return (c.store.list("Event", "default") as any[])
    .filter((e) => e.involvedObject.name === "trigger")
    .map((e) => `${e.type} ${e.reason} x${e.count}: ${e.message}`);
}

const INVALID = 'Error creating: Pod "bad" is invalid: spec.containers[0].image: Required value';

describe("a controller write the API server rejects", () => {
  it("records the handler's Warning in place of the success note, skips the rest of the batch, and requeues after 5ms", () => {
    const c = freshCluster();
    const wiring = wire([creator([pod("good", "nginx"), pod("bad"), pod("later", "nginx")], true)]);
    c.api.create(trigger);
    settle(c, wiring);
    expect(c.store.list("Pod", "default").map((p) => p.metadata.name)).toEqual(["good"]);
    expect(eventsOf(c)).toEqual(["Normal SuccessfulCreate x1: Created pod: good", `Warning FailedCreate x1: ${INVALID}`]);
    expect(c.agenda.toJSON().filter((i) => i.component === "test-controller")).toEqual([{ due: c.now + 5, component: "test-controller", key: "ConfigMap/default/trigger" }]);
  });

  it("backs off exponentially per failure as the work queue does, and the Warning counts the failures", () => {
    const c = freshCluster();
    const wiring = wire([creator([pod("bad")], true)]);
    c.api.create(trigger);
    const start = c.now;
    settle(c, wiring);
    const dues: number[] = [];
    for (let i = 0; i < 4; i++) {
      const item = c.agenda.toJSON().find((x) => x.component === "test-controller")!;
      dues.push(item.due - start);
      c.now = item.due;
      settle(c, wiring);
    }
    expect(dues).toEqual([5, 15, 35, 75]);
    expect(eventsOf(c)).toEqual([`Warning FailedCreate x5: ${INVALID}`]);
  });

  it("makes the follow-up write after the Outcome's writes, from the store they left, only on a rejection", () => {
    const c = freshCluster();
    c.api.create(trigger);
    settle(c, wire([creator([pod("bad")], true, noteOnTrigger)]));
    const cm = c.store.get("ConfigMap/default/trigger")!;
    expect(cm.metadata.labels).toEqual({ synced: "yes" });
    expect(cm.metadata.annotations).toEqual({ failed: 'Pod "bad" is invalid: spec.containers[0].image: Required value' });

    const fine = freshCluster();
    fine.api.create(trigger);
    settle(fine, wire([creator([pod("good", "nginx")], true, noteOnTrigger)]));
    expect(fine.store.get("ConfigMap/default/trigger")!.metadata.annotations).toBeUndefined();
  });

  it("is an internal error when the write declares no handling (a kubesim bug)", () => {
    const c = freshCluster();
    c.api.create(trigger);
    expect(() => settle(c, wire([creator([pod("bad")], false)]))).toThrow(
      new EngineError('internal: a controller write was rejected: Pod "bad" is invalid'),
    );
  });
});

describe("rejectionBackoff", () => {
  it.each([
    { failures: 1, want: 5 },
    { failures: 2, want: 10 },
    { failures: 18, want: 655_360 },
    { failures: 19, want: 1_000_000 },
    { failures: 500, want: 1_000_000 },
  ])("waits $want ms after failure $failures (5ms doubling, capped at 1000s)", ({ failures, want }) => {
    expect(rejectionBackoff(failures)).toBe(want);
  });
});
