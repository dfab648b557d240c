// SortedNames against a plain sorted array: the same names, positions and prefix matches after
// any inserts and removals, with blocks small enough that they split, empty and go.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SortedNames } from "./sorted-names";

const plainLowerBound = (names: readonly string[], name: string) => {
  const i = names.findIndex((n) => n >= name);
  return i < 0 ? names.length : i;
};

describe("SortedNames", () => {
  it.each([
    { name: "empty", start: [], ops: [], want: [] },
    { name: "insert into empty", start: [], ops: ["+b", "+a", "+c"], want: ["a", "b", "c"] },
    { name: "a full block splits", start: ["a", "b", "c", "d"], ops: ["+bb", "+cc"], want: ["a", "b", "bb", "c", "cc", "d"] },
    { name: "insert after the last block", start: ["a", "b"], ops: ["+z"], want: ["a", "b", "z"] },
    { name: "remove empties a block", start: ["a", "b", "c"], ops: ["-c", "-b"], want: ["a"] },
    { name: "remove what is not there", start: ["a", "c"], ops: ["-b", "-d"], want: ["a", "c"] },
    { name: "upper case sorts before lower", start: [], ops: ["+b", "+B", "+a"], want: ["B", "a", "b"] },
  ])("$name", ({ start, ops, want }) => {
    const names = new SortedNames(start, 2);
    for (const op of ops) {
      if (op[0] === "+") names.insert(op.slice(1));
      else names.remove(op.slice(1));
    }
    expect(names.toArray()).toEqual(want);
    expect([...names]).toEqual(want);
    expect(names.length).toBe(want.length);
  });

  it("finds names by prefix across blocks, stopping at the first that does not match", () => {
    const names = new SortedNames(["web", "web.1", "web.2", "web.3", "web.4", "web1.1", "webx"], 2);
    expect(names.withPrefix("web.")).toEqual(["web.1", "web.2", "web.3", "web.4"]);
    expect(names.withPrefix("web1.")).toEqual(["web1.1"]);
    expect(names.withPrefix("zzz")).toEqual([]);
    expect(names.withPrefix("")).toEqual(names.toArray());
  });

  it("agrees with a sorted array through random inserts and removes", () => {
    const name = fc.constantFrom("a", "a.1", "a.2", "a.10", "ab", "b", "b.1", "c", "c.x", "d", "e", "f");
    const op = fc.record({ insert: fc.boolean(), name });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(op, { maxLength: 60 }), name, (block, ops, probe) => {
        const names = new SortedNames([], block);
        let plain: string[] = [];
        for (const { insert, name } of ops) {
          if (insert && !plain.includes(name)) {
            names.insert(name);
            plain = [...plain, name].sort();
          } else if (!insert) {
            expect(names.remove(name)).toBe(plain.includes(name));
            plain = plain.filter((n) => n !== name);
          }
          expect(names.toArray()).toEqual(plain);
          expect(names.length).toBe(plain.length);
          expect(names.lowerBound(probe)).toBe(plainLowerBound(plain, probe));
          expect(names.withPrefix(probe)).toEqual(plain.filter((n) => n.startsWith(probe)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
