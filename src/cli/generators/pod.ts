// The Pod `kubectl run` builds: generate/versioned/run.go BasicPod, fields in Go struct
// order, then --overrides applied as a JSON merge patch (RFC 7386, kubectl's default).

import type { KubeObject } from "../../api/types";
import { UsageError } from "../../api/errors";

export interface RunPodParams {
  readonly name: string;
  readonly image: string;
  /** Raw --labels text; "" gives run=NAME. */
  readonly labels: string;
  readonly annotations: readonly string[];
  readonly env: readonly string[];
  readonly port: string;
  readonly restartPolicy: "Always" | "OnFailure" | "Never";
  /** Arguments after NAME: command with --command, else args. */
  readonly args: readonly string[];
  readonly command: boolean;
  readonly stdin: boolean;
  readonly tty: boolean;
  readonly leaveStdinOpen: boolean;
  readonly imagePullPolicy: string;
  readonly privileged: boolean;
  readonly namespace?: string;
}

export function buildRunPod(p: RunPodParams): KubeObject {
  const labels = p.labels === "" ? { run: p.name } : parseLabelSpec(p.labels);
  const annotations = parseAnnotations(p.annotations);
  const container: Record<string, unknown> = { name: p.name, image: p.image };
  if (p.args.length > 0) container[p.command ? "command" : "args"] = [...p.args];
  if (p.port !== "") {
    const port = Number(p.port);
    if (!/^[+-]?\d+$/.test(p.port) || !Number.isSafeInteger(port)) throw new UsageError(`strconv.Atoi: parsing ${JSON.stringify(p.port)}: invalid syntax`);
    container.ports = [{ containerPort: port }];
  }
  if (p.env.length > 0) container.env = parseEnvs(p.env);
  container.resources = {};
  if (p.imagePullPolicy !== "") container.imagePullPolicy = p.imagePullPolicy;
  if (p.privileged) container.securityContext = { privileged: true };
  if (p.stdin) container.stdin = true;
  if (p.stdin && !p.leaveStdinOpen) container.stdinOnce = true;
  if (p.tty) container.tty = true;
  const metadata: Record<string, unknown> = { name: p.name };
  if (p.namespace) metadata.namespace = p.namespace;
  metadata.creationTimestamp = null;
  metadata.labels = labels;
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  return {
    kind: "Pod",
    apiVersion: "v1",
    metadata: metadata as KubeObject["metadata"],
    spec: { containers: [container], restartPolicy: p.restartPolicy, dnsPolicy: "ClusterFirst" },
    status: {},
  };
}

/** generate.ParseLabels: `a=b,c=d`. */
export function parseLabelSpec(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of spec.split(",")) {
    const kv = pair.split("=");
    if (kv.length !== 2) throw new UsageError(`unexpected label spec: ${pair}`);
    out[kv[0]] = kv[1];
  }
  return out;
}

/** --env: `NAME=value` (split at the first `=`), kept in the order given. */
function parseEnvs(envs: readonly string[]): { name: string; value: string }[] {
  return envs.map((e) => {
    const eq = e.indexOf("=");
    if (eq <= 0) throw new UsageError(`invalid env: ${e}`);
    return { name: e.slice(0, eq), value: e.slice(eq + 1) };
  });
}

function parseAnnotations(list: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of list) {
    const eq = a.indexOf("=");
    if (eq <= 0) throw new UsageError(`invalid annotation format: ${a}`);
    out[a.slice(0, eq)] = a.slice(eq + 1);
  }
  return out;
}

/** --overrides: the JSON merged over the generated object (cmdutil.Overrider, type merge). */
export function applyOverrides(obj: KubeObject, overrides: string): KubeObject {
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch {
    throw new UsageError("Invalid JSON Patch");
  }
  const merged = mergePatch(obj, patch) as KubeObject;
  // kubectl decodes the result into a typed Pod: every container gets its non-pointer
  // `resources: {}` back.
  for (const c of merged.spec?.containers ?? []) if (c && typeof c === "object" && !("resources" in c)) c.resources = {};
  return merged;
}

/** RFC 7386: objects merge key by key, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
