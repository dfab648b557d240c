// label and annotate share one run: find the objects, change their labels or annotations,
// write them (unless client dry run), and report each as kubectl does (label.go RunLabel,
// annotate.go RunAnnotate). --list prints the current map instead.

import type { KubeObject } from "../../api/types";
import type { Cluster } from "../../sim/cluster";
import type { IOStreams } from "../verb";
import { RawError, UsageError } from "../../api/errors";
import { infoForKind } from "../../api/registry";
import { errorText } from "../errors";
import type { DryRun } from "../flags/dry-run";
import type { OutputFormat } from "../flags/output";
import type { MetadataChanges } from "../flags/metadata-args";
import { printCreated } from "./output";
import type { TargetQuery } from "./targets";
import { findTargets } from "./targets";
import type { FilenameOptions } from "../flags/filename";
import type { VerbEnv } from "../verb";
import { deepCopy } from "../../api/deep-copy";

export type MetadataField = "labels" | "annotations";

export interface MetadataUpdate {
  readonly field: MetadataField;
  readonly query: TargetQuery;
  /** -f/-R: the objects the files name, in place of resource arguments. */
  readonly files: FilenameOptions;
  readonly explicitNamespace: boolean;
  readonly changes: MetadataChanges;
  readonly overwrite: boolean;
  readonly list: boolean;
  readonly resourceVersion: string;
  readonly dryRun: DryRun;
  readonly output: OutputFormat;
}

/** The change-cause annotation may always be overwritten (polymorphichelpers.ChangeCauseAnnotation). */
const CHANGE_CAUSE = "kubernetes.io/change-cause";

export async function runMetadataUpdate(u: MetadataUpdate, cluster: Cluster, io: IOStreams, env: VerbEnv): Promise<number> {
  const { objects, errors, single } =
    u.files.filenames.length > 0
      ? (await import("./file-targets")).fileTargets(cluster.api, { ...u.query, files: u.files, explicitNamespace: u.explicitNamespace }, env)
      : findTargets(cluster.api, u.query);
  if (!single && u.resourceVersion !== "" && objects.length + errors.length > 1) {
    throw new UsageError("--resource-version may only be used with a single resource");
  }
  for (const obj of objects) {
    try {
      io.out.write(updateOne(u, obj, single, cluster));
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length === 0) return 0;
  // One error prints as usual; several print one message a line, without "error: " prefixes.
  if (errors.length === 1) throw errors[0];
  io.err.write(errors.map((e) => errorText(e).replace(/^error: /, "") + "\n").join(""));
  return 1;
}

function updateOne(u: MetadataUpdate, obj: KubeObject, single: boolean, cluster: Cluster): string {
  const current = { ...((obj.metadata[u.field] as Record<string, string> | undefined) ?? {}) };
  let out = "";
  if (!u.overwrite) checkNoOverwrites(u.field, current, u.changes.set);
  if (u.field === "labels" && !u.list && u.dryRun !== "client") {
    for (const k of u.changes.remove) if (!Object.hasOwn(current, k)) out += `label ${JSON.stringify(k)} not found.\n`;
  }
  const next = { ...current };
  for (const [k, v] of u.changes.set) next[k] = v;
  for (const k of u.changes.remove) delete next[k];
  const updated = deepCopy(obj);
  updated.metadata[u.field] = next;
  if (Object.keys(next).length === 0) delete updated.metadata[u.field];
  if (u.resourceVersion !== "") updated.metadata.resourceVersion = u.resourceVersion;
  const message = changeMessage(u, obj, updated);
  let result = updated;
  if (!u.list && u.dryRun !== "client" && !sameMap(current, next)) {
    result = cluster.api.update(updated, { dryRun: u.dryRun === "server" });
  } else if (!u.list && u.resourceVersion !== "" && u.resourceVersion !== obj.metadata.resourceVersion) {
    result = cluster.api.update(updated, { dryRun: true });
  }
  if (u.list) return out + listing(u.field, result, single);
  return out + printCreated(result, u.output, u.dryRun, message);
}

/** validateNoOverwrites: only a different value for an existing key is refused. */
function checkNoOverwrites(field: MetadataField, current: Record<string, string>, set: ReadonlyMap<string, string>): void {
  const clashes = [...set].filter(([k, v]) => Object.hasOwn(current, k) && current[k] !== v && !(field === "annotations" && k === CHANGE_CAUSE));
  if (clashes.length === 0) return;
  if (field === "annotations") {
    const list = clashes.map(([k]) => `'${k}' already has a value (${current[k]})`).join("; ");
    throw new UsageError(`--overwrite is false but found the following declared annotation(s): ${list}`);
  }
  const lines = clashes.map(([k]) => `'${k}' already has a value (${current[k]}), and --overwrite is false`);
  // An aggregate of one error prints as that error; of several, one bare message a line.
  throw lines.length === 1 ? new UsageError(lines[0]) : new RawError(lines.join("\n"));
}

/**
 * label.go updateDataChangeMsg: "not labeled" when the object is unchanged, "unlabeled" when
 * it shrank without --overwrite, else "labeled". annotate always says "annotated".
 */
function changeMessage(u: MetadataUpdate, before: KubeObject, after: KubeObject): string {
  if (u.field === "annotations") return "annotated";
  const a = JSON.stringify(before.metadata);
  const b = JSON.stringify(after.metadata);
  if (a === b) return "not labeled";
  return !u.overwrite && b.length < a.length ? "unlabeled" : "labeled";
}

/** `k=v` lines; several objects get a `Listing labels for Kind.group/name:` heading each. */
function listing(field: MetadataField, obj: KubeObject, single: boolean): string {
  const map = (obj.metadata[field] as Record<string, string> | undefined) ?? {};
  // kubectl ranges over a Go map (random order); kubesim sorts the keys to stay deterministic.
  const lines = Object.keys(map).sort().map((k) => `${single ? "" : " "}${k}=${map[k]}\n`);
  if (single) return lines.join("");
  const group = infoForKind(obj.kind)?.group ?? "";
  return `Listing ${field} for ${obj.kind}.${group}/${obj.metadata.name}:\n` + lines.join("");
}

function sameMap(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => b[k] === a[k]);
}
