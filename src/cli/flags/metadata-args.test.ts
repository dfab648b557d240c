import { describe, expect, it } from "vitest";
import { parseAnnotationArgs, parseLabelArgs, splitResourcesAndPairs } from "./metadata-args";

describe("splitResourcesAndPairs", () => {
  it.each([
    { name: "splits TYPE NAME from the pairs", args: ["pod", "x", "a=b", "c-"], want: { resources: ["pod", "x"], pairs: ["a=b", "c-"] } },
    { name: "takes a leading = and a lone - for resources", args: ["=x", "-", "a=b"], want: { resources: ["=x", "-"], pairs: ["a=b"] } },
  ])("$name", ({ args, want }) => {
    expect(splitResourcesAndPairs(args, "label")).toEqual(want);
  });

  it("refuses a resource after the first pair", () => {
    expect(() => splitResourcesAndPairs(["pod", "a=b", "x"], "label")).toThrow("all resources must be specified before label changes: x");
  });
});

describe("parseLabelArgs", () => {
  it("keeps the last value of a repeated key", () => {
    expect(parseLabelArgs(["a=1", "a=2", "b-"])).toEqual({ set: new Map([["a", "2"]]), remove: ["b"] });
  });
  it.each([
    { name: "refuses a second =", spec: ["a=b=c"], error: "invalid label spec: a=b=c" },
    { name: "refuses an argument that is neither pair nor removal", spec: ["a"], error: "unknown label spec: a" },
    { name: "refuses setting and removing one key", spec: ["a=1", "a-"], error: "can not both modify and remove a label in the same command" },
  ])("$name", ({ spec, error }) => {
    expect(() => parseLabelArgs(spec)).toThrow(error);
  });
});

describe("parseAnnotationArgs", () => {
  it("splits at the first = only", () => {
    expect(parseAnnotationArgs(["q=a=b", "z-"])).toEqual({ set: new Map([["q", "a=b"]]), remove: ["z"] });
  });
  it("names every invalid pair", () => {
    expect(() => parseAnnotationArgs(["a", "=b"])).toThrow("invalid annotation format: a, =b");
  });
});
