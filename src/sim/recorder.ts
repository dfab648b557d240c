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

interface EventIndex {
  /** Aggregation key → Event key. */
  readonly byAggregation: Map<string, string>;
  /** "ns/object name" → the last nanosecond stamp used in an Event name for it. */
  readonly lastStamp: Map<string, bigint>;
}

/** Per store: built once by a scan, then kept up by recordEvent. */
const indexes = new WeakMap<Store, EventIndex>();

function eventIndex(store: Store): EventIndex {
  let index = indexes.get(store);
  if (!index) {
    index = { byAggregation: new Map(), lastStamp: new Map() };
    for (const e of store.list("Event") as any[]) {
      index.byAggregation.set(aggregationKey(e.involvedObject?.uid, e.reason, e.message, e.source?.component, e.involvedObject?.fieldPath), `Event/${e.metadata.namespace}/${e.metadata.name}`);
      const dot = e.metadata.name.lastIndexOf(".");
      const stamp = BigInt(`0x${e.metadata.name.slice(dot + 1)}`);
      const at = `${e.metadata.namespace}/${e.metadata.name.slice(0, dot)}`;
      if (stamp > (index.lastStamp.get(at) ?? -1n)) index.lastStamp.set(at, stamp);
    }
    indexes.set(store, index);
  }
  return index;
}

export function recordEvent(store: Store, note: EventNote, now: Instant, rng: Rng): void {
  const obj = note.regarding;
  const ns = obj.metadata.namespace || "default";
  const index = eventIndex(store);
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
  const at = `${ns}/${obj.metadata.name}`;
  const last = index.lastStamp.get(at);
  let nanos = BigInt(now) * 1_000_000n;
  if (last !== undefined && last >= nanos) nanos = last + 1n;
  index.lastStamp.set(at, nanos);
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
