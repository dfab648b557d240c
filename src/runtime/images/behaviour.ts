// What a container runs and how it behaves, decided from its image's catalog data (pure:
// time and identity are parameters). The kubelet asks imageProcessFor() at container start;
// a "model" process is then answered by httpAnswer/startupLogs/exitOnStart (and, when it
// computes, runOnStart says what it prints and when it exits), a "shell" one is handed to the
// shell interpreter (runtime/shell), which this module does not know.
//
// The argv rule is the container runtime's (Kubernetes docs, "Define a Command and Arguments
// for a Container"): command replaces ENTRYPOINT and then CMD is dropped; args replace CMD.

import type { Instant } from "../../sim/time";
import { toRFC3339 } from "../../sim/time";
import type { ProgramRun } from "../types";
import type { CatalogImage } from "./catalog";
import { COMPUTATIONS } from "./computations";
import type { EnvRequirement, HttpAnswerModel, ProcessModel, ServeModel } from "./model";
import { basename, matchProgram, scriptProgram, unwrap } from "./program-match";
import { parseImageReference } from "./reference";
import { findCatalogImage } from "./resolve";

export interface ContainerStartSpec {
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  /** Containerport numbers the pod spec declares (what an unknown image listens on). */
  readonly declaredPorts?: readonly number[];
  /** `stdin: true`: a bare shell then waits for input instead of exiting. */
  readonly stdin?: boolean;
}

/** The model a running process follows, with what it needs to fill its texts. */
export interface ModelProcess {
  readonly kind: "model";
  readonly argv: readonly string[];
  readonly workingDir: string;
  /** The image's ENV (the container's env overrides it). */
  readonly imageEnv: Readonly<Record<string, string>>;
  readonly model: ProcessModel;
  /** Ports actually listened on (flags and declared ports applied); empty for an exit model. */
  readonly ports: readonly number[];
  /** The capture groups of the program's argument patterns: a compute model's inputs. */
  readonly inputs?: readonly string[];
  /** For {{version}}. */
  readonly version: string;
}

/** Anything else: the shell interpreter runs argv (it also reports "not found"). */
export interface ShellProcess {
  readonly kind: "shell";
  readonly argv: readonly string[];
  readonly workingDir: string;
  readonly imageEnv: Readonly<Record<string, string>>;
}

export type ImageProcess = ModelProcess | ShellProcess;

/** What a container with an image kubesim does not know does: listen on its declared ports, 200 on "/". */
export const UNKNOWN_IMAGE_MODEL: ServeModel = {
  kind: "serve",
  ports: "declared",
  http: [{ path: "/", answer: { kind: "static", status: 200, body: "" } }],
};

// Programs the interpreter runs even in an image kubesim does not know (busybox-like tools).
const INTERPRETER_PROGRAMS = new Set(["sh", "bash", "ash", "sleep", "echo", "printf", "cat", "true", "false", "env", "printenv", "ls", "date", "hostname", "wget", "curl", "nslookup", "test", "["]);

/**
 * The argv a runtime executes: command ?? ENTRYPOINT, followed by args ?? (command ? [] : CMD).
 * @example effectiveArgv({ entrypoint: ["/e"], cmd: ["c"] }, undefined, ["a"]) // ["/e", "a"]
 */
export function effectiveArgv(config: CatalogImage["config"], command?: readonly string[], args?: readonly string[]): string[] {
  const entry = command && command.length > 0 ? command : (config?.entrypoint ?? []);
  const rest = args && args.length > 0 ? args : command && command.length > 0 ? [] : (config?.cmd ?? []);
  return [...entry, ...rest];
}

/** The catalog entry for an image as written in a pod spec, if kubesim knows it. */
export function catalogImageFor(image: string): CatalogImage | undefined {
  // Asked several times per container start, for the few images a cluster runs.
  if (catalogImages.has(image)) return catalogImages.get(image);
  const parsed = parseImageReference(image);
  const img = parsed.ok ? findCatalogImage(parsed.ref) : undefined;
  catalogImages.set(image, img);
  return img;
}

const catalogImages = new Map<string, CatalogImage | undefined>();

/**
 * Decides what a container runs: its argv by the runtime's rule, then the image program that
 * argv names (after entrypoint scripts that exec "$@"), or the shell interpreter.
 * @example imageProcessFor("nginx", {}).kind // "model" (the nginx server)
 * @example imageProcessFor("busybox", { command: ["sh", "-c", "sleep 3600"] }).kind // "shell"
 */
export function imageProcessFor(image: string, spec: ContainerStartSpec): ImageProcess {
  const img = catalogImageFor(image);
  const config = img?.config;
  const argv = effectiveArgv(config, spec.command, spec.args);
  const workingDir = config?.workingDir ?? "/";
  const version = versionOf(img, image);
  const imageEnv = versionedEnv(config?.env ?? {}, img?.version, version);
  const shell: ShellProcess = { kind: "shell", argv, workingDir, imageEnv };

  if (!img) {
    if (argv.length > 0 && INTERPRETER_PROGRAMS.has(basename(argv[0]))) return shell;
    return { kind: "model", argv, workingDir, imageEnv, model: UNKNOWN_IMAGE_MODEL, ports: spec.declaredPorts ?? [], version };
  }
  const unwrapped = unwrap(argv, config?.wrappers ?? []);
  const program = scriptProgram(img.programs ?? [], unwrapped) ?? unwrapped;
  const found = matchProgram(img.programs ?? [], program, spec.stdin === true);
  if (!found) {
    // A catalog image whose programs kubesim does not model (node, echoserver) behaves as an unknown one.
    if (!img.programs && !(argv.length > 0 && INTERPRETER_PROGRAMS.has(basename(argv[0])))) {
      return { kind: "model", argv, workingDir, imageEnv, model: UNKNOWN_IMAGE_MODEL, ports: spec.declaredPorts ?? [], version };
    }
    return shell;
  }
  const { model } = found.program;
  const ports = listeningPorts(model, program, spec.declaredPorts ?? []);
  return { kind: "model", argv, workingDir, imageEnv, model, ports, version, ...(found.inputs.length > 0 && { inputs: found.inputs }) };
}

/** The model's ports with its port flag applied (`--http-port=8081` or `--http-port 8081`). */
function listeningPorts(model: ProcessModel, argv: readonly string[], declared: readonly number[]): readonly number[] {
  if (model.kind !== "serve") return [];
  if (model.ports === "declared") return declared;
  const flag = model.portFlag;
  if (!flag) return model.ports;
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i].startsWith(`${flag}=`) ? argv[i].slice(flag.length + 1) : argv[i] === flag ? argv[i + 1] : undefined;
    if (value !== undefined && /^\d+$/.test(value)) return [Number(value), ...model.ports.slice(1)];
  }
  return model.ports;
}

/**
 * The software version a tag carries: a full x.y.z tag names it; a minor or major line ("1.14",
 * "1", "1.14-alpine") carries its newest patch release among the catalog's tags; other tags
 * (latest, stable, alpine) carry the catalog's current version.
 * @example versionOf(nginx, "nginx:1.14") === "1.14.2"
 */
export function versionOf(img: CatalogImage | undefined, image: string): string {
  if (!img) return versionFor(img, image);
  let byImage = versions.get(img);
  if (!byImage) versions.set(img, (byImage = new Map()));
  let version = byImage.get(image);
  if (version === undefined) byImage.set(image, (version = versionFor(img, image)));
  return version;
}

/** Catalog image → image reference → its version: a release line's newest tag is a sort of the catalog's tags. */
const versions = new WeakMap<CatalogImage, Map<string, string>>();

function versionFor(img: CatalogImage | undefined, image: string): string {
  const parsed = parseImageReference(image);
  const tag = parsed.ok ? parsed.ref.tag : undefined;
  const full = tag && /^\d+\.\d+\.\d+/.exec(tag);
  if (full) return full[0];
  const line = tag && /^(\d+(?:\.\d+)?)(?:-|$)/.exec(tag);
  if (line && !img?.tagVersions?.[tag]) {
    const newest = newestRelease(img?.tags ?? [], line[1]);
    if (newest) return newest;
  }
  return (tag && img?.tagVersions?.[tag]) ?? img?.version ?? "";
}

/** The highest x.y.z tag in a release line ("1.14" → "1.14.2"), compared numerically. */
function newestRelease(tags: readonly string[], line: string): string | undefined {
  const parts = (v: string) => v.split(".").map(Number);
  const inLine = tags.filter((t) => /^\d+\.\d+\.\d+$/.test(t) && t.startsWith(line + "."));
  return inLine.sort((a, b) => {
    const [x, y] = [parts(a), parts(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  }).pop();
}

/**
 * The image's env as published for that version: values that begin with the catalog's current
 * version (NGINX_VERSION=1.29.1, MYSQL_VERSION=9.4.0-1.el9) name the tag's version instead.
 */
function versionedEnv(env: Readonly<Record<string, string>>, current: string | undefined, version: string): Readonly<Record<string, string>> {
  if (!current || current === version) return env;
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.startsWith(current) ? version + v.slice(current.length) : v]));
}

/** Who the process is and when it started: what its texts and time-dependent answers need. */
export interface ProcessContext {
  readonly startedAt: Instant;
  readonly hostname: string;
  readonly podIP?: string;
  /** The container's resolved environment (image ENV already merged under it). */
  readonly env: Readonly<Record<string, string>>;
  /** Reads a file of the container's filesystem as it is now (a web server's docRoot). */
  readonly readFile?: (path: string) => string | undefined;
}

/**
 * When the process ends as soon as it starts: an exit model, or a server whose required
 * environment is missing (mysql without a root password option). Undefined when it runs on.
 */
export function exitOnStart(proc: ModelProcess, ctx: ProcessContext): { code: number; logs: string[] } | undefined {
  const m = proc.model;
  if (m.kind === "exit") return { code: m.code, logs: fillAll(m.logs ?? [], proc, ctx) };
  if (m.kind === "serve" && m.requires && !requirementMet(m.requires, ctx.env)) return { code: m.requires.exitCode, logs: fillAll(m.requires.logs, proc, ctx) };
  return undefined;
}

/**
 * What a compute model's process does: works for a while, then prints and exits (run it with
 * shell/process.ts startTimedProcess). Undefined for a process that serves or exits at once.
 * @example runOnStart(perl with `-Mbignum=bpi -wle "print bpi(5)"`) // { durationMs: 100, stdout: "3.1416\n", exitCode: 0 }
 */
export function runOnStart(proc: ModelProcess): ProgramRun | undefined {
  return proc.model.kind === "compute" ? COMPUTATIONS[proc.model.computes](proc.inputs ?? []) : undefined;
}

function requirementMet(req: EnvRequirement, env: Readonly<Record<string, string>>): boolean {
  return req.anyOf.some((c) => (c.equals !== undefined ? env[c.name] === c.equals : (env[c.name] ?? "") !== ""));
}

/** The lines a running server prints at start (empty for an exiting process: see exitOnStart). */
export function startupLogs(proc: ModelProcess, ctx: ProcessContext): string[] {
  if (proc.model.kind !== "serve" || exitOnStart(proc, ctx)) return [];
  return fillAll(proc.model.logs ?? [], proc, ctx);
}

/**
 * The answer to `GET path` (with query) on `port` at `now`, or undefined when nothing answers
 * HTTP there (connection refused, or a port that does not speak HTTP: probes then fail).
 * @example httpAnswer(liveness, 8080, "/healthz", ctx, startedAt + 11_000) // { status: 500, body: "error: 11" }
 */
export function httpAnswer(proc: ModelProcess, port: number, path: string, ctx: ProcessContext, now: Instant): { status: number; body: string } | undefined {
  const m = proc.model;
  if (m.kind !== "serve" || !m.http || !proc.ports.includes(port) || exitOnStart(proc, ctx)) return undefined;
  const q = path.indexOf("?");
  const pathname = q < 0 ? path : path.slice(0, q);
  const query = new URLSearchParams(q < 0 ? "" : path.slice(q + 1));
  const served = m.docRoot && ctx.readFile?.(`${m.docRoot}${pathname.endsWith("/") ? `${pathname}index.html` : pathname}`);
  if (typeof served === "string") return { status: 200, body: served };
  const route = m.http.find((r) => (r.path.endsWith("*") ? pathname.startsWith(r.path.slice(0, -1)) : pathname === r.path));
  if (!route) return { status: 404, body: "" };
  return answer(route.answer, proc, ctx, now, query);
}

function answer(a: HttpAnswerModel, proc: ModelProcess, ctx: ProcessContext, now: Instant, query: URLSearchParams): { status: number; body: string } {
  switch (a.kind) {
    case "static":
      return { status: a.status, body: fillTemplate(a.body, proc, ctx, now) };
    case "hostname":
      return { status: 200, body: ctx.hostname };
    case "query":
      return { status: 200, body: query.get(a.param) ?? "" };
    case "healthy-for": {
      // Go prints duration.Seconds() with %v: the shortest decimal, as JS's Number#toString.
      const age = (now - ctx.startedAt) / 1000;
      return age > a.seconds ? { status: 500, body: `error: ${age}` } : { status: 200, body: "ok" };
    }
  }
}

const fillAll = (lines: readonly string[], proc: ModelProcess, ctx: ProcessContext): string[] => lines.map((l) => fillTemplate(l, proc, ctx, ctx.startedAt));

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * Fills a model text's placeholders; timestamps are `at` in UTC in each program's own format
 * ({{goNow}} is Go's time.Now() %v, its monotonic reading counted from the process start).
 * Only the placeholders the text names are worked out: every container start fills its image's
 * start-up lines, and most name one timestamp.
 */
export function fillTemplate(text: string, proc: Pick<ModelProcess, "version" | "ports">, ctx: Pick<ProcessContext, "hostname" | "podIP"> & { readonly startedAt?: Instant }, at: Instant): string {
  if (!text.includes("{{")) return text;
  let parts: TimeParts | undefined;
  const time = () => (parts ??= timeParts(at));
  return text.replace(/\{\{(\w+)\}\}/g, (all, key: string) => placeholder(key, proc, ctx, at, time) ?? all);
}

interface TimeParts {
  readonly date: string; // 2025-11-22
  readonly time: string; // 10:00:04
  readonly y: string;
  readonly mo: string;
  readonly d: string;
  readonly ms: string; // 000-999, three digits
  readonly weekday: string;
}

function timeParts(at: Instant): TimeParts {
  const iso = toRFC3339(at); // 2025-11-22T10:00:04Z
  const [date, time] = [iso.slice(0, 10), iso.slice(11, 19)];
  const [y, mo, d] = date.split("-");
  const ms = String(((at % 1000) + 1000) % 1000).padStart(3, "0");
  const weekday = DAYS[(((Math.floor(at / 86_400_000) + 4) % 7) + 7) % 7]; // 1970-01-01 was a Thursday
  return { date, time, y, mo, d, ms, weekday };
}

function placeholder(
  key: string,
  proc: Pick<ModelProcess, "version" | "ports">,
  ctx: Pick<ProcessContext, "hostname" | "podIP"> & { readonly startedAt?: Instant },
  at: Instant,
  time: () => TimeParts,
): string | undefined {
  switch (key) {
    case "version":
      return proc.version;
    case "port":
      return String(proc.ports[0] ?? "");
    case "hostname":
      return ctx.hostname;
    case "podIP":
      return ctx.podIP ?? "127.0.0.1";
  }
  const t = time();
  switch (key) {
    case "nginxTime":
    case "goLogTime":
      return `${t.y}/${t.mo}/${t.d} ${t.time}`;
    case "mysqlTime":
      return `${t.date} ${t.time}+00:00`;
    case "apacheTime":
      return `${t.weekday} ${MONTHS[Number(t.mo) - 1]} ${t.d} ${t.time}.${t.ms}000 ${t.y}`;
    case "redisTime":
      return `${t.d} ${MONTHS[Number(t.mo) - 1]} ${t.y} ${t.time}.${t.ms}`;
    case "pgTime":
      return `${t.date} ${t.time}.${t.ms} UTC`;
    case "goNow":
      return `${t.date} ${t.time}.${t.ms}000000 +0000 UTC m=+${((at - (ctx.startedAt ?? at)) / 1000).toFixed(9)}`;
    default:
      return undefined;
  }
}
