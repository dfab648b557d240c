// How one container of a runtime record is saved (record-encoding.ts): the parts the kubelet
// computed from the pod and the image are left out and recomputed on load —
//   imageReady, containerID   "@id": "<hex>" while the image is ready and the ID is containerd's;
//   fs                        see record-fs-encoding.ts;
//   env                       see record-env-encoding.ts;
//   logs                      ["@startup", …later lines]: the lines the image's server printed at start;
//   process.shell             vars {"@env": "", …} and exported ["@env", …]: a shell starts with the env.
// Every other field is kept as it is, in place, so the expanded container has the same key order.
// Saving first replaces each part that looks derived (`careful` false: cheap tests only, the
// caller then compares the whole record once); if that does not expand back, `careful` replaces
// only the parts that each expand back exactly.

import type { ModelProcess } from "../runtime/images/behaviour";
import { imageProcessFor, startupLogs } from "../runtime/images/behaviour";
import { expandFs, shortFs } from "./record-fs-encoding";
import { expandEnv, imageOfShortEnv, imagesOfEnv, shortEnv } from "./record-env-encoding";
import type { LogLine } from "./runtime-record";

type Json = Record<string, any>;

/** Who the pod is, as the saved form keeps it: what the derived parts are computed from. */
export interface PodIdentity {
  readonly name: string;
  readonly namespace: string;
  readonly serviceAccount: string;
  /** /etc/hostname: spec.hostname or the pod name. */
  readonly hostname: string;
  readonly ip: string;
}

const STARTUP = "@startup";
const ENV = "@env";
const ID = "@id";
const CONTAINERD = "containerd://";

/**
 * The saved form of a container (a full ContainerRecord as JSON); `token` names the pod's
 * service-account volume when it is saved as "@serviceaccount" (its mount is then left out too).
 */
export function shortContainer(c: Json, pod: PodIdentity, careful: boolean, token?: string): Json {
  const env = isStringMap(c.env) ? c.env : undefined;
  const image = env && chooseImage(imagesOfEnv(env, pod.name), c, pod);
  const out: Json = {};
  let idSaved = false;
  for (const field in c) {
    const value = c[field];
    if (field === "imageReady" && value === true && typeof c.containerID === "string" && c.containerID.startsWith(CONTAINERD) && nextField(c, field) === "containerID") {
      out[ID] = c.containerID.slice(CONTAINERD.length);
      idSaved = true;
    } else if (field === "containerID" && idSaved) continue;
    else if (field === "fs" && isJson(value)) out.fs = shortFs(value, pod, careful, token);
    else if (field === "env" && env) out.env = shortEnv(env, pod.name, image);
    else if (field === "logs" && image && Array.isArray(value)) out.logs = shortLogs(value, startupLines(image, c, pod), careful);
    else if (field === "process" && env && isJson(value)) out.process = shortProcess(value, env);
    else out[field] = value;
  }
  return out;
}

/** The container a saved form stands for. */
export function expandContainer(short: Json, pod: PodIdentity, token?: string): Json {
  const env = isStringMap(short.env) ? expandEnv(short.env, pod.name) : undefined;
  const image = isStringMap(short.env) ? imageOfShortEnv(short.env) : undefined;
  const out: Json = {};
  for (const field in short) {
    const value = short[field];
    if (field === ID && typeof value === "string") {
      out.imageReady = true;
      out.containerID = CONTAINERD + value;
    } else if (field === "fs") out.fs = expandFs(value, pod, token);
    else if (field === "env" && env) out.env = env;
    else if (field === "logs" && Array.isArray(value) && value[0] === STARTUP && image) {
      out.logs = [...startupLines(image, { ...short, env }, pod), ...value.slice(1)];
    } else if (field === "process" && env && isJson(value)) out.process = expandProcess(value, env);
    else out[field] = value;
  }
  return out;
}

/** The field after `field` in `o`. */
function nextField(o: Json, field: string): string | undefined {
  let seen = false;
  for (const f in o) {
    if (seen) return f;
    seen = f === field;
  }
  return undefined;
}

/**
 * Which of the images whose ENV the container's env begins with to save (any of them gives the
 * env back): one whose server printed the container's first log lines, else busybox when its
 * binary is in the image layer, else the first.
 */
function chooseImage(candidates: readonly string[], c: Json, pod: PodIdentity): string | undefined {
  if (candidates.length <= 1) return candidates[0];
  const logs = Array.isArray(c.logs) ? c.logs : [];
  const printed = candidates.find((ref) => {
    const lines = startupLines(ref, c, pod);
    return lines.length > 0 && JSON.stringify(logs.slice(0, lines.length)) === JSON.stringify(lines);
  });
  const busybox = c.fs?.image?.files?.["bin/busybox"] !== undefined ? candidates.find((ref) => ref.startsWith("busybox")) : undefined;
  return printed ?? busybox ?? candidates[0];
}

interface ImageModel {
  readonly proc: ReturnType<typeof imageProcessFor>;
  /** Whether the texts name the pod (hostname, IP) or depend on its env (a required variable). */
  readonly perPod: boolean;
}

const modelByImage = new Map<string, ImageModel>();
/**
 * Start-up lines by image, start and ports (and pod when they name it): pods started together
 * print alike, and every record is shortened and expanded again at each save. The lines are
 * shared by the records expanded from them, so they are frozen.
 */
const linesCache = new Map<string, readonly LogLine[]>();
const NO_LINES: readonly LogLine[] = Object.freeze([]);

/** What the image's server printed when this instance started (container-process.ts). */
function startupLines(image: string, c: Json, pod: PodIdentity): readonly LogLine[] {
  let model = modelByImage.get(image);
  if (!model) {
    const proc = imageProcessFor(image, {});
    const m = proc.kind === "model" ? proc.model : undefined;
    const perPod = m?.kind === "serve" && (m.requires !== undefined || (m.logs ?? []).some((l) => /\{\{(hostname|podIP)\}\}/.test(l)));
    modelByImage.set(image, (model = { proc, perPod }));
  }
  const { proc } = model;
  if (proc.kind !== "model" || typeof c.startedAt !== "number" || !isStringMap(c.env)) return NO_LINES;
  const at = c.startedAt;
  const ports: number[] = Array.isArray(c.ports) ? c.ports : [];
  const key = `${image}|${at}|${ports.join(",")}${model.perPod ? `|${pod.name}|${pod.ip}|${JSON.stringify(c.env)}` : ""}`;
  let lines = linesCache.get(key);
  if (!lines) {
    if (linesCache.size > 10_000) linesCache.clear();
    const running: ModelProcess = { ...proc, ports };
    const texts = startupLogs(running, { startedAt: at as never, hostname: pod.name, podIP: pod.ip, env: c.env });
    linesCache.set(key, (lines = Object.freeze(texts.map((text): LogLine => Object.freeze({ at, stream: "stdout", text })))));
  }
  return lines;
}

function shortLogs(logs: readonly any[], startup: readonly LogLine[], careful: boolean): unknown[] {
  const n = startup.length;
  if (n === 0 || logs.length < n) return [...logs];
  const same = careful ? JSON.stringify(logs.slice(0, n)) === JSON.stringify(startup) : logs[n - 1]?.at === startup[n - 1].at && logs[n - 1]?.text === startup[n - 1].text;
  return same ? [STARTUP, ...logs.slice(n)] : [...logs];
}

/** A shell's variables and exports begin as the container's env (runtime/shell/process.ts startProcess). */
function shortProcess(p: Json, env: Readonly<Record<string, string>>): Json {
  const shell = p.shell;
  if (!isJson(shell) || !isStringMap(shell.vars) || !Array.isArray(shell.exported)) return p;
  const envEntries = Object.entries(env);
  const vars = Object.entries(shell.vars);
  const names = Object.keys(env);
  const varsShort = JSON.stringify(vars.slice(0, envEntries.length)) === JSON.stringify(envEntries);
  const exportedShort = JSON.stringify(shell.exported.slice(0, names.length)) === JSON.stringify(names);
  if (!varsShort && !exportedShort) return p;
  const out: Json = {};
  for (const [field, value] of Object.entries(shell)) {
    if (field === "vars" && varsShort) out.vars = { [ENV]: "", ...Object.fromEntries(vars.slice(envEntries.length)) };
    else if (field === "exported" && exportedShort) out.exported = [ENV, ...shell.exported.slice(names.length)];
    else out[field] = value;
  }
  return { ...p, shell: out };
}

function expandProcess(p: Json, env: Readonly<Record<string, string>>): Json {
  const shell = p.shell;
  if (!isJson(shell)) return p;
  const out: Json = {};
  for (const [field, value] of Object.entries(shell)) {
    if (field === "vars" && isJson(value) && ENV in value) {
      const { [ENV]: _env, ...rest } = value;
      out.vars = { ...env, ...rest };
    } else if (field === "exported" && Array.isArray(value) && value[0] === ENV) out.exported = [...Object.keys(env), ...value.slice(1)];
    else out[field] = value;
  }
  return { ...p, shell: out };
}

/** A JSON object (not an array, not null). */
export const isJson = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function isStringMap(v: unknown): v is Record<string, string> {
  if (!isJson(v)) return false;
  for (const k in v) if (typeof v[k] !== "string") return false;
  return true;
}
