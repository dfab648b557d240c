import { describe, expect, it } from "vitest";
import { deepEqual } from "./deep-equal";

describe("deepEqual compares JSON values by structure", () => {
  const cases: { name: string; a: unknown; b: unknown; want: boolean }[] = [
    { name: "the same primitive", a: 1, b: 1, want: true },
    { name: "different primitives", a: "a", b: "b", want: false },
    { name: "a number and its string", a: 1, b: "1", want: false },
    { name: "null and an empty object", a: null, b: {}, want: false },
    { name: "equal objects built apart", a: { x: [1, { y: "z" }] }, b: { x: [1, { y: "z" }] }, want: true },
    { name: "the same keys in another order", a: { a: 1, b: 2 }, b: { b: 2, a: 1 }, want: true },
    { name: "an undefined member and none", a: { a: 1, b: undefined }, b: { a: 1 }, want: true },
    { name: "undefined members on both sides under other keys", a: { a: 1, b: undefined }, b: { a: 1, c: undefined }, want: true },
    { name: "a member only the second has", a: { a: 1 }, b: { a: 1, b: 2 }, want: false },
    { name: "a member only the first has", a: { a: 1, b: 2 }, b: { a: 1 }, want: false },
    { name: "a defined member against an undefined one", a: { a: 1, b: 0 }, b: { a: 1, b: undefined }, want: false },
    { name: "arrays of other lengths", a: [1, 2], b: [1, 2, 3], want: false },
    { name: "arrays in another order", a: [1, 2], b: [2, 1], want: false },
    { name: "an array and an object with its indexes as keys", a: ["x"], b: { 0: "x" }, want: false },
    { name: "a nested difference", a: { s: { t: [{ u: 1 }] } }, b: { s: { t: [{ u: 2 }] } }, want: false },
    { name: "objects without a prototype", a: Object.assign(Object.create(null), { a: 1 }), b: { a: 1 }, want: true },
  ];

  it.each(cases)("$name", ({ a, b, want }) => {
    expect(deepEqual(a, b)).toBe(want);
    expect(deepEqual(b, a)).toBe(want);
  });
});
