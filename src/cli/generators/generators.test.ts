import { describe, expect, it } from "vitest";
import { createRng } from "../../sim/random";
import { containerNameForImage } from "./deployment";
import { parseEnvFile } from "./env-file";
import { configMapHash, encodeHash } from "./configmap-hash";
import { parseFileSource, parseLiteralSource } from "./key-sources";
import { mergePatch } from "./pod";

describe("containerNameForImage", () => {
  it.each([
    { name: "drops the registry and path", image: "registry.k8s.io/pause:3.9", want: "pause" },
    { name: "drops the tag", image: "busybox:1.36", want: "busybox" },
    { name: "drops a digest", image: "nginx@sha256:abc", want: "nginx" },
    { name: "keeps a port in the registry out of the name", image: "my.reg:5000/nginx", want: "nginx" },
  ])("$name", ({ image, want }) => {
    expect(containerNameForImage(image, createRng(1))).toBe(want);
  });
  it("turns _ and . into - and adds a random suffix", () => {
    expect(containerNameForImage("a/b_c.D", createRng(1))).toMatch(/^b-c-D-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });
});

describe("parseEnvFile", () => {
  it("keeps values verbatim, skips comments and blank lines, and reads bare keys from the environment", () => {
    expect(parseEnvFile("\uFEFFA=1 \n# c\n\n  B=\"x\"\nC\nD=a=b\r\n", "f", { C: "env" })).toEqual([
      ["A", "1 "],
      ["B", '"x"'],
      ["C", "env"],
      ["D", "a=b"],
    ]);
  });
  it("refuses a key that is not an environment variable name", () => {
    expect(() => parseEnvFile("1K=x\n", "f", {})).toThrow('"1K" is not a valid key name: a valid environment variable name');
  });
});

describe("configMapHash", () => {
  it("matches kubectl's --append-hash suffix", () => {
    expect(configMapHash("c", { a: "b" }, {})).toBe("m4h6ctkgb2");
  });
  it("maps 0 1 3 a e to consonants in the first ten hex digits", () => {
    expect(encodeHash("013ae456789abc")).toBe("ghkmt45678");
  });
});

describe("configmap sources", () => {
  it.each([
    { name: "a bare path keys by base name", source: "dir/a.txt", want: ["a.txt", "dir/a.txt"] },
    { name: "key=path keys by the key", source: "k=dir/a.txt", want: ["k", "dir/a.txt"] },
  ])("$name", ({ source, want }) => {
    expect(parseFileSource(source)).toEqual(want);
  });
  it("refuses = in both key and path", () => {
    expect(() => parseFileSource("a=b=c")).toThrow("key names or file paths cannot contain '='");
  });
  it("splits a literal at its first =", () => {
    expect(parseLiteralSource("a=b=c")).toEqual(["a", "b=c"]);
  });
});

describe("mergePatch", () => {
  it("merges objects, replaces lists and deletes nulls", () => {
    expect(mergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { c: null, d: 3 }, l: [3] })).toEqual({ a: { b: 1, d: 3 }, l: [3] });
  });
});
