import { describe, expect, it } from "vitest";
import { GENERIC_FORMATS, GET_FORMATS, parseOutput } from "./output";

const parsed = [
  { name: "reads no -o as the human table", text: undefined, want: { kind: "table" } },
  { name: "reads an empty -o as the human table", text: "", want: { kind: "table" } },
  { name: "reads wide", text: "wide", want: { kind: "wide" } },
  { name: "reads yaml", text: "yaml", want: { kind: "yaml" } },
  { name: "reads a jsonpath template after the first =", text: "jsonpath={.a=b}", want: { kind: "jsonpath", template: "{.a=b}" } },
  { name: "reads jsonpath-as-json", text: "jsonpath-as-json={.items[*]}", want: { kind: "jsonpath-as-json", template: "{.items[*]}" } },
  { name: "reads a custom-columns spec", text: "custom-columns=A:.a,B:.b", want: { kind: "custom-columns", spec: "A:.a,B:.b" } },
];

const ALLOWED_FOR_GET =
  "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml";

const rejected = [
  { name: "rejects an unknown format listing get's formats", text: "bogus", allowed: GET_FORMATS, error: `error: unable to match a printer suitable for the output format "bogus", allowed formats are: ${ALLOWED_FOR_GET}` },
  { name: "rejects wide outside get", text: "wide", allowed: GENERIC_FORMATS, error: 'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml' },
  { name: "rejects an argument to yaml", text: "yaml=x", allowed: GET_FORMATS, error: `error: unable to match a printer suitable for the output format "yaml=x", allowed formats are: ${ALLOWED_FOR_GET}` },
  { name: "rejects a jsonpath without a template", text: "jsonpath", allowed: GET_FORMATS, error: "error: template format specified but no template given" },
  { name: "rejects a go-template without a template", text: "go-template", allowed: GET_FORMATS, error: "error: template format specified but no template given" },
  { name: "rejects a go-template as kubesim cannot run one", text: "go-template={{.kind}}", allowed: GET_FORMATS, error: `error: unable to match a printer suitable for the output format "go-template={{.kind}}", allowed formats are: ${ALLOWED_FOR_GET}` },
  { name: "rejects custom-columns without columns", text: "custom-columns=", allowed: GET_FORMATS, error: "error: custom-columns format specified but no custom columns given" },
];

describe("parseOutput", () => {
  it.each(parsed)("$name", ({ text, want }) => {
    expect(parseOutput(text, GET_FORMATS)).toEqual(want);
  });
  it.each(rejected)("$name", ({ text, allowed, error }) => {
    expect(() => parseOutput(text, allowed)).toThrow(error.replace(/^error: /, ""));
  });
});
