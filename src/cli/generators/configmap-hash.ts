// --append-hash: staging/src/k8s.io/kubectl/pkg/util/hash/hash.go ConfigMapHash and SecretHash —
// sha256 of Go's json.Marshal of {binaryData?, data, kind, name} (a Secret: {data, kind, name,
// type}; keys sorted), first 10 hex digits with the vowel-like ones mapped to consonants.

import { createHash } from "node:crypto";
import { goMap } from "./go-typed";

export function configMapHash(name: string, data: Record<string, string>, binaryData: Record<string, string>): string {
  const m: Record<string, unknown> = {};
  if (Object.keys(binaryData).length > 0) m.binaryData = goMap(binaryData);
  m.data = goMap(data);
  m.kind = "ConfigMap";
  m.name = name;
  return encodeHash(createHash("sha256").update(goJson(m)).digest("hex"));
}

/** SecretHash: `data` holds the values base64-encoded, as Go marshals []byte. */
export function secretHash(name: string, type: string, data: Record<string, string>): string {
  return encodeHash(createHash("sha256").update(goJson({ data: goMap(data), kind: "Secret", name, type })).digest("hex"));
}

/** encodeHash: 0→g 1→h 3→k a→m e→t over the first ten hex digits. */
export function encodeHash(hex: string): string {
  const map: Record<string, string> = { "0": "g", "1": "h", "3": "k", a: "m", e: "t" };
  return [...hex.slice(0, 10)].map((c) => map[c] ?? c).join("");
}

/** Go's json.Marshal escapes <, > and & (and U+2028/U+2029) inside strings. */
function goJson(v: unknown): string {
  return JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
