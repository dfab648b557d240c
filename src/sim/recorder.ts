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

export function recordEvent(store: Store, note: EventNote, now: Instant, rng: Rng): void {
  const obj = note.regarding;
  const ns = obj.metadata.namespace || "default";
  const existing = store
    .list("Event", ns)
    .find(
      (e) =>
        (e as any).involvedObject?.uid === obj.metadata.uid &&
        (e as any).reason === note.reason &&
        (e as any).message === note.message &&
        (e as any).source?.component === note.source &&
        (e as any).involvedObject?.fieldPath === note.fieldPath,
    );
  const stamp = toRFC3339(now);
  if (existing) {
    const updated = structuredClone(existing) as any;
    updated.count = (updated.count ?? 1) + 1;
    updated.lastTimestamp = stamp;
    updated.metadata.resourceVersion = store.nextResourceVersion();
    store.put(updated);
    return;
  }
  let nanos = BigInt(now) * 1_000_000n;
  while (store.get(`Event/${ns}/${obj.metadata.name}.${nanos.toString(16)}`)) nanos += 1n;
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
}

/** Events are kept for an hour after they were last seen (the API server's --event-ttl). */
export const EVENT_TTL_MS = 60 * 60 * 1000;
