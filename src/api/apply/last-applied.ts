// The kubectl.kubernetes.io/last-applied-configuration annotation, written exactly as kubectl
// writes it (k8s.io/kubectl/pkg/util/apply.go GetModifiedConfiguration): the applied object
// with that annotation removed — leaving `"annotations":{}` when it was the only one — encoded
// as Go's encoding/json encodes an unstructured object (compact, map keys sorted, `<>&`
// escaped) plus json.Encoder's trailing newline.

import type { KubeObject } from "../types";
import { deepCopy } from "../deep-copy";

export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/** Go's json.Marshal of a map-based value: compact, keys sorted bytewise, HTML characters escaped. */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return goString(value);
  if (typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
  if (Array.isArray(value)) return "[" + value.map(goJson).join(",") + "]";
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort(byteOrder);
  return "{" + keys.map((k) => goString(k) + ":" + goJson(obj[k])).join(",") + "}";
}

function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** The annotation's value for obj: what `apply` and `create --save-config` record. */
export function lastAppliedValue(obj: KubeObject): string {
  const copy = deepCopy(obj);
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = annotations;
  return goJson(copy) + "\n";
}

/** obj with the annotation set to its own configuration (CreateApplyAnnotation). */
export function withLastApplied(obj: KubeObject): KubeObject {
  const value = lastAppliedValue(obj);
  const copy = deepCopy(obj);
  copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [LAST_APPLIED]: value };
  return copy;
}

/** The configuration last applied to a live object, or undefined when it has none (or it is unreadable). */
export function getOriginalConfiguration(live: KubeObject): Record<string, unknown> | undefined {
  const text = live.metadata.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
