import { describe, expect, it } from "vitest";
import { decodeManifestText, splitYamlDocuments } from "./decode";
import { ALIAS_BOMB } from "../../../test/builders/alias-bomb";

// Every error text below was produced by kubectl v1.32 (`kubectl create -f x.yaml`).
const syntaxErrors = [
  { name: "a tab used as indentation cannot start a token", text: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n", want: "yaml: line 4: found character that cannot start any token" },
  { name: "a value with a second colon is a mapping where none is allowed", text: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: y: z\n", want: "yaml: line 6: mapping values are not allowed in this context" },
  { name: "an over-indented key continues the previous scalar", text: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n    labels: x\n", want: "yaml: line 5: mapping values are not allowed in this context" },
  { name: "an under-indented key is reported on the line before", text: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n    name: a\n  labels: x\n", want: "yaml: line 4: did not find expected key" },
  { name: "a key among sequence items wants a dash", text: "a:\n  - 1\n  b: 2\n", want: "yaml: line 2: did not find expected '-' indicator" },
  { name: "an unclosed quote runs to the end of the stream", text: 'a: "abc\n', want: "yaml: line 2: found unexpected end of stream" },
  { name: "an unclosed flow sequence", text: "a: [1, 2\n", want: "yaml: line 1: did not find expected ',' or ']'" },
  { name: "an unclosed flow mapping", text: "a: {b: 1\n", want: "yaml: line 1: did not find expected ',' or '}'" },
  { name: "a line without a colon between keys", text: "a: b\nc\nd: e\n", want: "yaml: line 3: could not find expected ':'" },
  { name: "an alias to an anchor never defined", text: "a: *x\n", want: "yaml: unknown anchor 'x' referenced" },
  { name: "an anchor whose value contains itself", text: "a: &a [*a]\n", want: "yaml: anchor 'a' value contains itself" },
];

describe("decodeManifestText", () => {
  it.each(syntaxErrors)("$name", ({ text, want }) => {
    expect(decodeManifestText(text, "x.yaml")).toEqual({ docs: [], error: `error parsing x.yaml: error converting YAML to JSON: ${want}` });
  });

  it("stops an alias bomb with Go's excessive-aliasing error", () => {
    expect(decodeManifestText(ALIAS_BOMB, "bomb.yaml").error).toBe("error parsing bomb.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing");
  });

  it("reads every document of a multi-document file and skips empty and null ones", () => {
    const text = "---\n# only a comment\n---\na: 1\n---\nnull\n--- # trailing comment\nb: 2\n";
    expect(decodeManifestText(text, "x.yaml")).toEqual({ docs: [{ a: 1 }, { b: 2 }] });
  });

  it("keeps the documents before a syntax error and reports the error with the document's own line", () => {
    expect(decodeManifestText("a: 1\n---\nb: 2\nc: d: e\n---\nf: 3\n", "x.yaml")).toEqual({
      docs: [{ a: 1 }],
      error: "error parsing x.yaml: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context",
    });
  });

  it("reads YAML 1.1 scalars as sigs.k8s.io/yaml does: yes is true, 0777 is octal, timestamps stay strings", () => {
    expect(decodeManifestText("a: yes\nb: 0777\nc: 2020-01-01T00:00:00Z\nd: 1.0\ne: ~\n", "x.yaml").docs).toEqual([
      { a: true, b: 511, c: "2020-01-01T00:00:00Z", d: 1, e: null },
    ]);
  });

  it("lets the last of duplicate keys win, as yaml.v2 does", () => {
    expect(decodeManifestText("metadata:\n  name: a\n  name: b\n", "x.yaml").docs).toEqual([{ metadata: { name: "b" } }]);
  });

  it("merges << keys", () => {
    expect(decodeManifestText("base: &b {x: 1}\nc:\n  <<: *b\n  z: 2\n", "x.yaml").docs).toEqual([{ base: { x: 1 }, c: { x: 1, z: 2 } }]);
  });

  it("reads text starting with { as a stream of JSON objects", () => {
    expect(decodeManifestText('{"a": 1}\n{"b": [true, null]}\n', "x.json")).toEqual({ docs: [{ a: 1 }, { b: [true, null] }] });
  });

  it("reports a JSON syntax error with Go's offset and wording", () => {
    expect(decodeManifestText('{"apiVersion": "v1", "kind": "ConfigMap",}\n', "json.yaml")).toEqual({
      docs: [],
      error: "error parsing json.yaml: json: offset 42: invalid character '}' looking for beginning of object key string",
    });
  });

  it("reports JSON cut short as unexpected EOF", () => {
    expect(decodeManifestText('{"apiVersion": "v1"\n', "json2.yaml").error).toBe("error parsing json2.yaml: unexpected EOF");
  });
});

describe("splitYamlDocuments", () => {
  it("splits only at lines that are --- alone or followed by a comment", () => {
    expect(splitYamlDocuments("a: 1\n---\nb: '--- not a separator'\n--- # c\n---x\n")).toEqual(["a: 1\n", "b: '--- not a separator'\n", "---x\n"]);
  });
});

describe("decodeManifestText, more of Go's words", () => {
  it.each([
    { name: "a flow sequence left open after its bracket wants node content", text: "kind: [\n", want: "yaml: line 1: did not find expected node content" },
    { name: "a sequence item after a mapping entry wants a key", text: "key: value\n- item\n", want: "yaml: line 1: did not find expected key" },
  ])("$name", ({ text, want }) => {
    expect(decodeManifestText(text, "x.yaml").error).toBe(`error parsing x.yaml: error converting YAML to JSON: ${want}`);
  });
});

describe("decodeManifestText, bytes YAML does not allow (kubectl v1.32's words)", () => {
  it.each([
    { name: "a NUL byte", text: "\x00\x01binary\x00" },
    { name: "a PNG header (SUB and CR LF)", text: "\x89PNG\r\n\x1a\n" },
    { name: "a control character inside a quoted value", text: 'apiVersion: v1\ndata:\n  k: "a\x01b"\n' },
    { name: "DEL", text: "a: b\x7f\n" },
  ])("$name: control characters are not allowed", ({ text }) => {
    expect(decodeManifestText(text, "x.yaml")).toEqual({
      docs: [],
      error: "error parsing x.yaml: error converting YAML to JSON: yaml: control characters are not allowed",
    });
  });

  it("reads tabs, CR LF line ends and U+FFFD (invalid UTF-8 read as text) as ordinary characters", () => {
    expect(decodeManifestText("a: 'x\ty'\r\nb: caf\ufffd\n", "x.yaml").docs).toEqual([{ a: "x\ty", b: "caf\ufffd" }]);
  });
});
