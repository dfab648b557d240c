// The event recorder: turns EventNotes into core/v1 Event objects, aggregating repeats of the
// same (object, reason, message, source) into one Event with a count, as client-go's
// EventCorrelator does. Names are `<object>.<hex nanoseconds>` as client-go makes them.

import type { KubeObject, ObjectKey } from "../api/types";
import type { Store } from "../api/store/store";
import { RawJson } from "../api/store/raw-json";
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
  /** Aggregation key → Event key, for the Events read so far. */
  readonly byAggregation: Map<string, string>;
  /**
   * The keys of its Events not read yet, by name. An Event is read (decoded) only when a note
   * with its reason comes: Events of one aggregation key share their reason, so they are read
   * together, in name order, and the last of them wins as if all had been read at once.
   */
  unread: ObjectKey[];
  /** The last nanosecond stamp used in an Event name for the object. */
  lastStamp: bigint;
}

/** Per store, per "ns/object name": each built from the names of that object's Events, then kept up. */
const indexes = new WeakMap<Store, Map<string, ObjectEvents>>();

function eventsOf(store: Store, ns: string, name: string): ObjectEvents {
  let perObject = indexes.get(store);
  if (!perObject) indexes.set(store, (perObject = new Map()));
  let events = perObject.get(`${ns}/${name}`);
  if (!events) {
    events = { byAggregation: new Map(), unread: [], lastStamp: -1n };
    // Events are named <object>.<hex>: the object's are the names with that prefix.
    const at = `Event/${ns}/`.length;
    for (const key of store.keysByNamePrefix("Event", ns, `${name}.`)) {
      const dot = key.lastIndexOf(".");
      if (key.slice(at, dot) !== name) continue; // "web.x.<hex>" belongs to web.x
      events.unread.push(key);
      const hex = key.slice(dot + 1);
      if (/^[0-9a-f]+$/.test(hex) && BigInt(`0x${hex}`) > events.lastStamp) events.lastStamp = BigInt(`0x${hex}`);
    }
    perObject.set(`${ns}/${name}`, events);
  }
  return events;
}

/** Reads the object's unread Events that may have this reason into byAggregation. */
function readEvents(store: Store, events: ObjectEvents, reason: string): void {
  if (events.unread.length === 0) return;
  const quoted = quotedReason(reason);
  const mayHave = (held: KubeObject | RawJson | undefined) => (held instanceof RawJson ? held.includes(quoted) : held?.reason === reason);
  const [now, later] = [[] as ObjectKey[], [] as ObjectKey[]];
  for (const key of events.unread) (mayHave(store.peek(key)) ? now : later).push(key);
  if (now.length === 0) return;
  events.unread = later;
  for (const key of now) {
    const e = store.get(key) as any;
    if (e) events.byAggregation.set(aggregationKey(e.involvedObject?.uid, e.reason, e.message, e.source?.component, e.involvedObject?.fieldPath), key);
  }
}

/** A reason as JSON bytes, encoded once for all the texts it is looked for in (reasons are few). */
function quotedReason(reason: string): Buffer {
  let quoted = quotedReasons.get(reason);
  if (!quoted) quotedReasons.set(reason, (quoted = Buffer.from(JSON.stringify(reason))));
  return quoted;
}

const quotedReasons = new Map<string, Buffer>();

/** toRFC3339(now), kept: a settle records many Events at one instant. */
let stampAt: { now: Instant; stamp: string } | undefined;

export function recordEvent(store: Store, note: EventNote, now: Instant, rng: Rng): void {
  const obj = note.regarding;
  const ns = obj.metadata.namespace || "default";
  const index = eventsOf(store, ns, obj.metadata.name ?? "");
  readEvents(store, index, note.reason);
  const agg = aggregationKey(obj.metadata.uid, note.reason, note.message, note.source, note.fieldPath);
  const found = index.byAggregation.get(agg);
  const existing = found === undefined ? undefined : store.get(found);
  if (stampAt?.now !== now) stampAt = { now, stamp: toRFC3339(now) };
  const stamp = stampAt.stamp;
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
