import { describe, expect, it } from "vitest";
import type { KubeObject, ObjectKey } from "../api/types";
import { Store } from "../api/store/store";
import { RawJson, encodeObject } from "../api/store/raw-json";
import type { EventNote } from "../controllers/types";
import { recordEvent } from "./recorder";
import type { EventSink } from "./recorder";
import { createRng } from "./random";
import { instant } from "./time";
import { EVENT_TTL_MS, expireEvents } from "./event-ttl";
import { indexedObjects } from "./event-index";

const T0 = instant(Date.parse("2025-01-01T00:00:00Z"));
const pod = (name: string): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default", uid: `u-${name}`, resourceVersion: "7" } });
const kubelet = (regarding: KubeObject, reason: string, message: string): EventNote => ({ regarding, type: "Normal", reason, message, source: "kubelet", host: "worker", fieldPath: "spec.containers{app}" });

const pulling = kubelet(pod("web"), "Pulling", 'Pulling image "nginx"');
const created = kubelet(pod("web"), "Created", "Created container app");

/** The recorder's sink for a store: its correlators kept beside it, as a cluster's runtime records are. */
const sinks = new WeakMap<Store, EventSink>();
function sinkOf(store: Store): EventSink {
  let sink = sinks.get(store);
  if (!sink) sinks.set(store, (sink = { store, runtime: new Map(), runtimeWrites: 0 }));
  return sink;
}

/** A store as a later command loads it: these Events saved, still text. */
function loaded(events: readonly KubeObject[]): Store {
  const saved = new Map<ObjectKey, RawJson>();
  for (const e of events) {
    const key = `Event/${e.metadata.namespace}/${e.metadata.name}`;
    saved.set(key, new RawJson(Buffer.from(encodeObject(e, key)), () => new Error("corrupt")));
  }
  return new Store(saved, 100);
}

function recordedNow(...notes: EventNote[]): KubeObject[] {
  const store = new Store();
  const rng = createRng(1);
  for (const n of notes) recordEvent(sinkOf(store), n, T0, rng);
  return store.all();
}

const summary = (store: Store) => store.all().map((e) => `${e.metadata.name} ${e.reason} count=${e.count}`);

describe("recording Events into a loaded state", () => {
  it("adds a repeat to the saved Event it repeats", () => {
    const store = loaded(recordedNow(pulling, created));
    recordEvent(sinkOf(store), created, instant(T0 + 5000), createRng(2));
    expect(summary(store)).toEqual(["web.1816687ec0570000 Pulling count=1", "web.1816687ec0570001 Created count=2"]);
    expect(store.get("Event/default/web.1816687ec0570001")!.lastTimestamp).toBe("2025-01-01T00:00:05Z");
  });

  it("names a new Event at the same instant after the saved ones (the next nanosecond)", () => {
    const store = loaded(recordedNow(pulling, created));
    recordEvent(sinkOf(store), kubelet(pod("web"), "Started", "Started container app"), T0, createRng(2));
    expect(summary(store)).toEqual(["web.1816687ec0570000 Pulling count=1", "web.1816687ec0570001 Created count=1", "web.1816687ec0570002 Started count=1"]);
  });

  it("names a new Event after a saved one stamped later than now, and the next one after that", () => {
    const [first] = recordedNow(created);
    const store = loaded([{ ...first, metadata: { ...first.metadata, name: "web.1816687ec0570009" } }]);
    const rng = createRng(2);
    recordEvent(sinkOf(store), pulling, T0, rng);
    recordEvent(sinkOf(store), kubelet(pod("web"), "Started", "Started container app"), T0, rng);
    expect(summary(store)).toEqual(["web.1816687ec0570009 Created count=1", "web.1816687ec057000a Pulling count=1", "web.1816687ec057000b Started count=1"]);
  });

  it("reads only the saved Events with the note's reason", () => {
    const store = loaded(recordedNow(pulling, created));
    recordEvent(sinkOf(store), created, T0, createRng(2));
    expect(store.peek("Event/default/web.1816687ec0570000")).toBeInstanceOf(RawJson);
  });

  it("adds to the later of two saved Events that are the same event", () => {
    const [first] = recordedNow(created);
    const again = { ...first, metadata: { ...first.metadata, name: "web.1816687ec0570009", uid: "other" } };
    const store = loaded([first, again]);
    recordEvent(sinkOf(store), created, T0, createRng(2));
    expect(summary(store)).toEqual(["web.1816687ec0570000 Created count=1", "web.1816687ec0570009 Created count=2"]);
  });

  it("does not take the Events of an object whose name goes on after a dot for the object's", () => {
    const store = loaded(recordedNow(kubelet(pod("web.x"), "Created", "Created container app")));
    recordEvent(sinkOf(store), created, T0, createRng(2));
    expect(summary(store)).toEqual(["web.1816687ec0570000 Created count=1", "web.x.1816687ec0570000 Created count=1"]);
  });

  it("forgets an object's index when its last Event expires, and records after it as a new command would", () => {
    const store = new Store();
    const rng = createRng(1);
    for (const note of [pulling, created, kubelet(pod("db"), "Created", "Created container app")]) recordEvent(sinkOf(store), note, T0, rng);
    expect(indexedObjects(store)).toBe(2);
    recordEvent(sinkOf(store), kubelet(pod("db"), "Started", "Started container app"), instant(T0 + 1000), rng);
    expireEvents(store, instant(T0 + EVENT_TTL_MS));
    expect(summary(store)).toEqual(["db.1816687efbf1ca00 Started count=1"]);
    expect(indexedObjects(store)).toBe(1); // web's Events are all gone; db has one left
    const later = instant(T0 + EVENT_TTL_MS + 2000);
    const fresh = loaded(store.all());
    recordEvent(sinkOf(store), created, later, rng);
    recordEvent(sinkOf(fresh), created, later, createRng(1));
    expect(summary(store)).toEqual(["db.1816687efbf1ca00 Started count=1", "web.18166bc568453400 Created count=1"]);
    expect(summary(fresh)).toEqual(["db.1816687efbf1ca00 Started count=1", "web.18166bc568453400 Created count=1"]);
  });

  it("expires an Event an hour after it was last seen: by the recorder, or by a write through the API", () => {
    const store = new Store();
    const rng = createRng(1);
    const minutes = (m: number) => instant(T0 + m * 60_000);
    recordEvent(sinkOf(store), created, T0, rng);
    expireEvents(store, T0); // builds the queue from the store: the recorder's writes join it from here
    recordEvent(sinkOf(store), pulling, T0, rng);
    recordEvent(sinkOf(store), created, minutes(30), rng);
    const pulled = store.get("Event/default/web.1816687ec0570001")!;
    store.put({ ...pulled, lastTimestamp: "2025-01-01T00:40:00Z" }, "Event/default/web.1816687ec0570001");
    expireEvents(store, minutes(60));
    expect(summary(store)).toEqual(["web.1816687ec0570000 Created count=2", "web.1816687ec0570001 Pulling count=1"]);
    expireEvents(store, minutes(90));
    expect(summary(store)).toEqual(["web.1816687ec0570001 Pulling count=1"]);
    expireEvents(store, minutes(100));
    expect(summary(store)).toEqual([]);
  });

  it("keeps apart the Events of objects of one name in two namespaces, and forgets each on its own", () => {
    const store = new Store();
    const rng = createRng(1);
    const elsewhere = { ...pod("web"), metadata: { ...pod("web").metadata, namespace: "other", uid: "u-other-web" } };
    recordEvent(sinkOf(store), created, T0, rng);
    recordEvent(sinkOf(store), kubelet(elsewhere, "Created", "Created container app"), instant(T0 + 1000), rng);
    expect(indexedObjects(store)).toBe(2);
    expireEvents(store, instant(T0 + EVENT_TTL_MS));
    expect(indexedObjects(store)).toBe(1);
    recordEvent(sinkOf(store), kubelet(elsewhere, "Started", "Started container app"), instant(T0 + 1000), rng);
    expect(store.all().map((e) => `${e.metadata.namespace}/${e.metadata.name} ${e.reason}`)).toEqual([
      "other/web.1816687efbf1ca00 Created",
      "other/web.1816687efbf1ca01 Started",
    ]);
  });

});
