import { describe, expect, it } from "vitest";
import { dictionary, withEntry, withoutKeys } from "./dictionary";

describe("dictionary", () => {
  it("holds its entries as own keys, and reads as a plain object in JSON and Object.entries", () => {
    const d = dictionary([["uid-1", "Pod/default/a"], ["uid-2", "Pod/default/b"]]);
    expect(Object.entries(d)).toEqual([["uid-1", "Pod/default/a"], ["uid-2", "Pod/default/b"]]);
    expect(JSON.stringify(d)).toBe('{"uid-1":"Pod/default/a","uid-2":"Pod/default/b"}');
    expect(d).toStrictEqual({ "uid-1": "Pod/default/a", "uid-2": "Pod/default/b" });
  });

  type Row = { name: string; from: Record<string, number>; op: (d: Record<string, number>) => Record<string, number>; want: Record<string, number> };
  it.each<Row>([
    { name: "adds a key", from: { a: 1 }, op: (d) => withEntry(d, "b", 2), want: { a: 1, b: 2 } },
    { name: "replaces a key", from: { a: 1 }, op: (d) => withEntry(d, "a", 3), want: { a: 3 } },
    { name: "drops the keys picked", from: { a: 1, b: 2, c: 3 }, op: (d) => withoutKeys(d, (k) => k !== "b"), want: { b: 2 } },
    { name: "drops nothing", from: { a: 1 }, op: (d) => withoutKeys(d, () => false), want: { a: 1 } },
  ])("$name, leaving the original as it was", ({ from, op, want }) => {
    const before = { ...from };
    const out = op(from);
    expect({ ...out }).toEqual(want);
    expect(from).toEqual(before);
  });
});
