import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../api/types";
import { naturalLess, relaxedJSONPath, sortObjects } from "./sort";
import { findValues } from "./find-values";

const cm = (name: string, data: Record<string, unknown>): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data });

const sorts = [
  { name: "sorts names in natural order", field: ".metadata.name", objects: [cm("pod-10", {}), cm("pod-9", {}), cm("pod-1", {})], want: ["pod-1", "pod-9", "pod-10"] },
  { name: "sorts numbers numerically", field: "{.data.n}", objects: [cm("a", { n: 10 }), cm("b", { n: 9 }), cm("c", { n: 100 })], want: ["b", "a", "c"] },
  { name: "sorts quantities by value", field: "data.q", objects: [cm("a", { q: "1Gi" }), cm("b", { q: "500Mi" }), cm("c", { q: "2" })], want: ["c", "b", "a"] },
  { name: "puts objects without the field first, keeping their order", field: ".data.n", objects: [cm("a", { n: 2 }), cm("b", {}), cm("c", { n: 1 }), cm("d", {})], want: ["b", "d", "c", "a"] },
];

describe("sortObjects", () => {
  it.each(sorts)("$name", ({ field, objects, want }) => {
    expect(sortObjects(objects, field, findValues).map((o) => o.metadata.name)).toEqual(want);
  });

  it("fails when no object has the field", () => {
    expect(() => sortObjects([cm("a", {})], ".spec.x", findValues)).toThrow('couldn\'t find any field with path "{.spec.x}" in the list of objects');
  });

  it("accepts an empty list whatever the field", () => {
    expect(sortObjects([], ".spec.x", findValues)).toEqual([]);
  });
});

describe("relaxedJSONPath", () => {
  it.each([
    { name: "adds braces and the leading dot", field: "metadata.name", want: "{.metadata.name}" },
    { name: "adds braces", field: ".metadata.name", want: "{.metadata.name}" },
    { name: "adds the leading dot inside braces", field: "{metadata.name}", want: "{.metadata.name}" },
    { name: "keeps a full template", field: "{.metadata.name}", want: "{.metadata.name}" },
  ])("$name", ({ field, want }) => {
    expect(relaxedJSONPath(field)).toBe(want);
  });
});

describe("naturalLess", () => {
  it.each([
    { name: "compares digit runs as numbers", a: "a9", b: "a10", want: true },
    { name: "puts digits before letters", a: "1a", b: "aa", want: true },
    { name: "puts the number with fewer leading zeros first when equal", a: "a1", b: "a01", want: true },
    { name: "puts a prefix first", a: "web", b: "web-1", want: true },
    { name: "is false for equal strings", a: "x", b: "x", want: false },
  ])("$name", ({ a, b, want }) => {
    expect(naturalLess(a, b)).toBe(want);
  });
});
