// Each object's stored Events, indexed as the recorder needs them: by the correlator's cache key
// (the last occurrence of an event), the latest of each kind of similar Events, and the last
// nanosecond stamp used in their names. Built per object from its Events' names, and each
// Event read (decoded) only when a note with its reason comes.

import type { KubeObject, ObjectKey } from "../api/types";
import type { Store } from "../api/store/store";
import { RawJson } from "../api/store/raw-json";
import { COMBINED_PREFIX } from "./event-correlator";

/** The recorder's event cache key (client-go's getEventKey): what makes two events the same event. */
export function eventKey(uid: unknown, type: unknown, reason: unknown, message: unknown, source: unknown, host: unknown, fieldPath: unknown): string {
  return JSON.stringify([uid, type, reason, message, source, host ?? null, fieldPath ?? null]);
}

/** Within one object's Events: what makes events similar (the correlator's aggregate key, less the object). */
export const similarKey = (type: unknown, reason: unknown, source: unknown, host: unknown): string => `${type}|${reason}|${source}|${host ?? ""}`;

/** The cache key of a combined Event: upstream caches it under its aggregate key. */
export const combinedKey = (similar: string): string => `combined ${similar}`;

/** One object's Events (by its namespace and name): what correlation and naming need. */
export interface ObjectEvents {
  /** Cache key → Event key, for the Events read so far. */
  readonly byCacheKey: Map<string, string>;
  /** Similar key → the Event last seen among those read (and when), from which a similar record is told. */
  readonly latest: Map<string, { key: ObjectKey; at: number }>;
  /**
   * The keys of its Events not read yet, by name. An Event is read (decoded) only when a note
   * with its reason comes: Events of one cache key share their reason, so they are read
   * together, in name order, and the last of them wins as if all had been read at once.
   */
  unread: ObjectKey[];
  /** The last nanosecond stamp used in an Event name for the object. */
  lastStamp: bigint;
  /** Its Events in the store, as far as the recorder and expiry know (they write and expire them). */
  live: number;
}

/**
 * Per store, per namespace, per object name: each built from the names of that object's Events,
 * then kept up. Not keyed by an interned "ns/name": every pod a long run makes would stay in the
 * shared key maps long after its Events expired.
 */
const indexes = new WeakMap<Store, Map<string, Map<string, ObjectEvents>>>();

/** The index eventsOf gave last: one run's notes mostly follow one another about one object. */
let last: { store: Store; ns: string; name: string; events: ObjectEvents } | undefined;

export function eventsOf(store: Store, ns: string, name: string): ObjectEvents {
  if (last !== undefined && last.name === name && last.ns === ns && last.store === store) return last.events;
  const events = indexOf(store, ns, name);
  last = { store, ns, name, events };
  return events;
}

function indexOf(store: Store, ns: string, name: string): ObjectEvents {
  let perNamespace = indexes.get(store);
  if (!perNamespace) indexes.set(store, (perNamespace = new Map()));
  let perObject = perNamespace.get(ns);
  if (!perObject) perNamespace.set(ns, (perObject = new Map()));
  let events = perObject.get(name);
  if (!events) {
    events = { byCacheKey: new Map(), latest: new Map(), unread: [], lastStamp: -1n, live: 0 };
    // Events are named <object>.<hex>: the object's are the names with that prefix.
    const at = `Event/${ns}/`.length;
    for (const key of store.keysByNamePrefix("Event", ns, `${name}.`)) {
      const dot = key.lastIndexOf(".");
      if (key.slice(at, dot) !== name) continue; // "web.x.<hex>" belongs to web.x
      events.unread.push(key);
      events.live++;
      const hex = key.slice(dot + 1);
      if (/^[0-9a-f]+$/.test(hex) && BigInt(`0x${hex}`) > events.lastStamp) events.lastStamp = BigInt(`0x${hex}`);
    }
    perObject.set(name, events);
  }
  return events;
}

/**
 * After an Event under `key` expired: forgets its object's index once the object has no Events
 * left, as a new command would find it (a long `sim advance` made one per Job and pod, and
 * kept them all). Its names' stamps are then more than an hour old, so none can recur. An
 * Event written or deleted through the API is not counted: an index forgotten too early is
 * built again from the store, and one never forgotten is what it was before.
 */
export function forgetEventless(store: Store, key: ObjectKey): void {
  const slash = key.indexOf("/", "Event/".length);
  const perObject = indexes.get(store)?.get(key.slice("Event/".length, slash));
  if (!perObject) return;
  const name = key.slice(slash + 1, key.lastIndexOf("."));
  const events = perObject.get(name);
  if (events !== undefined && --events.live <= 0) {
    perObject.delete(name);
    if (last?.events === events) last = undefined;
  }
}

/** How many objects' Events are indexed (a long run must not keep one per object it ever saw). */
export function indexedObjects(store: Store): number {
  let count = 0;
  for (const perObject of indexes.get(store)?.values() ?? []) count += perObject.size;
  return count;
}

/** Reads the object's unread Events that may have this reason into the index. */
export function readEvents(store: Store, events: ObjectEvents, reason: string): void {
  if (events.unread.length === 0) return;
  const quoted = quotedReason(reason);
  const mayHave = (held: KubeObject | RawJson | undefined) => (held instanceof RawJson ? held.includes(quoted) : held?.reason === reason);
  const [now, later] = [[] as ObjectKey[], [] as ObjectKey[]];
  for (const key of events.unread) (mayHave(store.peek(key)) ? now : later).push(key);
  if (now.length === 0) return;
  events.unread = later;
  for (const key of now) {
    const e = store.get(key) as any;
    if (!e) continue;
    const { type, reason, message, involvedObject: about, source } = e;
    events.byCacheKey.set(eventKey(about?.uid, type, reason, message, source?.component, source?.host, about?.fieldPath), key);
    const similar = similarKey(type, reason, source?.component, source?.host);
    if (typeof message === "string" && message.startsWith(COMBINED_PREFIX)) events.byCacheKey.set(combinedKey(similar), key);
    const at = Date.parse(e.lastTimestamp ?? e.firstTimestamp ?? e.metadata.creationTimestamp);
    if (!((events.latest.get(similar)?.at ?? -Infinity) > at)) events.latest.set(similar, { key, at });
  }
}

/** A reason as JSON bytes, encoded once for all the texts it is looked for in (reasons are few). */
function quotedReason(reason: string): Buffer {
  let quoted = quotedReasons.get(reason);
  if (!quoted) quotedReasons.set(reason, (quoted = Buffer.from(JSON.stringify(reason))));
  return quoted;
}

const quotedReasons = new Map<string, Buffer>();
