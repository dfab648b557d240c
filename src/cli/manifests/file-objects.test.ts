import { describe, expect, it } from "vitest";
import { checkArgsWithPaths, fetchFileObjects, singleItemImplied } from "./file-objects";
import { manifestItems } from "./read";
import type { Cluster } from "../../sim/cluster";
import { freshCluster } from "../../../test/conformance/seed-states";

describe("checkArgsWithPaths (the builder's visitByPaths checks)", () => {
  const cases = [
    { name: "no arguments", args: [], want: undefined },
    { name: "a type", args: ["pods"], want: "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well" },
    { name: "a type and a name", args: ["pods", "web"], want: "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well" },
    { name: "type/name", args: ["pod/web"], want: "resource/name arguments cannot be provided when a path is specified" },
  ];
  it.each(cases)("$name", ({ args, want }) => {
    if (want === undefined) expect(() => checkArgsWithPaths(args)).not.toThrow();
    else expect(() => checkArgsWithPaths(args)).toThrow(want);
  });
});

describe("singleItemImplied (one regular file)", () => {
  const cases = [
    { name: "one file", filenames: ["a.yaml"], sources: ["a.yaml"], want: true },
    { name: "a folder, even of one file", filenames: ["dir"], sources: ["dir/a.yaml"], want: false },
    { name: "standard input", filenames: ["-"], sources: ["STDIN"], want: false },
    { name: "two files", filenames: ["a.yaml", "b.yaml"], sources: ["a.yaml", "b.yaml"], want: false },
  ];
  it.each(cases)("$name", ({ filenames, sources, want }) => {
    expect(singleItemImplied({ filenames, recursive: false }, sources.map((source) => ({ source, text: "" })))).toBe(want);
  });
});

describe("fetchFileObjects", () => {
  const text = [
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: there\n  labels:\n    tier: web\n",
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: missing\n",
    "apiVersion: v1\nkind: Nope\nmetadata:\n  name: x\n",
  ].join("---\n");
  const items = manifestItems([{ source: "x.yaml", text }], { validate: false, namespace: "default", explicitNamespace: false });

  function cluster(): Cluster {
    const c = freshCluster();
    c.api.create({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "there", namespace: "default", labels: { tier: "db" } } });
    return c;
  }

  it("takes each object as the server holds it, NotFound for one it lacks, and the file's own errors in order", () => {
    const { found, errors } = fetchFileObjects(cluster().api, items, "");
    expect(found.map((f) => `${f.info.kind} ${f.object.metadata.name} ${f.object.metadata.labels?.tier}`)).toEqual(["ConfigMap there db"]);
    expect(errors.map((e) => (e as Error).message)).toEqual([
      'configmaps "missing" not found',
      'resource mapping not found for name: "x" namespace: "" from "x.yaml": no matches for kind "Nope" in version "v1"\nensure CRDs are installed first',
    ]);
  });

  it("keeps what -l selects, by the server's labels (get) or the file's (describe)", () => {
    expect(fetchFileObjects(cluster().api, items, "tier=db").found).toHaveLength(1);
    expect(fetchFileObjects(cluster().api, items, "tier=web").found).toHaveLength(0);
    expect(fetchFileObjects(cluster().api, items, "tier=web", false).found.map((f) => f.object.metadata.name)).toEqual(["there"]);
  });

  it("refuses a selector that does not parse, as the builder does", () => {
    expect(() => fetchFileObjects(cluster().api, items, "a in (")).toThrow(/^the provided selector "a in \(" is not valid: /);
  });
});
