// The flags and Complete step label and annotate share (label.go / annotate.go differ only in
// the argument parser, the messages and the help).

import type { Command } from "commander";
import type { VerbEnv } from "../verb";
import { UsageError } from "../../api/errors";
import { defineDryRun, parseDryRun } from "../flags/dry-run";
import { parseOutput, defineShowManagedFields } from "../flags/output";
import type { MetadataChanges } from "../flags/metadata-args";
import { splitResourcesAndPairs } from "../flags/metadata-args";
import type { MetadataField, MetadataUpdate } from "./metadata-update";
import { sortOptions } from "./output";
import type { FilenameFlags } from "../flags/filename";
import { defineFilenameFlags, filenameOptions } from "../flags/filename";

export interface MetadataFlags extends FilenameFlags {
  overwrite?: boolean;
  list?: boolean;
  all?: boolean;
  allNamespaces?: boolean;
  selector?: string;
  resourceVersion?: string;
  dryRun?: string | boolean;
  output?: string;
  local?: boolean;
}

export function defineMetadataFlags(cmd: Command, field: MetadataField): void {
  const noun = field === "labels" ? "label" : "annotation";
  cmd.option("--all", `Select all resources, in the namespace of the specified resource types${field === "annotations" ? "." : ""}`, false);
  cmd.option("-A, --all-namespaces", "If true, check the specified action in all namespaces.", false);
  defineDryRun(cmd);
  defineFilenameFlags(cmd, `Filename, directory, or URL to files identifying the resource to update the ${field === "labels" ? "labels" : "annotation"}`);
  cmd.option("--field-manager <name>", "Name of the manager used to track field ownership.", `kubectl-${noun === "label" ? "label" : "annotate"}`);
  cmd.option("--list", `If true, display the ${field} for a given resource.`, false);
  cmd.option("--local", `If true, ${noun} will NOT contact api-server but run locally.`, false);
  cmd.option("-o, --output <format>", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).");
  cmd.option("--overwrite", `If true, allow ${field} to be overwritten, otherwise reject ${noun} updates that overwrite existing ${field}.`, false);
  cmd.option(
    "--resource-version <version>",
    `If non-empty, the ${field === "labels" ? "labels" : "annotation"} update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.`,
    "",
  );
  cmd.option("-l, --selector <selector>", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.", "");
    defineShowManagedFields(cmd);
  sortOptions(cmd);
}

export function completeMetadata(
  field: MetadataField,
  flags: MetadataFlags,
  args: readonly string[],
  env: VerbEnv,
  parse: (pairs: string[]) => MetadataChanges,
): MetadataUpdate {
  const noun = field === "labels" ? "label" : "annotation";
  const { resources, pairs } = splitResourcesAndPairs(args, noun);
  const output = parseOutput(flags.output);
  if (flags.list && flags.output) throw new UsageError("--list and --output may not be specified together");
  if (flags.local) throw new UsageError("kubesim does not support --local: it has no manifests to read locally (use --dry-run=client)");
  const changes = parse(pairs);
  const all = Boolean(flags.all);
  const selector = flags.selector ?? "";
  if (all && selector !== "") throw new UsageError("cannot set --all and --selector at the same time");
  const files = filenameOptions(flags);
  if (resources.length < 1 && files.filenames.length === 0) throw new UsageError("one or more resources must be specified as <resource> <name> or <resource>/<name>");
  if (changes.set.size < 1 && changes.remove.length < 1 && !flags.list) throw new UsageError(`at least one ${noun} update is required`);
  return {
    field,
    query: { args: resources, selector, all, allNamespaces: Boolean(flags.allNamespaces), namespace: env.namespace },
    files,
    explicitNamespace: env.explicitNamespace,
    changes,
    overwrite: Boolean(flags.overwrite),
    list: Boolean(flags.list),
    resourceVersion: flags.resourceVersion ?? "",
    dryRun: parseDryRun(flags.dryRun),
    output,
  };
}
