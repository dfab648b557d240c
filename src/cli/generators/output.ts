// What the generator verbs (create deployment|configmap|namespace, run) share: their printer
// flags, the created/dry-run line or -o output, --save-config, int flags parsed as pflag
// parses them, and server errors wrapped as kubectl's generators wrap them.

import type { Command } from "commander";
import type { KubeObject } from "../../api/types";
import type { ApiServer } from "../../api/server";
import { StatusError, UsageError } from "../../api/errors";
import { renderIssue } from "../../api/validation/render";
import type { DryRun } from "../flags/dry-run";
import { defineDryRun, parseDryRun } from "../flags/dry-run";
import type { OutputFormat } from "../flags/output";
import { formatText, isHumanReadable, parseOutput, defineShowManagedFields } from "../flags/output";
import type { VerbEnv } from "../verb";
import { argsBeforeDash } from "./args-at-dash";
import { successLine } from "../flags/result";
import { printObjects } from "../../printers/formats";
import { defineValidate } from "../manifests/validate-flag";
import { parseGoInt } from "../flags/go-int";
import { goMap } from "./go-typed";
import { deepCopy } from "../../api/deep-copy";

export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/** The flags generator verbs share; `validate` false for expose, which has no --validate. */
export function defineGeneratorFlags(cmd: Command, fieldManager: string, validate = true): void {
  cmd.option("--allow-missing-template-keys", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.", true);
  defineDryRun(cmd);
  cmd.option("--field-manager <name>", "Name of the manager used to track field ownership.", fieldManager);
  cmd.option("-o, --output <format>", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).");
  cmd.option("--save-config", "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.", false);
  defineShowManagedFields(cmd);
  cmd.option("--template <template>", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].");
  if (validate) defineValidate(cmd);
}

/** The line (or -o output) a created object is reported with; `asBuilt`: see FormatOptions. */
export function printCreated(obj: KubeObject, output: OutputFormat, dryRun: DryRun, operation = "created", asBuilt = false): string {
  if (isHumanReadable(output)) return successLine(obj, operation, dryRun);
  return printObjects(formatText(output), [obj], { single: true, asBuilt });
}

/**
 * printCreated for a generator's object (create deployment, run, expose, …): with
 * --dry-run=client it is the Go struct kubectl built, and -o json keeps its field order.
 */
export const printGenerated = (obj: KubeObject, output: OutputFormat, dryRun: DryRun, operation = "created"): string =>
  printCreated(obj, output, dryRun, operation, dryRun === "client");

/**
 * --save-config: the object as JSON (Go struct order, compact, with the newline Go's encoder
 * adds) stored in the last-applied annotation (util.CreateOrUpdateAnnotation).
 */
export function withLastApplied(obj: KubeObject): KubeObject {
  const meta = { ...obj.metadata };
  const annotations = { ...(meta.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const bare = { ...obj, metadata: { ...meta } as KubeObject["metadata"] };
  if (Object.keys(annotations).length > 0) bare.metadata.annotations = annotations;
  else delete bare.metadata.annotations;
  const json = JSON.stringify(bare).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) + "\n";
  const out = deepCopy(obj);
  // A Go map: -o json of what was built shows its keys sorted.
  out.metadata = insertAnnotations(out.metadata, goMap({ ...annotations, [LAST_APPLIED]: json }));
  return out;
}

/** Puts annotations where Go's ObjectMeta has them: right after labels. */
function insertAnnotations(meta: KubeObject["metadata"], annotations: Record<string, string>): KubeObject["metadata"] {
  const out: Record<string, unknown> = {};
  let placed = false;
  for (const [k, v] of Object.entries(meta)) {
    if (k === "annotations") continue;
    if (!placed && ["ownerReferences", "finalizers", "managedFields"].includes(k)) {
      out.annotations = annotations;
      placed = true;
    }
    out[k] = v;
  }
  if (!placed) out.annotations = annotations;
  return out as KubeObject["metadata"];
}

/** The object as sent to the server: no `creationTimestamp: null` (the server stamps it). */
export function forServer(obj: KubeObject): KubeObject {
  const out = deepCopy(obj);
  if (out.metadata.creationTimestamp === null) delete out.metadata.creationTimestamp;
  return out;
}

/** The flags every create generator has (defineGeneratorFlags, trackArgsLenAtDash). */
export interface GeneratorFlags {
  dryRun?: string | boolean;
  output?: string;
  saveConfig?: boolean;
  argsLenAtDash?: number;
}

export interface GeneratedCreate {
  readonly saveConfig: boolean;
  readonly dryRun: DryRun;
  readonly output: OutputFormat;
  readonly namespace: string;
}

/** The options every create generator completes to: its one NAME, and where it creates. */
export interface GeneratorOptions extends GeneratedCreate {
  readonly name: string;
  readonly explicitNamespace: boolean;
}

/** A generator's common options; exactly one NAME before any `--`. */
export function generatorOptions(flags: GeneratorFlags, args: readonly string[], env: Pick<VerbEnv, "namespace" | "explicitNamespace">, verb: string): GeneratorOptions {
  const before = argsBeforeDash(args, flags.argsLenAtDash);
  if (before !== 1) throw exactlyOneName(before, verb);
  return {
    name: args[0],
    dryRun: parseDryRun(flags.dryRun),
    output: parseOutput(flags.output),
    saveConfig: Boolean(flags.saveConfig),
    namespace: env.namespace,
    explicitNamespace: env.explicitNamespace,
  };
}

/**
 * The end of every `kubectl create <generator>`: the last-applied annotation with
 * --save-config, the object sent to the namespace unless --dry-run=client (a refusal prefixed
 * as the generator words it, e.g. "failed to create deployment: "), and what is printed.
 */
export function createGenerated(api: ApiServer | undefined, obj: KubeObject, o: GeneratedCreate, failurePrefix: string): string {
  let result = o.saveConfig ? withLastApplied(obj) : obj;
  if (o.dryRun !== "client") {
    const sent = forServer(result);
    sent.metadata.namespace = o.namespace;
    try {
      result = api!.create(sent, { dryRun: o.dryRun === "server" });
    } catch (err) {
      throw wrapServerError(err, failurePrefix);
    }
  }
  return printGenerated(result, o.output, o.dryRun);
}

/** `failed to create deployment: <server message>`: the server error as Go's %v prints it. */
export function wrapServerError(err: unknown, prefix: string): unknown {
  if (!(err instanceof StatusError)) return err;
  return new UsageError(`${prefix}${serverMessage(err)}`);
}

/** A status error's message as the API server words it (Invalid with its causes in brackets). */
export function serverMessage(err: StatusError): string {
  if (err.reason !== "Invalid" || !err.invalid) return err.message;
  const causes = [...new Set(err.invalid.issues.map(renderIssue))];
  const base = `${err.invalid.kind}${err.invalid.group ? "." + err.invalid.group : ""} ${JSON.stringify(err.invalid.name)} is invalid`;
  if (causes.length === 0) return base;
  return `${base}: ${causes.length === 1 ? causes[0] : `[${causes.join(", ")}]`}`;
}

/** kubectl's help lists flags sorted by long name; call at the end of define(). */
export function sortOptions(cmd: Command): void {
  const key = (o: { long?: string }) => (o.long ?? "").replace(/^--/, "");
  (cmd.options as unknown as { long?: string }[]).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * pflag's int parsing (Go's strconv.ParseInt, base 0, of the flag's size): `invalid argument "x"
 * for "-r, --replicas" flag: strconv.ParseInt: …`. `flag` is named as pflag names it.
 */
export function parseIntFlag(value: string | number | undefined, flag: string, fallback: number, verb: string, bits: 32 | 64 = 64): number {
  if (value === undefined) return fallback;
  if (typeof value === "number") return value;
  const parsed = parseGoInt(value, bits);
  if ("error" in parsed) {
    throw new UsageError(`Error: invalid argument ${JSON.stringify(value)} for "${flag}" flag: strconv.ParseInt: parsing ${JSON.stringify(value)}: ${parsed.error}`, {
      hint: `See 'kubectl ${verb} --help' for usage.`,
    });
  }
  return parsed.value;
}

/** kubectl's NameFromCommandArgs error. */
export function exactlyOneName(count: number, verb: string): UsageError {
  return new UsageError(`exactly one NAME is required, got ${count}`, { hint: `See 'kubectl ${verb} -h' for help and examples` });
}

/** cobra's MarkFlagRequired failure (flags in name order), without klog's timestamp and PID prefix. */
export function requiredFlag(...names: string[]): UsageError {
  return new UsageError(`required flag(s) ${names.map((n) => `"${n}"`).join(", ")} not set`);
}

/** pflag's StringArray: each use of the flag is one value. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * pflag's StringSlice: each use of the flag is one CSV record (Go's encoding/csv), so
 * `--image=nginx,busybox` is two values and `"a,b"` one; an empty value adds none.
 */
export function collectCsv(value: string, previous: string[]): string[] {
  return [...previous, ...csvRecord(value)];
}

/** The first record of a CSV text: fields split at commas, quoted ones with `""` for a quote. */
function csvRecord(text: string): string[] {
  if (text === "") return [];
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else if (c === "\n") break;
    else field += c;
  }
  return [...fields, field];
}
