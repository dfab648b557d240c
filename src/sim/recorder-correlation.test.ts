import { describe, expect, it } from "vitest";
import type { KubeObject, ObjectKey } from "../api/types";
import { Store } from "../api/store/store";
import { RawJson, encodeObject } from "../api/store/raw-json";
import type { EventNote } from "../controllers/types";
import type { EventSink } from "./recorder";
import { recordEvent } from "./recorder";
import { createRng } from "./random";
import type { Rng } from "./random";
import { instant } from "./time";

const T0 = instant(Date.parse("2025-01-01T00:00:00Z"));
const minutes = (n: number) => instant(T0 + n * 60_000);
const rs: KubeObject = { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "web-7d9", namespace: "default", uid: "u-rs", resourceVersion: "5" } };
const pod: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "web-7d9-abcde", namespace: "default", uid: "u-pod", resourceVersion: "9" } };

const created = (i: number): EventNote => ({ regarding: rs, type: "Normal", reason: "SuccessfulCreate", message: `Created pod: web-7d9-${i}`, source: "replicaset-controller" });
const backOff: EventNote = { regarding: pod, type: "Warning", reason: "BackOff", message: "Back-off restarting failed container app in pod web-7d9-abcde_default(u-pod)", source: "kubelet", host: "worker", fieldPath: "spec.containers{app}" };
const failedScheduling: EventNote = { regarding: pod, type: "Warning", reason: "FailedScheduling", message: "0/3 nodes are available", source: "default-scheduler" };

const newSink = (): EventSink => ({ store: new Store(), runtime: new Map(), runtimeWrites: 0 });
const summary = (sink: EventSink) => sink.store.all().map((e) => `${e.message} x${e.count} ${e.firstTimestamp}..${e.lastTimestamp}`);

function record(sink: EventSink, notes: readonly EventNote[], now = T0, rng: Rng = createRng(1)): void {
  for (const n of notes) recordEvent(sink, n, now, rng);
}

const createdPods = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => created(from + i));

/** The sink as the next command loads it: Events and runtime records back from their saved text. */
function reloaded(sink: EventSink): EventSink {
  const saved = new Map<ObjectKey, RawJson>();
  for (const e of sink.store.all()) {
    const key = `Event/${e.metadata.namespace}/${e.metadata.name}`;
    saved.set(key, new RawJson(Buffer.from(encodeObject(e, key)), () => new Error("corrupt")));
  }
  return { store: new Store(saved, sink.store.resourceVersion), runtime: new Map(JSON.parse(JSON.stringify([...sink.runtime]))), runtimeWrites: 0 };
}

describe("similar events are combined (ten within ten minutes)", () => {
  it("records nine, then one combined Event counted up with the latest message", () => {
    const sink = newSink();
    record(sink, createdPods(1, 20));
    const events = summary(sink);
    expect(events).toHaveLength(10);
    expect(events.slice(0, 9)).toEqual(createdPods(1, 9).map((n) => `${n.message} x1 2025-01-01T00:00:00Z..2025-01-01T00:00:00Z`));
    expect(events[9]).toBe("(combined from similar events): Created pod: web-7d9-20 x11 2025-01-01T00:00:00Z..2025-01-01T00:00:00Z");
  });

  it("starts over after ten quiet minutes", () => {
    const sink = newSink();
    record(sink, createdPods(1, 9));
    record(sink, createdPods(10, 10), minutes(11));
    expect(summary(sink).filter((e) => e.includes("combined"))).toEqual([]);
  });

  it("keeps only records of two messages or more: one message is told by its Event", () => {
    const sink = newSink();
    record(sink, createdPods(1, 1));
    expect(sink.runtime.get("events:replicaset-controller")).toEqual({ spam: { "u-rs": T0 + 300_000 }, swept: T0 });
    record(sink, createdPods(2, 2));
    expect((sink.runtime.get("events:replicaset-controller") as any).similar).toEqual({
      "u-rs|Normal|SuccessfulCreate|replicaset-controller|": { last: T0, messages: ["Created pod: web-7d9-1", "Created pod: web-7d9-2"] },
    });
  });
});

describe("the spam filter (25 at once, then one per five minutes)", () => {
  it("drops occurrences past the burst, and the next one through carries their count", () => {
    const sink = newSink();
    record(sink, createdPods(1, 30));
    expect(summary(sink)[9]).toBe("(combined from similar events): Created pod: web-7d9-25 x16 2025-01-01T00:00:00Z..2025-01-01T00:00:00Z");
    record(sink, createdPods(31, 31), minutes(4));
    expect(summary(sink)[9]).toContain("web-7d9-25 x16");
    record(sink, createdPods(32, 32), minutes(5));
    expect(summary(sink)[9]).toBe("(combined from similar events): Created pod: web-7d9-32 x23 2025-01-01T00:00:00Z..2025-01-01T00:05:00Z");
  });

  it("counts a repeated Warning past the burst", () => {
    const sink = newSink();
    record(sink, Array(40).fill(backOff));
    expect(summary(sink)).toEqual([`${backOff.message} x25 2025-01-01T00:00:00Z..2025-01-01T00:00:00Z`]);
    record(sink, [backOff], minutes(5));
    expect(summary(sink)).toEqual([`${backOff.message} x41 2025-01-01T00:00:00Z..2025-01-01T00:05:00Z`]);
  });

  it("creates a dropped first occurrence's Event under the name it was given", () => {
    const sink = newSink();
    record(sink, createdPods(1, 25));
    const other: EventNote = { ...created(26), reason: "SuccessfulDelete", message: "Deleted pod: web-7d9-1" };
    record(sink, [other, other]);
    expect(sink.store.all().some((e) => e.reason === "SuccessfulDelete")).toBe(false);
    record(sink, [other], minutes(5));
    const [deleted] = sink.store.all().filter((e) => e.reason === "SuccessfulDelete");
    expect(deleted.metadata.name).toBe("web-7d9.1816687ec057000a");
    expect([deleted.count, deleted.firstTimestamp, deleted.lastTimestamp, deleted.metadata.creationTimestamp]).toEqual([3, "2025-01-01T00:00:00Z", "2025-01-01T00:05:00Z", "2025-01-01T00:05:00Z"]);
  });

  it("keeps one bucket per source and object: the kubelet's do not share the controller's", () => {
    const sink = newSink();
    record(sink, createdPods(1, 25));
    record(sink, [{ ...created(0), source: "kubelet", host: "worker", reason: "Other", message: "x" }]);
    expect(sink.store.all().filter((e) => e.reason === "Other")).toHaveLength(1);
  });

  it("leaves the scheduler's Events alone (events.k8s.io has no correlator)", () => {
    const sink = newSink();
    record(sink, Array(40).fill(failedScheduling));
    expect(summary(sink)).toEqual([`${failedScheduling.message} x40 2025-01-01T00:00:00Z..2025-01-01T00:00:00Z`]);
    expect(sink.runtime.size).toBe(0);
  });
});

describe("a correlator lives across commands", () => {
  it("records the same Events whether or not the state was saved and loaded in between", () => {
    const notes = [...createdPods(1, 14), ...Array(12).fill(backOff)];
    const whole = newSink();
    const rng = createRng(1);
    record(whole, notes, T0, rng);
    record(whole, [...createdPods(15, 16), backOff], minutes(6), rng);

    const split = newSink();
    const rng2 = createRng(1);
    record(split, notes, T0, rng2);
    const later = reloaded(split);
    record(later, [...createdPods(15, 16), backOff], minutes(6), rng2);
    expect(later.store.all()).toEqual(whole.store.all());
    expect([...later.runtime]).toEqual([...whole.runtime]);
  });
});
