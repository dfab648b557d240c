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
  return same(a, b, 0);
}

/**
 * Key lists by depth, reused: a save compares every Pod, Event and runtime record it shortens,
 * and two fresh key arrays for every object pair were most of what that allocated. The lists of
 * depth d are slots 2d and 2d + 1; a deeper call uses other slots, a sibling the same ones.
 */
const keyLists: string[][] = [];

/** The object's own keys into slot `slot`, as Object.keys orders them; returns how many. */
function keysInto(o: Record<string, unknown>, slot: number): number {
  const keys = (keyLists[slot] ??= []);
  let n = 0;
  for (const k in o) keys[n++] = k; // only plain objects come here: nothing enumerable is inherited
  return n;
}

function same(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return true;
  // Two different strings never have the same JSON text: the common unequal pair, told at once.
  if (typeof a === "string" && typeof b === "string") return false;
  if (!isPlainData(a) || !isPlainData(b)) return JSON.stringify(a) === JSON.stringify(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(asItem(a[i]), asItem(b[i]), depth + 1)) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const na = keysInto(ra, 2 * depth);
  const nb = keysInto(rb, 2 * depth + 1);
  const ka = keyLists[2 * depth];
  const kb = keyLists[2 * depth + 1];
  // The same keys: a key left out on both sides (undefined, a function) compares equal too.
  if (sameKeys(ka, na, kb, nb)) {
    for (let i = 0; i < na; i++) if (!same(ra[ka[i]], rb[ka[i]], depth + 1)) return false;
    return true;
  }
  // Otherwise the written keys, side by side, skipping what JSON.stringify leaves out.
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < na && !isWritten(ra[ka[i]])) i++;
    while (j < nb && !isWritten(rb[kb[j]])) j++;
    if (i === na || j === nb) return i === na && j === nb;
    if (ka[i] !== kb[j] || !same(ra[ka[i]], rb[kb[j]], depth + 1)) return false;
    i++;
    j++;
  }
}

function sameKeys(ka: readonly string[], na: number, kb: readonly string[], nb: number): boolean {
  if (na !== nb) return false;
  for (let i = 0; i < na; i++) if (ka[i] !== kb[i]) return false;
  return true;
}

/**
 * An array, or an object JSON.stringify walks key by key as for-in lists them: no toJSON of its
 * own, and a prototype with nothing enumerable (a plain object's, or none). Anything else is
 * compared by its text.
 */
function isPlainData(v: unknown): v is object {
  if (typeof v !== "object" || v === null) return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== "function";
}

/** Whether JSON.stringify writes an object's key with this value. */
const isWritten = (v: unknown): boolean => v !== undefined && typeof v !== "function" && typeof v !== "symbol";

/** An array item as JSON.stringify writes it: what an object would leave out is null. */
const asItem = (v: unknown): unknown => (isWritten(v) ? v : null);
