// kubectl edit (RESOURCE/NAME | TYPE NAME... | -f FILE): writes the objects as YAML (or JSON)
// under kubectl's header to a temporary file, runs $KUBE_EDITOR/$EDITOR on it, and sends what
// changed as a strategic merge patch. Saved unchanged → "Edit cancelled, no changes made.";
// an invalid edit reopens the file with the reasons as comments, as kubectl's editoptions.go
// does, until the user saves a valid change or gives up by saving the same text again.

import { defineVerb } from "../verb";
import { StatusError, UsageError } from "../../api/errors";
import type { KubeObject } from "../../api/types";
import type { ResourceInfo } from "../../api/registry";
import { infoForKind, pluralDotGroup } from "../../api/registry";
import type { Cluster } from "../../sim/cluster";
import type { JsonMap } from "../../api/apply/merge";
import { createTwoWayMergePatch, strategicMergePatch } from "../../api/apply/merge";
import { withLastApplied } from "../../api/apply/last-applied";
import { printObjects } from "../../printers/formats/index";
import { createEditFile, readEditFile, removeEditFile, writeEditFile } from "../../state/edit-file";
import type { FilenameFlags, FilenameOptions } from "../flags/filename";
import { defineFilenameFlags, filenameOptions } from "../flags/filename";
import { readSources } from "../flags/read-sources";
import type { ResourceRequest } from "../flags/resources";
import { parseResourceArgs } from "../flags/resources";
import { defineOutput, formatText, parseOutput, defineShowManagedFields } from "../flags/output";
import type { Validation } from "../manifests/validate-flag";
import { defineValidate, parseValidate } from "../manifests/validate-flag";
import { manifestItems } from "../manifests/read";
import { decodeManifestText } from "../manifests/decode";
import { ResultPrinter } from "../manifests/result-printer";
import { renderIssueBody } from "../../api/validation/render";
import type { IOStreams, VerbEnv } from "../verb";
import { warningLine } from "../../printers/color";
const HELP = {
  short: "Edit a resource on the server",
  long: "Edit a resource from the default editor.\n\n The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows. When attempting to open the editor, it will first attempt to use the shell that has been defined in the 'SHELL' environment variable. If this is not defined, the default shell will be used, which is '/bin/bash' for Linux or 'cmd' for Windows.\n\n You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.\n\n Editing is done with the API version used to fetch the resource. To edit using a specific API version, fully-qualify the resource, version, and group.\n\n The default format is YAML. To edit in JSON, specify \"-o json\".\n\n The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating system will be used.\n\n In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.",
  example: "  # Edit the service named 'registry'\n  kubectl edit svc/registry\n  \n  # Use an alternative editor\n  KUBE_EDITOR=\"nano\" kubectl edit svc/registry\n  \n  # Edit the job 'myjob' in JSON using the v1 API format\n  kubectl edit job.v1.batch/myjob -o json\n  \n  # Edit the deployment 'mydeployment' in YAML and save the modified config in its annotation\n  kubectl edit deployment/mydeployment -o yaml --save-config\n  \n  # Edit the 'status' subresource for the 'mydeployment' deployment\n  kubectl edit deployment mydeployment --subresource='status'",
  usage: "edit (RESOURCE/NAME | -f FILENAME) [options]",
};

interface Flags extends FilenameFlags {
  output?: string;
  validate?: string | boolean;
  saveConfig?: boolean;
}

interface Options {
  files: FilenameOptions;
  request: ResourceRequest;
  /** The format of the file the editor sees: yaml (default) or json. */
  format: "yaml" | "json";
  /** -o for what is printed after the edit ("" → the `edited` line). */
  output: string;
  validation: Validation;
  saveConfig: boolean;
  namespace: string;
  explicitNamespace: boolean;
}

const HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  "# and an empty file will abort the edit. If an error occurs while saving this file will be\n" +
  "# reopened with the relevant failures.\n" +
  "#\n";

/** A bound on reopening: kubectl loops for as long as the user keeps changing the file. */
const MAX_ROUNDS = 20;

interface Reason {
  readonly head: string;
  readonly other: readonly string[];
}

export default defineVerb<Flags, Options>({
  name: "edit",
  help: HELP,
  define(cmd) {
    defineShowManagedFields(cmd);
    defineFilenameFlags(cmd, "Filename, directory, or URL to files to use to edit the resource");
    defineOutput(cmd, "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).");
    cmd.option(
      "--save-config",
      "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.",
    );
    cmd.option("--no-save-config", "");
    defineValidate(cmd);
  },
  complete(flags, args, env) {
    const output = flags.output ?? "";
    const files = filenameOptions(flags);
    return {
      files,
      request: parseResourceArgs(files.filenames.length > 0 ? [] : args),
      format: output === "json" ? "json" : "yaml",
      output: output === "" || output === "yaml" || output === "json" ? "" : formatText(parseOutput(output)),
      validation: parseValidate(flags.validate),
      saveConfig: Boolean(flags.saveConfig),
      namespace: env.namespace,
      explicitNamespace: env.explicitNamespace,
    };
  },
  validate(o) {
    if (o.files.filenames.length === 0 && o.request.types.length === 0) {
      throw new UsageError(
        "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    }
  },
  run(o, cluster, io, env) {
    const originals = targets(o, cluster!, env);
    if (originals.length === 0) throw new UsageError("edit cancelled, no objects found");
    return editLoop(o, cluster!, io, env, originals);
  },
});

/** The live objects to edit, in argument order. */
function targets(o: Options, cluster: Cluster, env: VerbEnv): KubeObject[] {
  const api = cluster.api;
  if (o.files.filenames.length > 0) {
    const items = manifestItems(readSources(o.files, env), { validate: false, namespace: o.namespace, explicitNamespace: o.explicitNamespace });
    const bad = items.find((i) => i.error);
    if (bad) throw bad.error;
    return items.map((i) => api.get(i.info!.kind, i.object!.metadata.namespace ?? "", i.object!.metadata.name ?? ""));
  }
  const out: KubeObject[] = [];
  for (const info of o.request.types) {
    const names = o.request.names.get(info);
    if (names) for (const n of names) out.push(api.get(info.kind, o.namespace, n));
    else out.push(...api.list(info.kind, o.namespace));
  }
  return out;
}

function render(objects: readonly KubeObject[], format: "yaml" | "json"): string {
  return printObjects(format, objects, { single: objects.length === 1 });
}

function editLoop(o: Options, cluster: Cluster, io: IOStreams, env: VerbEnv, originals: KubeObject[]): number {
  const original = HEADER + render(originals, o.format);
  const tmpDir = env.vars.TMPDIR || undefined;
  const file = createEditFile(original, o.format, tmpDir);
  const printer = new ResultPrinter(o.output, "none", io);
  let previous = original;
  let containsError = false;
  let pending = originals;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (env.runEditor(file) !== 0) {
      throw new UsageError(`there was a problem with the editor "${editorName(env)}"`);
    }
    const edited = readEditFile(file);
    if (containsError && stripComments(previous) === stripComments(edited)) {
      io.err.write(`A copy of your changes has been stored to "${file}"\n`);
      throw new UsageError("Edit cancelled, no valid changes were saved.");
    }
    if (stripComments(original) === stripComments(edited)) {
      removeEditFile(file);
      io.err.write("Edit cancelled, no changes made.\n");
      return 0;
    }
    if (stripComments(edited).trim() === "") {
      removeEditFile(file);
      io.err.write("Edit cancelled, saved file was empty.\n");
      return 0;
    }
    previous = edited;
    const reasons: Reason[] = [];
    const retry: KubeObject[] = [];
    const decoded = decodeManifestText(edited, "edited-file");
    if (decoded.error) {
      reasons.push({ head: `The edited file had a syntax error: ${decoded.error.replace(/^error parsing edited-file: /, "")}`, other: [] });
      retry.push(...pending);
    } else {
      const docs = decoded.docs.flatMap((d) => (isList(d) ? (d.items as unknown[]) : [d])) as KubeObject[];
      for (const doc of docs) {
        const r = saveOne(o, cluster, io, pending, doc, printer);
        if (r) {
          reasons.push(r.reason);
          retry.push(r.object);
        }
      }
    }
    if (reasons.length === 0) {
      removeEditFile(file);
      return 0;
    }
    containsError = true;
    pending = retry;
    writeEditFile(file, HEADER + reasons.map(reasonText).join("") + manualStrip(edited));
  }
  io.err.write(`A copy of your changes has been stored to "${file}"\n`);
  throw new UsageError("Edit cancelled, no valid changes were saved.");
}

/** Patches one edited object onto its live version; returns why it must be edited again. */
function saveOne(o: Options, cluster: Cluster, io: IOStreams, originals: KubeObject[], doc: KubeObject, printer: ResultPrinter): { reason: Reason; object: KubeObject } | undefined {
  const meta = (doc && typeof doc === "object" && doc.metadata) || {};
  const orig = originals.find((x) => x.kind === doc?.kind && x.metadata.name === meta.name && (x.metadata.namespace ?? "") === (meta.namespace ?? x.metadata.namespace ?? ""));
  if (!orig) {
    return { reason: { head: "At least one of apiVersion, kind and name was changed", other: [] }, object: doc };
  }
  const info = infoForKind(orig.kind) as ResourceInfo;
  const edited = o.saveConfig ? withLastApplied(doc) : doc;
  const patch = createTwoWayMergePatch(orig as unknown as JsonMap, edited as unknown as JsonMap);
  if (Object.keys(patch).length === 0) {
    printer.print(orig, "skipped");
    return undefined;
  }
  try {
    const live = cluster.api.get(orig.kind, orig.metadata.namespace ?? "", orig.metadata.name ?? "");
    const patched = strategicMergePatch(live as unknown as JsonMap, patch) as unknown as KubeObject;
    const warnings: string[] = [];
    const saved = cluster.api.update(patched, { fieldValidation: o.validation.fieldValidation, warnings });
    for (const w of warnings) io.err.write(warningLine(w, Boolean(io.color)));
    printer.print(saved, "edited");
    return undefined;
  } catch (err) {
    const resource = pluralDotGroup(info);
    const name = orig.metadata.name ?? "";
    if (err instanceof StatusError && err.reason === "Invalid") {
      io.err.write(`error: ${resource} "${name}" is invalid\n`);
      const other = (err.invalid?.issues ?? []).map((i) => `${i.path}: ${renderIssueBody(i)}`);
      return { reason: { head: `${resource} "${name}" was not valid`, other }, object: orig };
    }
    if (err instanceof StatusError && err.reason === "NotFound") throw err;
    const msg = err instanceof Error ? err.message : String(err);
    io.err.write(`error: ${resource} "${name}" could not be patched: ${msg}\n`);
    return { reason: { head: `${resource} "${name}" could not be patched: ${msg}`, other: [] }, object: orig };
  }
}

/** editHeader.writeTo for one reason. */
function reasonText(r: Reason): string {
  const hash = (s: string) => s.replace(/\n/g, "\n# ");
  let s = r.other.length > 0 ? `# ${hash(r.head)}:\n` : `# ${hash(r.head)}\n`;
  for (const x of r.other) s += `# * ${hash(x)}\n`;
  return s + "#\n";
}

/** cmdutil.StripComments: the lines that do not start with '#' (after leading blanks). */
function stripComments(text: string): string {
  return text
    .split("\n")
    .filter((l) => !l.trimStart().startsWith("#"))
    .join("\n");
}

/** cmdutil.ManualStrip: drops comment lines, keeping the rest byte for byte. */
function manualStrip(text: string): string {
  return text
    .split(/(?<=\n)/)
    .filter((l) => !l.trimStart().startsWith("#"))
    .join("");
}

function isList(d: unknown): d is { items: unknown[] } {
  return typeof d === "object" && d !== null && typeof (d as KubeObject).kind === "string" && (d as KubeObject).kind.endsWith("List") && Array.isArray((d as { items?: unknown }).items);
}

function editorName(env: VerbEnv): string {
  return env.vars.KUBE_EDITOR || env.vars.EDITOR || "vi";
}
