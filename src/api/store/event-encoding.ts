// How an Event is saved: without what its key and the recorder's rules (sim/recorder.ts)
// already say, which is over half of its size, and Events are most of a state file. Its
// name and namespace are its key; its creation time is the UnixNano stamp that ends its name
// (client-go names Events <object>.<hex nanoseconds>); its first timestamp is its creation,
// its last its first; count 1, type Normal, no eventTime, reporting fields equal to its
// source. The involved object is saved as `regarding` (its name in events.k8s.io/v1), less
// an apiVersion v1, a kind Pod, the name the Event's own name begins with and the Event's
// namespace. An Event is saved short only when expanding gives it back byte for byte.
//
// Files written before `regarding` hold a shorter-lived short form, kept readable: it has
// `involvedObject` whole but for its namespace, and always a lastTimestamp.

import type { KubeObject, ObjectKey } from "../types";
import { instant, toRFC3339 } from "../../sim/time";
import { sameJson } from "../same-json";

type Json = Record<string, any>;

/** The top-level fields after the involved object, in the recorder's order. */
const FIELDS = ["reason", "message", "source", "firstTimestamp", "lastTimestamp", "count", "type", "eventTime", "reportingComponent", "reportingInstance"];

/** The short form of the Event stored under `key`, or undefined when it would not expand back exactly. */
export function shortEvent(key: ObjectKey, e: KubeObject): Json | undefined {
  if (e.kind !== "Event" || e.apiVersion !== "v1" || !isObject(e.involvedObject)) return undefined;
  const { name, namespace } = keyParts(key);
  const { apiVersion, kind, name: involvedName, namespace: involvedNs, ...involvedRest } = e.involvedObject as Json;
  if (typeof apiVersion !== "string" || typeof kind !== "string" || typeof involvedName !== "string") return undefined;
  const { name: _name, namespace: _namespace, ...metadata } = e.metadata as Json;
  if (metadata.creationTimestamp === stampOfName(name)) delete metadata.creationTimestamp;
  const regarding: Json = {
    ...(apiVersion !== "v1" && { apiVersion }),
    ...(kind !== "Pod" && { kind }),
    ...(involvedName !== objectNameOf(name) && { name: involvedName }),
    ...(involvedNs !== namespace && { namespace: involvedNs ?? null }),
    ...involvedRest,
  };
  const short: Json = { metadata, regarding };
  const expanded: Json = { metadata: e.metadata };
  for (const [field, value] of Object.entries(e)) {
    if (field === "apiVersion" || field === "kind" || field === "metadata" || field === "involvedObject") continue;
    if (value !== defaultOf(field, expanded, true)) short[field] = value;
    expanded[field] = value;
  }
  return sameJson(expandEvent(key, short), e) ? short : undefined;
}

/** Whether a saved Event is in a short form (either). */
export const isShortEvent = (saved: Json) => saved.kind === undefined && (isObject(saved.regarding) || isObject(saved.involvedObject));

/** The Event a short form stands for, its fields in the recorder's order. */
export function expandEvent(key: ObjectKey, short: Json): KubeObject {
  const { name, namespace } = keyParts(key);
  const current = isObject(short.regarding);
  const involved = (current ? short.regarding : short.involvedObject) as Json;
  const metadata: Json = { name, namespace };
  for (const field in short.metadata) metadata[field] = short.metadata[field];
  if (current && !("creationTimestamp" in metadata)) metadata.creationTimestamp = stampOfName(name);
  const involvedObject: Json = current
    ? { apiVersion: involved.apiVersion ?? "v1", kind: involved.kind ?? "Pod", name: involved.name ?? objectNameOf(name) }
    : { apiVersion: involved.apiVersion, kind: involved.kind, name: involved.name };
  // Saved without a namespace: the Event's; saved as null: none (a Node's Event).
  if (involved.namespace === undefined) involvedObject.namespace = namespace;
  else if (involved.namespace !== null) involvedObject.namespace = involved.namespace;
  for (const field in involved) if (!(field in involvedObject) && field !== "namespace") involvedObject[field] = involved[field];
  const event: Json = { apiVersion: "v1", kind: "Event", metadata, involvedObject };
  for (const field of FIELDS) {
    const value = field in short ? short[field] : defaultOf(field, event, current);
    if (value !== undefined) event[field] = value;
  }
  for (const field in short) if (!(field in event) && field !== "regarding") event[field] = short[field];
  return event as KubeObject;
}

/**
 * When a saved Event was last seen, read from its text without decoding it; undefined when
 * only decoding tells (event-ttl.ts then decodes it).
 */
export function savedLastTimestamp(key: ObjectKey, raw: { includes(text: string): boolean; stringField(field: string): string | undefined }): string | undefined {
  if (raw.includes('"lastTimestamp"')) return raw.stringField("lastTimestamp");
  if (!raw.includes('"regarding":')) return undefined;
  return raw.stringField("firstTimestamp") ?? raw.stringField("creationTimestamp") ?? stampOfName(keyParts(key).name);
}

/** What the recorder puts in a field when nothing says otherwise (`event` holds the fields before it). */
function defaultOf(field: string, event: Json, current: boolean): unknown {
  const source = event.source as Json | undefined;
  switch (field) {
    case "firstTimestamp":
      return event.metadata.creationTimestamp;
    case "lastTimestamp":
      return current ? event.firstTimestamp : undefined;
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

function keyParts(key: ObjectKey): { namespace: string; name: string } {
  const a = key.indexOf("/");
  const b = key.indexOf("/", a + 1);
  return { namespace: key.slice(a + 1, b), name: key.slice(b + 1) };
}

/** "web-1.1816687ec0570000" → "web-1": the object the recorder named the Event after. */
function objectNameOf(eventName: string): string {
  const dot = eventName.lastIndexOf(".");
  return dot < 0 ? eventName : eventName.slice(0, dot);
}

/** The creation time the stamp in an Event's name gives, to the second as the API server stores it. */
function stampOfName(eventName: string): string | undefined {
  const hex = eventName.slice(eventName.lastIndexOf(".") + 1);
  if (!/^[0-9a-f]{1,16}$/.test(hex)) return undefined;
  return toRFC3339(instant(Number(BigInt(`0x${hex}`) / 1_000_000n)));
}

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
