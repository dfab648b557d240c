// The edge of static pods: each node's static pod folder lives beside the state file
// (`<state file>.static/<node>/`, as a kubelet's staticPodPath lives on its node). Before a
// command's tick, the folders are read and every manifest (*.yaml, *.yml, *.json) is handed to
// the cluster as the node's `static:<node>` runtime record; only folders whose files changed
// cost a write, and the kubelet (kubelet/static-pods.ts) is woken for those nodes.
// Like pkg/kubelet/config/file.go, a file holds one Pod; one it cannot read is reported, not run.

import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Cluster } from "../sim/cluster";
import type { KubeObject } from "../api/types";
import { toRFC3339 } from "../sim/time";
import { decodeManifestText } from "../cli/manifests/decode";
import { decodeErrors, unknownFields, validateCreate } from "../api/validation";
import { renderInvalid } from "../api/validation/render";
import { applyDefaults } from "../api/defaulting";
import { infoForKind } from "../api/registry";
import type { StaticManifest } from "../kubelet/static-pod-manifests";
import { readStaticManifests, staticManifestsId } from "../kubelet/static-pod-manifests";
import { buildMirrorPod } from "../kubelet/mirror-pod";
import { STATIC_PODS } from "../kubelet/static-pods";
import { staticPodDir, staticPodRoot } from "./static-pod-root";

const MANIFEST = /\.(ya?ml|json)$/;

export { staticPodDir, staticPodRoot };

/** Creates the node's folder (0700, like the state file's own folder) and returns it. */
export function ensureStaticPodDir(statePath: string, nodeName: string): string {
  const dir = staticPodDir(statePath, nodeName);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Reads every node's folder and hands changed manifests to the cluster. */
export function syncStaticPodDirs(cluster: Cluster, statePath: string): void {
  const root = staticPodRoot(statePath);
  const folders = listDir(root);
  const nodes = new Set([...folders, ...[...cluster.runtime.keys()].filter((k) => k.startsWith("static:")).map((k) => k.slice("static:".length))]);
  for (const nodeName of [...nodes].sort()) {
    const files = folders.includes(nodeName) ? readManifestFiles(path.join(root, nodeName)) : [];
    const before = readStaticManifests({ runtime: (id) => cluster.runtime.get(id) }, nodeName);
    const hashed = files.map((f) => ({ ...f, hash: configHash(nodeName, f.text) }));
    if (hashed.length === before.length && hashed.every((f, i) => before[i].file === f.file && before[i].hash === f.hash)) continue;
    const seenAt = toRFC3339(cluster.now);
    const manifests = hashed.map((f): StaticManifest => before.find((b) => b.file === f.file && b.hash === f.hash) ?? parseManifest(f.file, f.text, f.hash, seenAt, nodeName));
    if (manifests.length > 0) cluster.runtime.set(staticManifestsId(nodeName), { manifests });
    else cluster.runtime.delete(staticManifestsId(nodeName));
    cluster.runtimeWrites++;
    cluster.agenda.add({ due: cluster.now, component: STATIC_PODS, key: `Node//${nodeName}` });
  }
}

function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function readManifestFiles(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const file of listDir(dir)) {
    if (file.startsWith(".") || !MANIFEST.test(file)) continue;
    try {
      const full = path.join(dir, file);
      if (fs.statSync(full).isFile()) out.push({ file, text: fs.readFileSync(full, "utf8") });
    } catch {
      // A file removed while reading is simply gone.
    }
  }
  return out;
}

/** The kubelet hashes the pod it read; the node's name is part of it, as in upstream. */
function configHash(nodeName: string, text: string): string {
  return crypto.createHash("md5").update(`${nodeName}\n${text}`).digest("hex");
}

/** One file → its pod, or why the kubelet cannot run it (checked as the API server will check the mirror). */
function parseManifest(file: string, text: string, hash: string, seenAt: string, nodeName: string): StaticManifest {
  const base = { file, hash, seenAt };
  const decoded = decodeManifestText(text, file);
  if (decoded.error) return { ...base, error: decoded.error };
  const doc = decoded.docs[0] as KubeObject | undefined;
  if (!doc || typeof doc !== "object" || doc.kind !== "Pod" || doc.apiVersion !== "v1") {
    return { ...base, error: "invalid pod: the file must hold one v1 Pod" };
  }
  const info = infoForKind("Pod")!;
  const problems = [...decodeErrors(doc, info), ...unknownFields(doc, info).map((f) => `unknown field "${f}"`)];
  if (problems.length > 0) return { ...base, error: `invalid pod: ${problems[0]}` };
  const pod = { ...doc, metadata: doc.metadata ?? {} };
  if (!pod.metadata.name) return { ...base, error: "invalid pod: metadata.name is required" };
  const mirror = applyDefaults(buildMirrorPod({ ...base, pod }, nodeName, "x"));
  const issues = validateCreate(mirror, info);
  if (issues.length > 0) return { ...base, error: renderInvalid("Pod", mirror.metadata.name ?? "", issues) };
  return { ...base, pod };
}
