// The event recorder: turns EventNotes into core/v1 Event objects, aggregating repeats of the
// same (object, reason, message, source) into one Event with a count, as client-go's
// EventCorrelator does. Names are `<object>.<hex nanoseconds>` as client-go makes them.

import type { KubeObject } from "../api/types";
import type { Store } from "../api/store/store";
import type { EventNote } from "../controllers/types";
import type { Instant } from "./time";
import { toRFC3339 } from "./time";
import { newUid } from "../api/uid";
import type { Rng } from "./random";
import { trackEvent } from "./event-ttl";

/** What makes two events the same event (client-go's aggregation key, less the host). */
function aggregationKey(uid: unknown, reason: unknown, message: unknown, source: unknown, fieldPath: unknown): string {
  return JSON.stringify([uid, reason, message, source, fieldPath ?? null]);
}

/** One object's Events (by its namespace and name): what aggregation and naming need. */
interface ObjectEvents {
  /** Aggregation key → Event key. */
  readonly byAggregation: Map<string, string>;
  /** The last nanosecond stamp used in an Event name for the object. */
  lastStamp: bigint;
}

/** Per store, per "ns/object name": each built by reading only that object's Events, then kept up. */
const indexes = new WeakMap<Store, Map<string, ObjectEvents>>();

function eventsOf(store: Store, ns: string, name: string): ObjectEvents {
  let perObject = indexes.get(store);
  if (!perObject) indexes.set(store, (perObject = new Map()));
  let events = perObject.get(`${ns}/${name}`);
  if (!events) {
    events = { byAggregation: new Map(), lastStamp: -1n };
    // Events are named <object>.<hex>: the object's are the names with that prefix.
    for (const e of store.listByNamePrefix("Event", ns, `${name}.`) as any[]) {
      const dot = e.metadata.name.lastIndexOf(".");
      if (e.metadata.name.slice(0, dot) !== name) continue; // "web.x.<hex>" belongs to web.x
      events.byAggregation.set(aggregationKey(e.involvedObject?.uid, e.reason, e.message, e.source?.component, e.involvedObject?.fieldPath), `Event/${ns}/${e.metadata.name}`);
      const hex = e.metadata.name.slice(dot + 1);
      if (/^[0-9a-f]+$/.test(hex) && BigInt(`0x${hex}`) > events.lastStamp) events.lastStamp = BigInt(`0x${hex}`);
    }
    perObject.set(`${ns}/${name}`, events);
  }
  return events;
}

export function recordEvent(store: Store, note: EventNote, now: Instant, rng: Rng): void {
  const obj = note.regarding;
  const ns = obj.metadata.namespace || "default";
  const index = eventsOf(store, ns, obj.metadata.name ?? "");
  const agg = aggregationKey(obj.metadata.uid, note.reason, note.message, note.source, note.fieldPath);
  const found = index.byAggregation.get(agg);
  const existing = found === undefined ? undefined : store.get(found);
  const stamp = toRFC3339(now);
  if (existing) {
    const updated = structuredClone(existing) as any;
    updated.count = (updated.count ?? 1) + 1;
    updated.lastTimestamp = stamp;
    updated.metadata.resourceVersion = store.nextResourceVersion();
    store.put(updated);
    trackEvent(store, found!, stamp);
    return;
  }
  // client-go names events <object>.<UnixNano in hex>; two at one instant get the next nanosecond.
  let nanos = BigInt(now) * 1_000_000n;
  if (index.lastStamp >= nanos) nanos = index.lastStamp + 1n;
  index.lastStamp = nanos;
  const involvedObject: Record<string, unknown> = {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata.name,
    namespace: obj.metadata.namespace,
    uid: obj.metadata.uid,
    resourceVersion: obj.metadata.resourceVersion,
  };
  if (!obj.metadata.namespace) delete involvedObject.namespace;
  if (note.fieldPath) involvedObject.fieldPath = note.fieldPath;
  const event: KubeObject = {
    apiVersion: "v1",
    kind: "Event",
    metadata: {
      name: `${obj.metadata.name}.${nanos.toString(16)}`,
      namespace: ns,
      uid: newUid(rng),
      resourceVersion: store.nextResourceVersion(),
      creationTimestamp: stamp,
    },
    involvedObject,
    reason: note.reason,
    message: note.message,
    source: note.host ? { component: note.source, host: note.host } : { component: note.source },
    firstTimestamp: stamp,
    lastTimestamp: stamp,
    count: 1,
    type: note.type,
    eventTime: null,
    reportingComponent: note.source,
    reportingInstance: note.host ?? "",
  };
  store.put(event);
  index.byAggregation.set(agg, `Event/${ns}/${event.metadata.name}`);
  trackEvent(store, `Event/${ns}/${event.metadata.name}`, stamp);
}
