import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Cluster, loadEngine } from "../sim/cluster";
import { instant } from "../sim/time";
import { defaultClusterState } from "./default-cluster";
import { ensureStaticPodDir, staticPodDir, syncStaticPodDirs } from "./static-pod-dirs";
import type { StaticManifests } from "../kubelet/static-pod-manifests";

// These clusters run their control loops, which load on demand.
await loadEngine();

const POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: static-web\nspec:\n  containers:\n  - name: web\n    image: nginx\n";

let dir: string;
let statePath: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-static-"));
  statePath = path.join(dir, "state.json");
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cluster = () => new Cluster(defaultClusterState({ nodes: 3, seed: 1, start: instant(Date.UTC(2025, 0, 1)), tick: "5s" }));
const record = (c: Cluster, node = "kubesim-worker") => c.runtime.get(`static:${node}`) as StaticManifests | undefined;
const write = (file: string, text: string) => fs.writeFileSync(path.join(ensureStaticPodDir(statePath, "kubesim-worker"), file), text);

describe("static pod folders", () => {
  it("live beside the state file, one per node, created private", () => {
    expect(staticPodDir(statePath, "kubesim-worker")).toBe(path.join(dir, "state.json.static", "kubesim-worker"));
    const made = ensureStaticPodDir(statePath, "kubesim-worker");
    expect(fs.statSync(made).mode & 0o777).toBe(0o700);
  });

  it("cost nothing when there are none", () => {
    const c = cluster();
    syncStaticPodDirs(c, statePath);
    expect([c.runtimeWrites, c.agenda.size]).toEqual([0, 0]);
  });

  it("hand each manifest to the cluster once, and wake the node's kubelet", () => {
    write("web.yaml", POD);
    write("notes.txt", "not a manifest");
    const c = cluster();
    syncStaticPodDirs(c, statePath);
    const r = record(c)!;
    expect(r.manifests.map((m) => [m.file, m.pod?.metadata.name, m.error, m.seenAt])).toEqual([["web.yaml", "static-web", undefined, "2025-01-01T00:00:00Z"]]);
    expect(r.manifests[0].hash).toMatch(/^[0-9a-f]{32}$/);
    expect(c.agenda.toJSON().map((a) => `${a.component} ${a.key}`)).toEqual(["kubelet-static-pods Node//kubesim-worker"]);
    const writes = c.runtimeWrites;
    syncStaticPodDirs(c, statePath);
    expect(c.runtimeWrites).toBe(writes);
  });

  it.each([
    { name: "a file that is not YAML", text: "kind: [", error: /^error parsing bad.yaml: error converting YAML to JSON: yaml: / },
    { name: "a file that holds no Pod", text: "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n", error: /^invalid pod: the file must hold one v1 Pod$/ },
    { name: "a Pod with an unknown field", text: POD + "    bogus: 1\n", error: /unknown field "spec.containers\[0\].bogus"/ },
    { name: "a Pod the API server would find invalid", text: POD.replace("name: web", "name: Web_1"), error: /^The Pod "static-web-kubesim-worker" is invalid: spec.containers\[0\].name/ },
  ])("keep $name as an error to report", ({ text, error }) => {
    write("bad.yaml", text);
    const c = cluster();
    syncStaticPodDirs(c, statePath);
    const m = record(c)!.manifests[0];
    expect(m.pod).toBeUndefined();
    expect(m.error).toMatch(error);
  });

  it("forget a node's manifests when its folder empties", () => {
    write("web.yaml", POD);
    const c = cluster();
    syncStaticPodDirs(c, statePath);
    fs.rmSync(path.join(staticPodDir(statePath, "kubesim-worker"), "web.yaml"));
    syncStaticPodDirs(c, statePath);
    expect(record(c)).toBeUndefined();
  });
});
