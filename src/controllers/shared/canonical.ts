// Canonical JSON (object keys sorted, undefined dropped): the stable byte form kubesim hashes
// and compares templates with, standing in for Go's DeepHashObject / semantic DeepEqual.

export function canonicalJSON(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJSON(v))).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJSON(obj[k])}`).join(",")}}`;
}

/**
 * canonicalJSON(a) === canonicalJSON(b) (key order never matters), walked without building
 * the texts: controllers compare statuses and metadata this way at every sync.
 */
export function sameJSON(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Two different strings never have the same text: the common unequal pair (a time, a name), told without writing it.
  if (typeof a === "string" && typeof b === "string") return false;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return canonicalJSON(a) === canonicalJSON(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    // An undefined item is written null.
    for (let i = 0; i < a.length; i++) if (!sameJSON(a[i] === undefined ? null : a[i], b[i] === undefined ? null : b[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let written = 0;
  for (const k in ao) {
    if (!Object.hasOwn(ao, k) || ao[k] === undefined) continue;
    if (!Object.hasOwn(bo, k) || !sameJSON(ao[k], bo[k])) return false;
    written++;
  }
  for (const k in bo) if (Object.hasOwn(bo, k) && bo[k] !== undefined) written--;
  return written === 0;
}
