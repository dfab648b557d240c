// The event recorder: turns EventNotes into core/v1 Event objects through client-go's
// EventCorrelator (event-correlator.ts): repeats of the same event counted up on one Event,
// similar ones combined, spam dropped. Names are `<object>.<hex nanoseconds>` as client-go
// makes them. The correlator's logger cache (the last occurrence of each event) is read from
// the stored Events, indexed per object as they are needed; its other memory is kept in the
// component's runtime record.

import type { KubeObject } from "../api/types";
import { objectKey } from "../api/types";
import type { Store } from "../api/store/store";
import type { EventNote } from "../controllers/types";
import type { Instant } from "./time";
import { toRFC3339, truncateToSecond } from "./time";
import { newUid } from "../api/uid";
import type { Rng } from "./random";
import { EVENT_TTL_MS, trackEvent } from "./event-ttl";
import type { CorrelatorState, Observation, SimilarRecord } from "./event-correlator";
import { COMBINED_PREFIX, aggregate, correlatorId, isCorrelated, sweep, takeToken } from "./event-correlator";
import type { ObjectEvents } from "./event-index";
import { combinedKey, eventKey, eventsOf, readEvents, similarKey } from "./event-index";
import { deepCopy } from "../api/deep-copy";
import { markRecorderShaped } from "../api/store/raw-json";
import { dictionary } from "../api/dictionary";

/**
 * toRFC3339(now), the instant it reads as (whole seconds) and now in nanoseconds (with its hex,
 * for names), kept: a settle records many Events at one instant.
 */
let stampAt: { now: Instant; stamp: string; second: Instant; nanos: bigint; hex: string } | undefined;

/** Where Events go: the store, and the runtime records that hold each component's correlator. */
export interface EventSink {
  readonly store: Store;
  readonly runtime: Map<string, unknown>;
  /** Counted up when a correlator changes, so that a command saves it (Cluster.fingerprint). */
  runtimeWrites: number;
}

/** What one occurrence writes: its message, its cache and similar keys, and the occurrence of its cache key before it. */
interface Occurrence {
  readonly message: string;
  readonly cacheKey: string;
  readonly similar: string;
  readonly previous?: Observation;
}

export function recordEvent(sink: EventSink, note: EventNote, now: Instant, rng: Rng): void {
  const { store } = sink;
  const obj = note.regarding;
  const ns = obj.metadata.namespace || "default";
  const index = eventsOf(store, ns, obj.metadata.name ?? "");
  readEvents(store, index, note.reason);
  if (stampAt?.now !== now) {
    const nanos = BigInt(now) * 1_000_000n;
    stampAt = { now, stamp: toRFC3339(now), second: truncateToSecond(now), nanos, hex: nanos.toString(16) };
  }
  const similar = similarKey(note.type, note.reason, note.source, note.host);
  const occurrence = isCorrelated(note.source) ? correlate(sink, index, note, similar, now) : uncorrelated(store, index, note, similar);
  if (occurrence) write(store, index, note, occurrence, now, rng);
}

/** An occurrence of an events.k8s.io recorder's: the same event counted up, nothing else. */
function uncorrelated(store: Store, index: ObjectEvents, note: EventNote, similar: string): Occurrence {
  const cacheKey = eventKey(note.regarding.metadata.uid, note.type, note.reason, note.message, note.source, note.host, note.fieldPath);
  return { message: note.message, cacheKey, similar, previous: stored(store, index, cacheKey) };
}

/**
 * EventCorrelate: aggregate, observe, then filter. Undefined when the spam filter drops the
 * occurrence; what it would have written is remembered for the next that gets through.
 */
function correlate(sink: EventSink, index: ObjectEvents, note: EventNote, similar: string, now: Instant): Occurrence | undefined {
  const id = correlatorId(note.source, note.host);
  // The record is the recorder's alone: changed in place (a decoded record is saved anew).
  let state = sink.runtime.get(id) as CorrelatorState | undefined;
  if (!state) sink.runtime.set(id, (state = {}));
  sink.runtimeWrites++;
  sweep(state, now, EVENT_TTL_MS);
  const { metadata, kind } = note.regarding;
  const object = metadata.uid || `${kind}/${metadata.namespace ?? ""}/${metadata.name}`;
  const recordKey = `${object}|${similar}`;
  const { record, combined } = aggregate(state.similar?.[recordKey] ?? toldByEvents(sink.store, index, similar), note.message, now);
  const cacheKey = combined ? combinedKey(similar) : eventKey(metadata.uid, note.type, note.reason, note.message, note.source, note.host, note.fieldPath);
  const previous = state.unwritten?.[cacheKey] ?? stored(sink.store, index, cacheKey);
  const fullAt = takeToken(state.spam?.[object], now);
  // The stored Events tell a record of one message (the latest of them); any other is kept.
  const dropped = fullAt === undefined;
  if (record.messages.length > 1 || dropped) (state.similar ??= dictionary())[recordKey] = record;
  else if (state.similar?.[recordKey]) deletePart(state, "similar", recordKey);
  if (dropped) {
    const name = previous?.name ?? newName(index, note.regarding);
    (state.unwritten ??= dictionary())[cacheKey] = { name, count: (previous?.count ?? 0) + 1, firstTimestamp: previous?.firstTimestamp ?? stampAt!.stamp, at: now };
    return undefined;
  }
  (state.spam ??= dictionary())[object] = fullAt;
  if (state.unwritten?.[cacheKey]) deletePart(state, "unwritten", cacheKey);
  return { message: combined ? `${COMBINED_PREFIX}${note.message}` : note.message, cacheKey, similar, previous };
}

/** The similar record the stored Events tell: the latest similar Event's message, and when it was last seen. */
function toldByEvents(store: Store, index: ObjectEvents, similar: string): SimilarRecord | undefined {
  const latest = index.latest.get(similar);
  const message = latest && (store.get(latest.key) as any)?.message;
  return typeof message === "string" ? { last: latest!.at, messages: [message] } : undefined;
}

/** The last occurrence of a cache key, as its stored Event says. */
function stored(store: Store, index: ObjectEvents, cacheKey: string): Observation | undefined {
  const key = index.byCacheKey.get(cacheKey);
  const e = key === undefined ? undefined : (store.get(key) as any);
  return e && { name: e.metadata.name, count: e.count ?? 1, firstTimestamp: e.firstTimestamp ?? e.metadata.creationTimestamp };
}

/** Deletes an entry, and its part once empty (so a state file holds no empty parts). */
function deletePart(state: CorrelatorState, part: "similar" | "unwritten", key: string): void {
  const entries = state[part]!;
  delete entries[key];
  for (const _ in entries) return;
  delete state[part];
}

/** client-go names events <object>.<UnixNano in hex>; two at one instant get the next nanosecond. */
function newName(index: ObjectEvents, obj: KubeObject): string {
  const { nanos, hex } = stampAt!;
  if (index.lastStamp < nanos) {
    index.lastStamp = nanos;
    return `${obj.metadata.name}.${hex}`;
  }
  index.lastStamp += 1n;
  return `${obj.metadata.name}.${index.lastStamp.toString(16)}`;
}

/**
 * Writes an occurrence: the Event of its previous occurrence counted up (its message replaced,
 * which only a combined Event's changes), or a new Event. A previous occurrence whose Event is
 * gone is created anew with its name, count and first time, as the recorder does when its
 * patch finds nothing.
 */
function write(store: Store, index: ObjectEvents, note: EventNote, occurrence: Occurrence, now: Instant, rng: Rng): void {
  const obj = note.regarding;
  const ns = obj.metadata.namespace || "default";
  const stamp = stampAt!.stamp;
  const { previous, message } = occurrence;
  const existing = previous && store.get(objectKey("Event", ns, previous.name));
  let event: KubeObject;
  if (existing) {
    event = deepCopy(existing) as any;
    event.count = previous.count + 1;
    event.lastTimestamp = stamp;
    event.message = message;
    event.metadata.resourceVersion = store.nextResourceVersion();
  } else {
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
    event = {
      apiVersion: "v1",
      kind: "Event",
      metadata: {
        name: previous?.name ?? newName(index, obj),
        namespace: ns,
        uid: newUid(rng),
        resourceVersion: store.nextResourceVersion(),
        creationTimestamp: stamp,
      },
      involvedObject,
      reason: note.reason,
      message,
      source: note.host ? { component: note.source, host: note.host } : { component: note.source },
      firstTimestamp: previous?.firstTimestamp ?? stamp,
      lastTimestamp: stamp,
      count: previous ? previous.count + 1 : 1,
      type: note.type,
      eventTime: null,
      reportingComponent: note.source,
      reportingInstance: note.host ?? "",
    };
  }
  const key = objectKey("Event", ns, event.metadata.name!);
  store.put(event, key);
  // A new Event's fields are all the recorder's own (a re-created one carries a stored Event's).
  if (!previous) markRecorderShaped(event);
  if (!existing) index.live++;
  index.byCacheKey.set(occurrence.cacheKey, key);
  index.latest.set(occurrence.similar, { key, at: now });
  trackEvent(store, key, stampAt!.second);
}
