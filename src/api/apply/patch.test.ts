import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyJsonPatch, applyMergePatch, createMergePatch, PatchError } from "./patch";

// RFC 7386 Appendix A, every row.
const rfc7386 = [
  { target: { a: "b" }, patch: { a: "c" }, result: { a: "c" } },
  { target: { a: "b" }, patch: { b: "c" }, result: { a: "b", b: "c" } },
  { target: { a: "b" }, patch: { a: null }, result: {} },
  { target: { a: "b", b: "c" }, patch: { a: null }, result: { b: "c" } },
  { target: { a: ["b"] }, patch: { a: "c" }, result: { a: "c" } },
  { target: { a: "c" }, patch: { a: ["b"] }, result: { a: ["b"] } },
  { target: { a: { b: "c" } }, patch: { a: { b: "d", c: null } }, result: { a: { b: "d" } } },
  { target: { a: [{ b: "c" }] }, patch: { a: [1] }, result: { a: [1] } },
  { target: ["a", "b"], patch: ["c", "d"], result: ["c", "d"] },
  { target: { a: "b" }, patch: ["c"], result: ["c"] },
  { target: { a: "foo" }, patch: null, result: null },
  { target: { a: "foo" }, patch: "bar", result: "bar" },
  { target: { e: null }, patch: { a: 1 }, result: { e: null, a: 1 } },
  { target: [1, 2], patch: { a: "b", c: null }, result: { a: "b" } },
  { target: {}, patch: { a: { bb: { ccc: null } } }, result: { a: { bb: {} } } },
].map((c) => ({ ...c, name: `merges ${JSON.stringify(c.patch)} into ${JSON.stringify(c.target)} as RFC 7386 says` }));

describe("applyMergePatch", () => {
  it.each(rfc7386)("$name", ({ target, patch, result }) => {
    expect(applyMergePatch(target, patch)).toEqual(result);
  });
});

describe("applyJsonPatch", () => {
  const doc = { spec: { replicas: 1, template: { spec: { containers: [{ name: "a", image: "x" }] } } } };
  it.each([
    { name: "replaces a value by path", ops: [{ op: "replace", path: "/spec/replicas", value: 3 }], want: { ...doc, spec: { ...doc.spec, replicas: 3 } } },
    {
      name: "adds to the end of a list with -",
      ops: [{ op: "add", path: "/spec/template/spec/containers/-", value: { name: "b" } }],
      want: { spec: { replicas: 1, template: { spec: { containers: [{ name: "a", image: "x" }, { name: "b" }] } } } },
    },
    { name: "removes a field", ops: [{ op: "remove", path: "/spec/replicas" }], want: { spec: { template: doc.spec.template } } },
    { name: "passes a test that holds", ops: [{ op: "test", path: "/spec/replicas", value: 1 }], want: doc },
  ] as const)("$name", ({ ops, want }) => {
    expect(applyJsonPatch(doc, ops as never)).toEqual(want);
    expect(doc.spec.replicas).toBe(1);
  });

  it("fails a test that does not hold", () => {
    expect(() => applyJsonPatch(doc, [{ op: "test", path: "/spec/replicas", value: 2 }])).toThrow(PatchError);
  });

  it("fails to remove a path that does not exist", () => {
    expect(() => applyJsonPatch(doc, [{ op: "remove", path: "/spec/nope" }])).toThrow(PatchError);
  });
});

const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), fc.array(tie("value"), { maxLength: 3 }), tie("object")),
  object: fc.dictionary(fc.constantFrom("a", "b", "c"), tie("value"), { maxKeys: 3 }),
})).value;
const objectNoNulls = fc.dictionary(fc.constantFrom("a", "b", "c", "d"), json, { maxKeys: 4 });

describe("merge patch algebra", () => {
  it("applying createMergePatch(a, b) to a gives b", () => {
    fc.assert(
      fc.property(objectNoNulls, objectNoNulls, (a, b) => {
        expect(applyMergePatch(a, createMergePatch(a, b))).toEqual(b);
      }),
      { numRuns: 300 },
    );
  });

  it("applying a patch twice is the same as once", () => {
    fc.assert(
      fc.property(objectNoNulls, objectNoNulls, (a, p) => {
        const once = applyMergePatch(a, p);
        expect(applyMergePatch(once, p)).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });
});
