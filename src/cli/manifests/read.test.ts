import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { manifestItems } from "./read";
import type { ManifestItem } from "./read";
import { readSources } from "../flags/read-sources";

const ctx = { validate: true, namespace: "default", explicitNamespace: false };

/** One line per item: "x.yaml: ConfigMap default/a" or "x.yaml: error: …". */
function summary(items: ManifestItem[]): string[] {
  return items.map((i) =>
    i.error ? `${i.source}: error: ${i.error.message}` : `${i.source}: ${i.object!.kind} ${i.object!.metadata.namespace ?? ""}/${i.object!.metadata.name}`,
  );
}

const HINT = "; if you choose to ignore these errors, turn validation off with --validate=false";

const cases = [
  {
    name: "fills in the namespace of namespaced objects from -n and leaves cluster-scoped ones alone",
    text: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n",
    ctx,
    want: ["x.yaml: ConfigMap default/a", "x.yaml: Namespace /dev"],
  },
  {
    name: "reports a missing kind and stops reading that file when validating",
    text: "apiVersion: v1\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n",
    ctx,
    want: [`x.yaml: error: error validating "x.yaml": error validating data: kind not set${HINT}`],
  },
  {
    name: "lists both missing fields in brackets",
    text: "metadata:\n  name: a\n",
    ctx,
    want: [`x.yaml: error: error validating "x.yaml": error validating data: [apiVersion not set, kind not set]${HINT}`],
  },
  {
    name: "rejects a document that is not an object when validating",
    text: "just a string\n",
    ctx,
    want: [`x.yaml: error: error validating "x.yaml": error validating data: invalid object to validate${HINT}`],
  },
  {
    name: "without validation skips an object without kind and goes on with the next",
    text: "apiVersion: v1\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n",
    ctx: { ...ctx, validate: false },
    want: [`x.yaml: error: unable to decode "x.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"a"}}'`, "x.yaml: ConfigMap default/b"],
  },
  {
    name: "without validation reports a scalar as an unmarshal error",
    text: "42\n",
    ctx: { ...ctx, validate: false },
    want: [`x.yaml: error: unable to decode "x.yaml": json: cannot unmarshal number into Go value of type unstructured.detector`],
  },
  {
    name: "names an unknown kind with the CRD hint and still reads the next document",
    text: "apiVersion: apps/v1\nkind: Deploymnt\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n",
    ctx,
    want: [
      'x.yaml: error: resource mapping not found for name: "web" namespace: "" from "x.yaml": no matches for kind "Deploymnt" in version "apps/v1"\nensure CRDs are installed first',
      "x.yaml: ConfigMap default/b",
    ],
  },
  {
    name: "flattens a List into its items",
    text: "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: s\n    namespace: other\n",
    ctx,
    want: ["x.yaml: ConfigMap default/a", "x.yaml: Secret other/s"],
  },
  {
    name: "rejects a namespace in the file that differs from an explicit -n",
    text: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: a\n",
    ctx: { ...ctx, namespace: "b", explicitNamespace: true },
    want: [
      `x.yaml: error: the namespace from the provided object "a" does not match the namespace "b". You must pass '--namespace=a' to perform this operation.`,
    ],
  },
  {
    name: "keeps a file's namespace when -n was not given",
    text: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: a\n",
    ctx: { ...ctx, namespace: "b" },
    want: ["x.yaml: ConfigMap a/a"],
  },
  {
    name: "applies the documents before a syntax error and then reports it",
    text: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\nkind: [\n",
    ctx,
    want: ["x.yaml: ConfigMap default/a", "x.yaml: error: error parsing x.yaml: error converting YAML to JSON: yaml: line 1: did not find expected node content"],
  },
];

describe("manifestItems", () => {
  it.each(cases)("$name", ({ text, ctx, want }) => {
    expect(summary(manifestItems([{ source: "x.yaml", text }], ctx))).toEqual(want);
  });
});

describe("readSources", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-filename-"));
  const write = (p: string, s = "a: 1\n") => {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), s);
  };
  write("d/b.yaml");
  write("d/a.json");
  write("d/c.txt");
  write("d/B.yml");
  write("d/sub/x.yaml");
  write("d/sub/deeper/y.yaml");
  write("notes.txt");
  const env = { cwd: dir, readStdin: () => Buffer.from("from stdin") };
  const sources = (files: string[], recursive = false) => readSources({ filenames: files, recursive }, env).map((s) => s.source);

  it("walks a directory's .json/.yaml/.yml files in byte order, without subdirectories", () => {
    expect(sources(["d"])).toEqual(["d/B.yml", "d/a.json", "d/b.yaml"]);
  });

  it("walks subdirectories with -R, depth first in name order", () => {
    expect(sources(["./d/"], true)).toEqual(["d/B.yml", "d/a.json", "d/b.yaml", "d/sub/deeper/y.yaml", "d/sub/x.yaml"]);
  });

  it("reads a named file whatever its extension, and - as STDIN", () => {
    expect(readSources({ filenames: ["notes.txt", "-"], recursive: false }, env)).toEqual([
      { source: "notes.txt", text: "a: 1\n" },
      { source: "STDIN", text: "from stdin" },
    ]);
  });

  it("fails on a path that does not exist before reading anything", () => {
    expect(() => sources(["d", "nope.yaml"])).toThrow('the path "nope.yaml" does not exist');
  });

  it("lists every missing path, one bare line each", () => {
    expect(() => sources(["a.yaml", "b.yaml"])).toThrow('the path "a.yaml" does not exist\nthe path "b.yaml" does not exist');
  });
});
