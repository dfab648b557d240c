// How an Event is saved: without what its key and the recorder's rules already say (kind and
// apiVersion, its name and namespace, an involved object in the same namespace, a first
// timestamp equal to its creation, count 1, type Normal, no eventTime, reporting fields equal
// to its source), which is over a third of its size, and Events are most of a state file.
// An Event is saved short only when expanding the short form gives it back byte for byte.

import type { KubeObject, ObjectKey } from "../types";

type Json = Record<string, any>;

/** The short form of the Event stored under `key`, or undefined when it would not expand back exactly. */
export function shortEvent(key: ObjectKey, e: KubeObject): Json | undefined {
  if (e.kind !== "Event" || e.apiVersion !== "v1" || typeof e.involvedObject !== "object" || e.involvedObject === null) return undefined;
  const { namespace, name: _name, ...metadata } = e.metadata as Json;
  const { namespace: involvedNs, ...involved } = e.involvedObject as Json;
  const short: Json = {
    metadata,
    involvedObject: involvedNs === namespace ? involved : { ...involved, namespace: involvedNs ?? null },
  };
  const skip = new Set(["apiVersion", "kind", "metadata", "involvedObject"]);
  for (const [field, value] of Object.entries(e)) {
    if (skip.has(field) || value === defaultOf(field, e)) continue;
    short[field] = value;
  }
  return JSON.stringify(expandEvent(key, short)) === JSON.stringify(e) ? short : undefined;
}

/** Whether a saved Event is in the short form. */
export const isShortEvent = (saved: Json) => saved.kind === undefined && typeof saved.involvedObject === "object";

/** The Event a short form stands for, its fields in the recorder's order. */
export function expandEvent(key: ObjectKey, short: Json): KubeObject {
  const [, namespace, ...rest] = key.split("/");
  const name = rest.join("/");
  const { namespace: involvedNs, ...involved } = short.involvedObject as Json;
  const { apiVersion, kind, name: involvedName, ...involvedRest } = involved;
  const event: Json = {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name, namespace, ...short.metadata },
    involvedObject: {
      apiVersion,
      kind,
      name: involvedName,
      ...(involvedNs === undefined ? { namespace } : involvedNs === null ? {} : { namespace: involvedNs }),
      ...involvedRest,
    },
  };
  for (const field of ["reason", "message", "source", "firstTimestamp", "lastTimestamp", "count", "type", "eventTime", "reportingComponent", "reportingInstance"]) {
    const value = field in short ? short[field] : defaultOf(field, { ...short, metadata: event.metadata } as KubeObject);
    if (value !== undefined) event[field] = value;
  }
  for (const [field, value] of Object.entries(short)) if (!(field in event)) event[field] = value;
  return event as KubeObject;
}

/** What the recorder puts in a field when nothing says otherwise. */
function defaultOf(field: string, e: KubeObject): unknown {
  const source = (e as Json).source as Json | undefined;
  switch (field) {
    case "firstTimestamp":
      return e.metadata.creationTimestamp;
    case "count":
      return 1;
    case "type":
      return "Normal";
    case "eventTime":
      return null;
    case "reportingComponent":
      return source?.component;
    case "reportingInstance":
      return source?.host ?? "";
    default:
      return undefined;
  }
}
