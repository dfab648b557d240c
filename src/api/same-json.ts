// Whether two values have the same JSON text, without building it: the check that a short
// runtime record or Pod expands back byte for byte runs on every one saved, and
// most of an expanded record is the very objects of the original, which compare at once.

/**
 * JSON.stringify(a) === JSON.stringify(b), for data without toJSON (where it falls back to
 * building the text): same keys in the same order once undefined, function and symbol values
 * are left out, same array items (those count as null), same primitives.
 * @example sameJson({ a: 1, b: undefined }, { a: 1 }) // true
 * @example sameJson({ a: 1, b: 2 }, { b: 2, a: 1 }) // false: the key order differs
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Two different strings never have the same JSON text: the common unequal pair, told at once.
  if (typeof a === "string" && typeof b === "string") return false;
  if (!isPlainData(a) || !isPlainData(b)) return JSON.stringify(a) === JSON.stringify(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(asItem(a[i]), asItem(b[i]))) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra);
  const kb = Object.keys(rb);
  // The same keys: a key left out on both sides (undefined, a function) compares equal too.
  if (sameKeys(ka, kb)) {
    for (let i = 0; i < ka.length; i++) if (!sameJson(ra[ka[i]], rb[ka[i]])) return false;
    return true;
  }
  // Otherwise the written keys, side by side, skipping what JSON.stringify leaves out.
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < ka.length && !isWritten(ra[ka[i]])) i++;
    while (j < kb.length && !isWritten(rb[kb[j]])) j++;
    if (i === ka.length || j === kb.length) return i === ka.length && j === kb.length;
    if (ka[i] !== kb[j] || !sameJson(ra[ka[i]], rb[kb[j]])) return false;
    i++;
    j++;
  }
}

function sameKeys(ka: readonly string[], kb: readonly string[]): boolean {
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return false;
  return true;
}

/** An object or array JSON.stringify walks key by key (no toJSON of its own). */
function isPlainData(v: unknown): v is object {
  return typeof v === "object" && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== "function";
}

/** Whether JSON.stringify writes an object's key with this value. */
const isWritten = (v: unknown): boolean => v !== undefined && typeof v !== "function" && typeof v !== "symbol";

/** An array item as JSON.stringify writes it: what an object would leave out is null. */
const asItem = (v: unknown): unknown => (isWritten(v) ? v : null);
