import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { Store } from "./store";
import { expandEvent, isShortEvent, shortEvent } from "./event-encoding";
import { recordEvent } from "../../sim/recorder";
import { createRng } from "../../sim/random";
import { instant } from "../../sim/time";
import type { EventNote } from "../../controllers/types";

const pod: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "web-1", namespace: "shop", uid: "u-pod", resourceVersion: "7" } };
const node: KubeObject = { apiVersion: "v1", kind: "Node", metadata: { name: "worker", uid: "u-node", resourceVersion: "3" } };
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
    expect(shortEvent(key, ready)!.involvedObject.namespace).toBeNull();
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
