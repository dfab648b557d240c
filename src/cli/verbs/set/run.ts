// What set image, set env and set resources share (cmd/set/helper.go CalculatePatches and each
// verb's Run): find the objects (all of them, or nothing happens), change a copy of each one's
// pod spec, skip the unchanged, print the client dry run or send the change, and report every
// error at the end as one aggregate.

import { defineShowManagedFields } from "../../flags/output";
import type { Command } from "commander";
import type { KubeObject } from "../../../api/types";
import type { Cluster } from "../../../sim/cluster";
import type { IOStreams, VerbEnv } from "../../verb";
import { RawError, StatusError, UsageError } from "../../../api/errors";
import { deepEqual } from "../../../api/deep-equal";
import { infoForKind, pluralDotGroup } from "../../../api/registry";
import { errorText } from "../../errors";
import type { DryRun } from "../../flags/dry-run";
import { defineDryRun } from "../../flags/dry-run";
import type { FilenameOptions } from "../../flags/filename";
import { defineFilenameFlags } from "../../flags/filename";
import { readSources } from "../../flags/read-sources";
import type { OutputFormat } from "../../flags/output";
import { manifestItems } from "../../manifests/read";
import { printCreated, serverMessage } from "../../generators/output";
import type { TargetQuery } from "../../generators/targets";
import { findTargets } from "../../generators/targets";
import type { PodSpecLike } from "./pod-template";
import { noPodTemplate, podSpecOf } from "./pod-template";
import { deepCopy } from "../../../api/deep-copy";

export interface SetFlags {
  all?: boolean;
  selector?: string;
  filename?: string[];
  recursive?: boolean;
  dryRun?: string | boolean;
  output?: string;
  local?: boolean;
  record?: boolean;
}

export interface SetTargets {
  readonly query: TargetQuery;
  readonly files: FilenameOptions;
  readonly dryRun: DryRun;
  readonly output: OutputFormat;
}

/** The verb's words: `image updated`, and the prefix of a failed write. */
export interface SetWording {
  readonly operation: string;
  readonly failure: string;
}

/**
 * Changes one object's pod spec in place. `errors` collects kubectl's per-container messages;
 * returning false means "not transformed" (set resources then sends nothing).
 */
export type Mutate = (obj: KubeObject, spec: PodSpecLike, errors: unknown[]) => boolean | void;

/** The flags every set verb declares; texts differ a little between verbs, as in kubectl. */
export function defineSetFlags(cmd: Command, texts: { all: string; selector: string; filename: string; local: string }): void {
  cmd.option("--all", texts.all, false);
  cmd.option("--allow-missing-template-keys", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.", true);
  defineDryRun(cmd);
  cmd.option("--field-manager <name>", "Name of the manager used to track field ownership.", "kubectl-set");
  defineFilenameFlags(cmd, texts.filename);
  cmd.option("--local", texts.local, false);
  cmd.option("-o, --output <format>", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).");
  cmd.option("-l, --selector <selector>", texts.selector, "");
  defineShowManagedFields(cmd);
  cmd.option("--template <template>", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].");
}

/** --record is deprecated but still accepted (kept hidden, as cobra hides deprecated flags). */
export function defineRecordFlag(cmd: Command): void {
  cmd.option("--record", "Record current kubectl command in the resource annotation.");
  const opt = cmd.options[cmd.options.length - 1] as { hidden?: boolean };
  opt.hidden = true;
}

/** cobra's notice for a deprecated flag, printed before anything else. */
export const RECORD_DEPRECATED = "Flag --record has been deprecated, --record will be removed in the future\n";

/** kubesim has no local mode: --local would need a client-side copy of the object. */
export function rejectLocal(flags: SetFlags): void {
  if (flags.local) throw new UsageError("kubesim does not support --local: use --dry-run=client -o yaml");
}

/** The objects to change, as the resource builder returns them: any missing one fails the command first. */
export function setTargets(cluster: Cluster, t: SetTargets, env: VerbEnv): KubeObject[] {
  const api = cluster.api;
  if (t.files.filenames.length > 0) {
    const items = manifestItems(readSources(t.files, env), { validate: false, namespace: t.query.namespace, explicitNamespace: false });
    const errors: unknown[] = items.filter((i) => i.error).map((i) => i.error);
    const objects: KubeObject[] = [];
    for (const item of items.filter((i) => i.object)) {
      const obj = item.object!;
      try {
        objects.push(api.get(obj.kind, obj.metadata.namespace ?? "", obj.metadata.name ?? ""));
      } catch (err) {
        errors.push(err);
      }
    }
    throwAll(errors);
    return objects;
  }
  const { objects, errors } = findTargets(api, t.query);
  throwAll(errors);
  return objects;
}

/** Runs the mutation over every target and reports as the set verbs do; returns the exit code. */
export function runSet(objects: readonly KubeObject[], t: SetTargets, words: SetWording, cluster: Cluster, io: IOStreams, mutate: Mutate): number {
  const errors: unknown[] = [];
  const changed: { before: KubeObject; after: KubeObject }[] = [];
  for (const obj of objects) {
    const after = deepCopy(obj);
    const spec = podSpecOf(after);
    if (!spec) {
      errors.push(new RawError(`error: ${objectName(obj)} ${noPodTemplate(obj)}\n`));
      continue;
    }
    if (mutate(after, spec, errors) === false) continue;
    changed.push({ before: obj, after });
  }
  for (const { before, after } of changed) {
    if (deepEqual(pruned(before), pruned(after))) continue;
    if (t.dryRun === "client") {
      io.out.write(printCreated(after, t.output, t.dryRun, words.operation));
      continue;
    }
    try {
      const actual = cluster.api.update(after, { dryRun: t.dryRun === "server" });
      io.out.write(printCreated(actual, t.output, t.dryRun, words.operation));
    } catch (err) {
      errors.push(new RawError(`${words.failure}${err instanceof StatusError ? serverMessage(err) : (err as Error).message}`));
    }
  }
  return report(errors, io);
}

/** `deployments.apps/web`: resource.Info's ObjectName(). */
export function objectName(obj: KubeObject): string {
  const info = infoForKind(obj.kind);
  return `${info ? pluralDotGroup(info) : obj.kind.toLowerCase()}/${obj.metadata.name}`;
}

/** Two objects differ for a two-way merge patch only where their JSON differs: empty lists and maps do not count. */
function pruned(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pruned);
  if (typeof v !== "object" || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const p = pruned(x);
    // Go's omitempty: an empty list or map is not in the JSON at all.
    if (Array.isArray(p) ? p.length === 0 : typeof p === "object" && p !== null && Object.keys(p).length === 0) continue;
    out[k] = p;
  }
  return out;
}

/** utilerrors.NewAggregate as kubectl's CheckErr prints it: one error alone, several one a line. */
export function report(errors: readonly unknown[], io: IOStreams): number {
  if (errors.length === 0) return 0;
  if (errors.length === 1) {
    const text = errorText(errors[0]);
    io.err.write(text.endsWith("\n") ? text : text + "\n");
    return 1;
  }
  io.err.write(errors.map((e) => `${aggregateLine(e)}\n`).join(""));
  return 1;
}

function aggregateLine(err: unknown): string {
  if (err instanceof StatusError || err instanceof RawError) return errorText(err);
  if (err instanceof UsageError) return err.message;
  return errorText(err);
}

function throwAll(errors: readonly unknown[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new RawError(errors.map((e) => errorText(e).replace(/^error: /, "")).join("\n"));
}
