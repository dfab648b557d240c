import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { sameJson } from "./same-json";
import { anyValue, reordered } from "../../test/builders/json-values";

const shared = { files: { "etc/hostname": "web\n" }, dirs: ["etc"] };

describe("sameJson is JSON.stringify equality", () => {
  const cases: { name: string; a: unknown; b: unknown }[] = [
    { name: "the same object", a: shared, b: shared },
    { name: "equal objects built apart", a: { x: [1, "a", null, true], y: { z: 2 } }, b: { x: [1, "a", null, true], y: { z: 2 } } },
    { name: "the same keys in another order", a: { a: 1, b: 2 }, b: { b: 2, a: 1 } },
    { name: "a key whose value is undefined, and none", a: { a: 1, b: undefined }, b: { a: 1 } },
    { name: "a function value, and none", a: { a: 1, f: () => 1 }, b: { a: 1 } },
    { name: "undefined in an array, and null", a: [undefined, 1], b: [null, 1] },
    { name: "arrays of other lengths", a: [1, 2], b: [1, 2, 3] },
    { name: "an array and an object with its indexes as keys", a: ["x"], b: { 0: "x" } },
    { name: "NaN and null", a: { n: Number.NaN }, b: { n: null } },
    { name: "0 and -0", a: [0], b: [-0] },
    { name: "a number and its string", a: { n: 1 }, b: { n: "1" } },
    { name: "strings that differ in one character", a: { s: "tick 1" }, b: { s: "tick 2" } },
    { name: "a value with toJSON and its JSON", a: { d: new Date(0) }, b: { d: "1970-01-01T00:00:00.000Z" } },
    { name: "null and an empty object", a: { v: null }, b: { v: {} } },
    { name: "a nested difference deep inside shared siblings", a: { s: shared, v: [{ k: [1] }] }, b: { s: shared, v: [{ k: [2] }] } },
    { name: "undefined members at other places", a: { u: undefined, a: 1, v: undefined, b: 2 }, b: { a: 1, w: undefined, b: 2, x: undefined } },
    { name: "undefined members, then a written key only one side has", a: { a: 1, u: undefined }, b: { a: 1, u: undefined, c: 3 } },
    { name: "undefined members and keys in another order", a: { a: 1, u: undefined, b: 2 }, b: { b: 2, a: 1 } },
    { name: "undefined members and a different value", a: { a: 1, u: undefined, b: 2 }, b: { a: 1, b: 3 } },
    { name: "only undefined members on one side", a: { u: undefined }, b: {} },
    { name: "an inherited member, which JSON leaves out", a: Object.assign(Object.create({ x: 1 }), { a: 1 }), b: { a: 1 } },
    { name: "an object without a prototype", a: Object.assign(Object.create(null), { a: 1 }), b: { a: 1 } },
    { name: "a class instance and its fields", a: new (class { a = 1 })(), b: { a: 1 } },
    { name: "objects nested deeper than the ones before", a: { a: { b: { c: { d: { e: [1, { f: 2 }] } } } } }, b: { a: { b: { c: { d: { e: [1, { f: 3 }] } } } } } },
  ];

  it.each(cases)("$name", ({ a, b }) => {
    expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
    expect(sameJson(b, a)).toBe(JSON.stringify(a) === JSON.stringify(b));
  });

  it("agrees with JSON.stringify on random values, and on each value against a copy with its keys reordered", () => {
    fc.assert(
      fc.property(anyValue, anyValue, (a, b) => {
        expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
        expect(sameJson(a, reordered(a))).toBe(JSON.stringify(a) === JSON.stringify(reordered(a)));
        expect(sameJson(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});
