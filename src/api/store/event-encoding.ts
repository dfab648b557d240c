// How an Event is saved: without what its key and the recorder's rules (sim/recorder.ts)
// already say, which is most of its size, and Events are most of a state file. Its name and
// namespace are its key; its creation time is the UnixNano stamp that ends its name
// (client-go names Events <object>.<hex nanoseconds>); its first timestamp is its creation,
// its last its first; count 1, type Normal, no eventTime, reporting fields equal to its
// source. The involved object is saved as `for`, less an apiVersion its kind implies, a kind
// Pod, the name the Event's own name begins with and the Event's namespace; the Event's uid and
// resourceVersion sit beside it when its metadata holds nothing else. The message is saved as
// the free parts of its reason's template and the source as its host (event-messages.ts). An
// Event is saved short only when expanding gives it back byte for byte.
//
// Two older short forms stay readable. `regarding` (the previous one) is `for` with metadata
// whole, message and source whole, and only an apiVersion v1 left out. `involvedObject` (the
// first) has the involved object whole but for its namespace, and always a lastTimestamp.

import type { KubeObject, ObjectKey } from "../types";
import { instant, toRFC3339 } from "../../sim/time";
import { sameJson } from "../same-json";
import { containerOf, expandMessage, impliedApiVersion, impliedComponent, shortMessage, type MessageContext } from "./event-messages";

type Json = Record<string, any>;

/** The forms, by the field that holds the involved object. */
type Form = "for" | "regarding" | "involvedObject";

/** The top-level fields after the involved object, in the recorder's order. */
const FIELDS = ["reason", "message", "source", "firstTimestamp", "lastTimestamp", "count", "type", "eventTime", "reportingComponent", "reportingInstance"];

/** Fields of the short form that are not the Event's own. */
const SHORT_ONLY = new Set(["uid", "resourceVersion", "metadata", "for", "regarding", "involvedObject", "host"]);

/**
 * The short form of the Event stored under `key`, or undefined when it would not expand back
 * exactly. `shaped`: the Event is known to have expandEvent's shape (a new one the recorder
 * made), where the form always expands back, and is not expanded to check.
 */
export function shortEvent(key: ObjectKey, e: KubeObject, shaped = false): Json | undefined {
  if (e.kind !== "Event" || e.apiVersion !== "v1" || !isObject(e.involvedObject) || !isObject(e.metadata)) return undefined;
  const { name, namespace } = keyParts(key);
  const involved = e.involvedObject as Json;
  const { apiVersion, kind, name: involvedName } = involved;
  if (typeof apiVersion !== "string" || typeof kind !== "string" || typeof involvedName !== "string") return undefined;
  const metadata: Json = {};
  const stamp = stampOfName(name);
  for (const field in e.metadata) {
    const value = (e.metadata as Json)[field];
    if (field !== "name" && field !== "namespace" && !(field === "creationTimestamp" && value === stamp)) metadata[field] = value;
  }
  const fields = Object.keys(metadata);
  const short: Json = fields.length === 2 && fields[0] === "uid" && fields[1] === "resourceVersion" ? { uid: metadata.uid, resourceVersion: metadata.resourceVersion } : { metadata };
  const about: Json = (short.for = {});
  if (apiVersion !== impliedApiVersion(kind)) about.apiVersion = apiVersion;
  if (kind !== "Pod") about.kind = kind;
  if (involvedName !== objectNameOf(name)) about.name = involvedName;
  if (involved.namespace !== namespace) about.namespace = involved.namespace ?? null;
  for (const field in involved) if (field !== "apiVersion" && field !== "kind" && field !== "name" && field !== "namespace") about[field] = involved[field];
  const expanded: Json = { metadata: e.metadata };
  for (const field in e) {
    if (field === "apiVersion" || field === "kind" || field === "metadata" || field === "involvedObject") continue;
    const value = (e as Json)[field];
    if (field === "message") saveMessage(short, e, value);
    else if (field === "source") saveSource(short, e, value);
    else if (value !== defaultOf(field, expanded, "for")) short[field] = value;
    expanded[field] = value;
  }
  return shaped || sameJson(expandEvent(key, short), e) ? short : undefined;
}

/** The message as its template's free parts (none: left out), or whole. */
function saveMessage(short: Json, e: KubeObject, message: unknown): void {
  const free = shortMessage(contextOf(e.reason, e.involvedObject as Json), message);
  if (!free) short.message = message;
  else if (free.length > 0) short.message = free;
}

/** The source as its host alone when its component is the one implied, or whole. */
function saveSource(short: Json, e: KubeObject, source: unknown): void {
  const { component, host, ...rest } = (isObject(source) ? source : {}) as Json;
  const implied = isObject(source) && Object.keys(rest).length === 0 && component === impliedComponent(e.reason, (e.involvedObject as Json).kind, host);
  if (!implied) short.source = source;
  else if (host !== undefined) short.host = host;
}

/** Whether a saved Event is in a short form (any). */
export const isShortEvent = (saved: Json) => saved.kind === undefined && formOf(saved) !== undefined;

function formOf(saved: Json): Form | undefined {
  return isObject(saved.for) ? "for" : isObject(saved.regarding) ? "regarding" : isObject(saved.involvedObject) ? "involvedObject" : undefined;
}

/** The Event a short form stands for, its fields in the recorder's order. */
export function expandEvent(key: ObjectKey, short: Json): KubeObject {
  const { name, namespace } = keyParts(key);
  const form = formOf(short) ?? "for";
  const involved = short[form] as Json;
  const metadata: Json = { name, namespace };
  const savedMetadata = form !== "for" || isObject(short.metadata) ? short.metadata : { uid: short.uid, resourceVersion: short.resourceVersion };
  for (const field in savedMetadata) metadata[field] = savedMetadata[field];
  if (form !== "involvedObject" && !("creationTimestamp" in metadata)) metadata.creationTimestamp = stampOfName(name);
  const kind = form === "involvedObject" ? involved.kind : (involved.kind ?? "Pod");
  const apiVersion = involved.apiVersion ?? (form === "for" ? impliedApiVersion(kind) : form === "regarding" ? "v1" : undefined);
  const involvedObject: Json = { apiVersion, kind, name: form === "involvedObject" ? involved.name : (involved.name ?? objectNameOf(name)) };
  // Saved without a namespace: the Event's; saved as null: none (a Node's Event).
  if (involved.namespace === undefined) involvedObject.namespace = namespace;
  else if (involved.namespace !== null) involvedObject.namespace = involved.namespace;
  for (const field in involved) if (!(field in involvedObject) && field !== "namespace") involvedObject[field] = involved[field];
  const event: Json = { apiVersion: "v1", kind: "Event", metadata, involvedObject };
  for (const field of FIELDS) {
    const value = field in short ? savedValue(field, short, event) : defaultOf(field, event, form, short);
    if (value !== undefined) event[field] = value;
  }
  for (const field in short) if (!(field in event) && !SHORT_ONLY.has(field)) event[field] = short[field];
  return event as KubeObject;
}

/** A field saved in the short form: a `for` form's message may be its template's free parts. */
function savedValue(field: string, short: Json, event: Json): unknown {
  const value = short[field];
  if (field !== "message" || !Array.isArray(value) || !isObject(short.for)) return value;
  return expandMessage(contextOf(event.reason, event.involvedObject), value) ?? value;
}

/**
 * When a saved Event was last seen, read from its text without decoding it; undefined when
 * only decoding tells (event-ttl.ts then decodes it).
 */
export function savedLastTimestamp(key: ObjectKey, raw: { includes(text: string): boolean; stringField(field: string): string | undefined }): string | undefined {
  if (raw.includes('"lastTimestamp"')) return raw.stringField("lastTimestamp");
  if (!raw.includes('"regarding":') && !raw.includes('"for":')) return undefined;
  return raw.stringField("firstTimestamp") ?? raw.stringField("creationTimestamp") ?? stampOfName(keyParts(key).name);
}

/** What the recorder puts in a field when nothing says otherwise (`event` holds the fields before it). */
function defaultOf(field: string, event: Json, form: Form, short: Json = {}): unknown {
  const source = event.source as Json | undefined;
  switch (field) {
    case "message":
      return form === "for" ? expandMessage(contextOf(event.reason, event.involvedObject), []) : undefined;
    case "source":
      return form === "for" ? impliedSource(event, short.host) : undefined;
    case "firstTimestamp":
      return event.metadata.creationTimestamp;
    case "lastTimestamp":
      return form === "involvedObject" ? undefined : event.firstTimestamp;
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

function impliedSource(event: Json, host: unknown): Json {
  const component = impliedComponent(event.reason, event.involvedObject.kind, host);
  return host === undefined ? { component } : { component, host };
}

function contextOf(reason: unknown, involved: Json): MessageContext {
  return { reason: String(reason), kind: String(involved.kind), name: involved.name, namespace: involved.namespace, uid: involved.uid, container: containerOf(involved.fieldPath) };
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
  return /^[0-9a-f]{1,16}$/.test(hex) ? stampOfSecond(secondOfNanos(hex)) : undefined;
}

/**
 * floor(n / 10^9) for n written in at most 16 hex digits, exactly: long division by 16-bit
 * digits, each step within a double's exact integers. BigInt division, run cold in a save, took
 * 40 ms of the 1,000-pod rollout's.
 * @example secondOfNanos("1816687ec0570000") === 1735689600
 */
export function secondOfNanos(hex: string): number {
  const digits = hex.padStart(16, "0");
  let quotient = 0;
  let rest = 0;
  for (let at = 0; at < 16; at += 4) {
    const current = rest * 65536 + parseInt(digits.slice(at, at + 4), 16);
    const q = Math.floor(current / 1e9);
    rest = current - q * 1e9;
    quotient = quotient * 65536 + q;
  }
  return quotient;
}

function stampOfSecond(second: number): string {
  let stamp = stampsBySecond.get(second);
  if (stamp === undefined) {
    if (stampsBySecond.size >= 10_000) stampsBySecond.clear();
    stampsBySecond.set(second, (stamp = toRFC3339(instant(second * 1000))));
  }
  return stamp;
}

const stampsBySecond = new Map<number, string>();

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
