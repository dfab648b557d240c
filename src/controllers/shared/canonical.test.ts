import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonicalJSON, sameJSON } from "./canonical";
import { anyValue, reordered } from "../../../test/builders/json-values";

describe("sameJSON is equality of canonical JSON, without building it", () => {
  const cases: { name: string; a: unknown; b: unknown; want: boolean }[] = [
    { name: "the same primitive", a: 1, b: 1, want: true },
    { name: "a number and its string", a: 1, b: "1", want: false },
    { name: "null and an empty object", a: null, b: {}, want: false },
    { name: "the same keys in another order", a: { a: 1, b: [2, { c: 3, d: 4 }] }, b: { b: [2, { d: 4, c: 3 }], a: 1 }, want: true },
    { name: "an undefined member and none", a: { a: 1, b: undefined }, b: { a: 1 }, want: true },
    { name: "a null member and none", a: { a: 1, b: null }, b: { a: 1 }, want: false },
    { name: "a null member and an undefined one", a: { b: null }, b: { b: undefined }, want: false },
    { name: "an undefined array item and null (both are written null)", a: [1, undefined], b: [1, null], want: true },
    { name: "NaN and null (both are written null)", a: { n: NaN }, b: { n: null }, want: true },
    { name: "arrays in another order", a: [1, 2], b: [2, 1], want: false },
    { name: "an array and an object with its indexes as keys", a: ["x"], b: { 0: "x" }, want: false },
    { name: "a member only the second has", a: { a: 1 }, b: { a: 1, b: 2 }, want: false },
    { name: "a nested difference", a: { s: { t: [{ u: 1 }] } }, b: { s: { t: [{ u: 2 }] } }, want: false },
    { name: "an inherited member does not count", a: Object.assign(Object.create({ x: 1 }), { a: 1 }), b: { a: 1 }, want: true },
    { name: "objects without a prototype", a: Object.assign(Object.create(null), { a: 1 }), b: { a: 1 }, want: true },
  ];

  it.each(cases)("$name", ({ a, b, want }) => {
    expect(canonicalJSON(a) === canonicalJSON(b)).toBe(want);
    expect(sameJSON(a, b)).toBe(want);
    expect(sameJSON(b, a)).toBe(want);
  });

  it("agrees with comparing the canonical texts on random values and their reorderings", () => {
    fc.assert(
      fc.property(anyValue, anyValue, (a, b) => {
        expect(sameJSON(a, b)).toBe(canonicalJSON(a) === canonicalJSON(b));
        expect(sameJSON(a, reordered(a))).toBe(canonicalJSON(a) === canonicalJSON(reordered(a)));
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
