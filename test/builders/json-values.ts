// Random JSON-like values for property tests of value comparisons (same-json.ts, canonical.ts).

import fc from "fast-check";

/** Any value, objects without a prototype among them, a few levels deep. */
export const anyValue = fc.anything({ withNullPrototype: true, withObjectString: false, maxDepth: 5 });

/** A copy of `value` with every object's keys in the reverse order. */
export function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reordered(v)]));
}
