import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { obj } from "../test-objects";
import { parseCustomColumns, printCustomColumns } from "./custom-columns";
import { printObjects } from "./index";
import { executeJsonPath } from "./jsonpath";
import { asList } from "./list";
import { toJson } from "./json";
import { goYamlKeyLess, toYaml } from "./yaml";

const pod = (name: string, phase: string, images: string[], extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default", labels: { app: "web" } },
  spec: { containers: images.map((image, i) => ({ name: `c${i}`, image })), ...extra },
  status: { phase, conditions: [{ type: "Initialized", status: "True" }, { type: "Ready", status: phase === "Running" ? "True" : "False" }] },
});

const web = pod("web-1", "Running", ["nginx:1.27"], { nodeName: "node-1" });
const side = pod("sidecar-pod", "Pending", ["app:1", "envoy:1.30"]);

describe("toYaml", () => {
  it.each([
    {
      name: "writes sequences at their key's column and sorts keys",
      value: { spec: { containers: [{ name: "nginx", image: "nginx", ports: [{ containerPort: 80 }], resources: {} }] }, apiVersion: "apps/v1" },
      want: "apiVersion: apps/v1\nspec:\n  containers:\n  - image: nginx\n    name: nginx\n    ports:\n    - containerPort: 80\n    resources: {}\n",
    },
    {
      name: "double-quotes strings that read back as other types",
      value: { a: "80", b: "true", c: "", d: "yes", e: "1.5", f: "2025-01-01T00:00:00Z", n: "x", y: "on" },
      want: 'a: "80"\nb: "true"\nc: ""\nd: "yes"\ne: "1.5"\nf: "2025-01-01T00:00:00Z"\n"n": x\n"y": "on"\n',
    },
    {
      name: "single-quotes strings that start with an indicator or contain ': '",
      value: { a: "*", b: "a: b", c: "#x", d: " lead", e: "- x", f: "ok-value" },
      want: "a: '*'\nb: 'a: b'\nc: '#x'\nd: ' lead'\ne: '- x'\nf: ok-value\n",
    },
    {
      name: "writes multi-line strings as literal blocks with chomping",
      value: { a: "x\ny", b: "x\ny\n" },
      want: "a: |-\n  x\n  y\nb: |\n  x\n  y\n",
    },
    {
      name: "folds long plain strings at the first space past column 80",
      value: { data: { k: Array.from({ length: 30 }, (_, i) => `word${i}`).join(" ") } },
      want:
        "data:\n  k: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n" +
        "    word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24\n    word25 word26 word27 word28 word29\n",
    },
    {
      name: "prints null, numbers, booleans and empty collections inline",
      value: { a: null, b: 3, c: false, d: [], e: {}, f: [[1], []] },
      want: "a: null\nb: 3\nc: false\nd: []\ne: {}\nf:\n- - 1\n- []\n",
    },
  ])("$name", ({ value, want }) => expect(toYaml(value)).toBe(want));

  it.each([
    { name: "compares digit runs by value", a: "a2", b: "a10", want: true },
    { name: "puts non-letters before letters", a: "a-b", b: "ab", want: true },
    { name: "puts shorter prefixes first", a: "app", b: "apps", want: true },
    { name: "orders letters by code point", a: "Z", b: "a", want: true },
  ])("goYamlKeyLess $name", ({ a, b, want }) => expect(goYamlKeyLess(a, b)).toBe(want));
});

describe("toJson", () => {
  it.each([
    { name: "indents by four spaces and sorts keys", value: { b: 1, a: [1, {}] }, want: '{\n    "a": [\n        1,\n        {}\n    ],\n    "b": 1\n}\n' },
    { name: "escapes HTML characters as Go does", value: { s: "<a&b>" }, want: '{\n    "s": "\\u003ca\\u0026b\\u003e"\n}\n' },
    { name: "prints an empty list's items as []", value: asList([]), want: '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n' },
  ])("$name", ({ value, want }) => expect(toJson(value)).toBe(want));
});

describe("printObjects", () => {
  const dep = obj("apps/v1", "Deployment", "web", {}, { uid: undefined, creationTimestamp: undefined, namespace: undefined });
  it.each([
    { name: "name prints kind.group/name lines", format: "name", objects: [dep, web], single: false, want: "deployment.apps/web\npod/web-1\n" },
    { name: "yaml of a single named object is the object", format: "yaml", objects: [dep], single: true, want: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n" },
    {
      name: "yaml of a listing wraps the objects in a List",
      format: "yaml",
      objects: [dep],
      single: false,
      want: 'apiVersion: v1\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: web\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    },
    { name: "jsonpath applies to the List for listings", format: "jsonpath={.items[*].metadata.name}", objects: [web, side], single: false, want: "web-1 sidecar-pod" },
  ])("$name", ({ format, objects, single, want }) => expect(printObjects(format, objects, { single, forGet: true })).toBe(want));

  it("rejects unknown formats with kubectl's list of formats", () => {
    expect(() => printObjects("bogus", [], { single: false })).toThrow(
      'unable to match a printer suitable for the output format "bogus", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
    );
  });
  it("lists custom-columns and wide for get", () => {
    expect(() => printObjects("bogus", [], { single: false, forGet: true })).toThrow(
      "allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml",
    );
  });
});

describe("executeJsonPath", () => {
  const list = asList([web, side]);
  it.each([
    { name: "reads one field", tpl: "{.metadata.name}", data: web as unknown, want: "web-1" },
    { name: "joins wildcard results with spaces", tpl: "{.items[*].metadata.name}", data: list, want: "web-1 sidecar-pod" },
    { name: "ranges with literal newlines", tpl: '{range .items[*]}{.metadata.name}{"\\n"}{end}', data: list, want: "web-1\nsidecar-pod\n" },
    { name: "filters by a field value", tpl: '{.status.conditions[?(@.type=="Ready")].status}', data: web, want: "True" },
    { name: "indexes arrays", tpl: "{.status.conditions[0].type}", data: web, want: "Initialized" },
    { name: "takes negative slices", tpl: "{.status.conditions[-1:].type}", data: web, want: "Ready" },
    { name: "prints maps as compact JSON", tpl: "{.metadata.labels}", data: web, want: '{"app":"web"}' },
    { name: "prints nothing for missing keys", tpl: "x{.spec.nope}y", data: web, want: "xy" },
    { name: "finds own keys only (Object's properties are no fields)", tpl: "{.constructor}|{..constructor}|{.m['constructor']}|{.m.constructor}|{..toString}", data: { m: { constructor: 1 } }, want: "|1|1|1|" },
    { name: "finds fields recursively", tpl: "{..image}", data: side, want: "app:1 envoy:1.30" },
    { name: "keeps text outside actions", tpl: "name={.metadata.name} ", data: web, want: "name=web-1 " },
    { name: "reads escaped dots in keys", tpl: "{.a.b\\.c}", data: { a: { "b.c": 1 } }, want: "1" },
    { name: "prints numbers and booleans as Go %v", tpl: "{.a} {.b}", data: { a: 80, b: true }, want: "80 true" },
    // Checked against kubectl v1.32 (`kubectl create configmap x --dry-run=client -o jsonpath=…`).
    { name: "unescapes single-quoted literals too", tpl: "{.a}{'\\n'}{.b}", data: { a: 1, b: 2 }, want: "1\n2" },
    { name: "keeps an escaped quote inside its literal", tpl: "{'it\\'s'}", data: {}, want: "it's" },
    { name: "reads hex and octal escapes as bytes", tpl: '{"\\x41\\t|"}{\'\\101\'}{"\\xc3\\xa9"}', data: {}, want: "A\t|Aé" },
    { name: "compares filter values after unquoting", tpl: "{.items[?(@.k=='a\\tb')].v}", data: { items: [{ k: "a\tb", v: 1 }] }, want: "1" },
  ])("$name", ({ tpl, data, want }) => expect(executeJsonPath(tpl, data)).toBe(want));

  it.each([
    { tpl: "{.a", want: "error parsing jsonpath {.a, unclosed action" },
    { tpl: "{'ab}", want: "error parsing jsonpath {'ab}, unterminated quoted string" },
    { tpl: "{'a\nb'}", want: "error parsing jsonpath {'a\nb'}, unterminated quoted string" },
    { tpl: "{'a\\qb'}", want: "error parsing jsonpath {'a\\qb'}, unquote string 'a\\qb' error invalid syntax" },
  ])("reports $tpl in kubectl's words", ({ tpl, want }) => {
    expect(() => executeJsonPath(tpl, {})).toThrow(want);
  });
});

describe("custom columns", () => {
  it.each([
    {
      name: "prints headers as given, <none> for missing values and joins several with commas",
      spec: "NAME:.metadata.name,IMAGE:.spec.containers[*].image,NODE:.spec.nodeName",
      want: "NAME          IMAGE              NODE\nweb-1         nginx:1.27         node-1\nsidecar-pod   app:1,envoy:1.30   <none>\n",
    },
    {
      name: "accepts paths without the leading dot or in braces",
      spec: "N:metadata.name,P:{.status.phase}",
      want: "N             P\nweb-1         Running\nsidecar-pod   Pending\n",
    },
  ])("$name", ({ spec, want }) => expect(printCustomColumns([web, side], parseCustomColumns(spec), false)).toBe(want));

  it("rejects a column without a path", () => {
    expect(() => parseCustomColumns("NAME")).toThrow("unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>");
  });
});
