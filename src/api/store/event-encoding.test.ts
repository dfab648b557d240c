import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { Store } from "./store";
import { expandEvent, isShortEvent, savedLastTimestamp, shortEvent } from "./event-encoding";
import { RawJson } from "./raw-json";
import { recordEvent } from "../../sim/recorder";
import { createRng } from "../../sim/random";
import { instant } from "../../sim/time";
import type { EventNote } from "../../controllers/types";

const pod: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "web-1", namespace: "shop", uid: "u-pod", resourceVersion: "7" } };
const node: KubeObject = { apiVersion: "v1", kind: "Node", metadata: { name: "worker", uid: "u-node", resourceVersion: "3" } };
const rs: KubeObject = { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "web-7d9", namespace: "shop", uid: "u-rs", resourceVersion: "5" } };
const T0 = instant(Date.parse("2025-01-01T00:00:00Z"));

/** The Events the recorder makes for these notes, the second one recorded twice (count 2). */
function recorded(...notes: EventNote[]): [string, KubeObject][] {
  const store = new Store();
  const rng = createRng(1);
  notes.forEach((n, i) => recordEvent(store, n, instant(T0 + i * 1000), rng));
  if (notes[1]) recordEvent(store, notes[1], instant(T0 + 9000), rng);
  return store.all().map((e) => [`Event/${e.metadata.namespace}/${e.metadata.name}`, e]);
}

const events = recorded(
  { regarding: pod, type: "Normal", reason: "Scheduled", message: "Successfully assigned shop/web-1 to worker", source: "default-scheduler" },
  { regarding: pod, type: "Warning", reason: "BackOff", message: "Back-off restarting failed container", source: "kubelet", host: "worker", fieldPath: "spec.containers{web}" },
  { regarding: node, type: "Normal", reason: "NodeReady", message: "Node worker status is now: NodeReady", source: "kubelet", host: "worker" },
  { regarding: pod, type: "Normal", reason: "Pulling", message: 'Pulling image "nginx"', source: "kubelet", host: "worker", fieldPath: "spec.containers{web}" },
  { regarding: rs, type: "Normal", reason: "SuccessfulCreate", message: "Created pod: web-1", source: "replicaset-controller" },
);

describe("the short form of an Event", () => {
  it.each(events.map(([key, e]) => [`${e.reason} (${key})`, key, e] as const))("gives %s back byte for byte, shorter", (_name, key, e) => {
    const short = shortEvent(key, e)!;
    expect(isShortEvent(short)).toBe(true);
    expect(JSON.stringify(expandEvent(key, short))).toBe(JSON.stringify(e));
    expect(JSON.stringify(short).length).toBeLessThan(JSON.stringify(e).length * 0.7);
  });

  it("keeps what differs from the recorder's defaults: a count, a Warning, a later last timestamp", () => {
    const [key, backOff] = events.find(([, e]) => e.reason === "BackOff")!;
    const short = shortEvent(key, backOff)!;
    expect(short).toMatchObject({ count: 2, type: "Warning", lastTimestamp: "2025-01-01T00:00:09Z" });
    expect(short).not.toHaveProperty("firstTimestamp");
  });

  it("marks an involved object without a namespace (a Node), so it is not given the Event's", () => {
    const [key, ready] = events.find(([, e]) => e.reason === "NodeReady")!;
    expect(shortEvent(key, ready)!.regarding).toEqual({ kind: "Node", namespace: null, uid: "u-node", resourceVersion: "3" });
  });

  it.each([
    ["Scheduled", { uid: "u-pod", resourceVersion: "7" }],
    ["Pulling", { uid: "u-pod", resourceVersion: "7", fieldPath: "spec.containers{web}" }],
    ["SuccessfulCreate", { apiVersion: "apps/v1", kind: "ReplicaSet", uid: "u-rs", resourceVersion: "5" }],
  ])("saves the object a %s Event regards without what the Event's name and namespace say", (reason, regarding) => {
    const [key, e] = events.find(([, x]) => x.reason === reason)!;
    const short = shortEvent(key, e)!;
    expect(short.regarding).toEqual(regarding);
    expect(short).not.toHaveProperty("involvedObject");
  });

  it("leaves out a creation time its name's stamp gives, and a last timestamp equal to the first", () => {
    const [key, scheduled] = events.find(([, e]) => e.reason === "Scheduled")!;
    const short = shortEvent(key, scheduled)!;
    expect(short.metadata).toEqual({ uid: scheduled.metadata.uid, resourceVersion: scheduled.metadata.resourceVersion });
    expect(short).not.toHaveProperty("lastTimestamp");
  });

  it.each(events.map(([key, e]) => [e.reason, key, e] as const))("reads when a saved %s Event was last seen from its text", (_reason, key, e) => {
    const raw = new RawJson(Buffer.from(JSON.stringify(shortEvent(key, e))), () => new Error("corrupt"));
    expect(savedLastTimestamp(key, raw)).toBe(e.lastTimestamp);
  });

  it.each([
    ["fields in another order", (e: any) => ({ kind: e.kind, ...e })],
    ["no eventTime field", (e: any) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== "eventTime"))],
    ["an events.k8s.io Event", (e: any) => ({ ...e, apiVersion: "events.k8s.io/v1" })],
  ])("is not used for an Event with %s: it is saved whole", (_name, change) => {
    const [key, e] = events[0];
    expect(shortEvent(key, change(e) as KubeObject)).toBeUndefined();
  });
});

describe("Events saved by kubesim before `regarding`", () => {
  // A Pulled Event as the previous short form saved it (involvedObject whole but its namespace).
  const key = "Event/default/web-1.1816687f92817d80";
  const saved = {
    metadata: { uid: "16d2b04f", resourceVersion: "7037", creationTimestamp: "2025-01-01T00:00:03Z" },
    involvedObject: { apiVersion: "v1", kind: "Pod", name: "web-1", uid: "a05f96e9", resourceVersion: "5036", fieldPath: "spec.containers{nginx}" },
    reason: "Pulled",
    message: 'Successfully pulled image "nginx" in 2.526s (2.526s including waiting). Image size: 72953636 bytes.',
    source: { component: "kubelet", host: "kubesim-worker10" },
    lastTimestamp: "2025-01-01T00:00:03Z",
  };

  it("expand to the Event the recorder made", () => {
    expect(isShortEvent(saved)).toBe(true);
    expect(JSON.stringify(expandEvent(key, saved))).toBe(
      JSON.stringify({
        apiVersion: "v1",
        kind: "Event",
        metadata: { name: "web-1.1816687f92817d80", namespace: "default", uid: "16d2b04f", resourceVersion: "7037", creationTimestamp: "2025-01-01T00:00:03Z" },
        involvedObject: { apiVersion: "v1", kind: "Pod", name: "web-1", namespace: "default", uid: "a05f96e9", resourceVersion: "5036", fieldPath: "spec.containers{nginx}" },
        reason: "Pulled",
        message: saved.message,
        source: saved.source,
        firstTimestamp: "2025-01-01T00:00:03Z",
        lastTimestamp: "2025-01-01T00:00:03Z",
        count: 1,
        type: "Normal",
        eventTime: null,
        reportingComponent: "kubelet",
        reportingInstance: "kubesim-worker10",
      }),
    );
  });

  it("keep an involved object's missing apiVersion missing, and a missing last timestamp missing", () => {
    const { apiVersion: _v, ...involvedObject } = saved.involvedObject;
    const { lastTimestamp: _l, ...rest } = saved;
    const e = JSON.parse(JSON.stringify(expandEvent(key, { ...rest, involvedObject })));
    expect(e.involvedObject).not.toHaveProperty("apiVersion");
    expect(e).not.toHaveProperty("lastTimestamp");
  });

  it("are read for their last timestamp from their text, as before", () => {
    const raw = new RawJson(Buffer.from(JSON.stringify(saved)), () => new Error("corrupt"));
    expect(savedLastTimestamp(key, raw)).toBe("2025-01-01T00:00:03Z");
  });
});
