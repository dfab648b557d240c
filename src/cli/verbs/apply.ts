// kubectl apply -f FILE|DIR|- [-R] [--dry-run] [-o yaml|json|name] [--validate]: client-side
// apply of every object in the files, in order. Failures do not stop the run; they are printed
// at the end and make the exit code 1 (reference §3.2).

import { defineVerb } from "../verb";
import { UsageError } from "../../api/errors";
import type { FilenameFlags, FilenameOptions } from "../flags/filename";
import { defineFilenameFlags, filenameOptions } from "../flags/filename";
import { readSources } from "../flags/read-sources";
import type { DryRun } from "../flags/dry-run";
import { defineDryRun, parseDryRun } from "../flags/dry-run";
import { defineOutput, formatText, parseOutput, defineShowManagedFields } from "../flags/output";
import type { Validation } from "../manifests/validate-flag";
import { defineValidate, parseValidate } from "../manifests/validate-flag";
import { manifestItems } from "../manifests/read";
import { applyObject } from "../manifests/apply-object";
import { printWarnings, reportErrors } from "../manifests/report";
import { ResultPrinter } from "../manifests/result-printer";
import { warningLine } from "../../printers/color";

interface Flags extends FilenameFlags {
  dryRun?: string | boolean;
  output?: string;
  validate?: string | boolean;
  kustomize?: string;
  serverSide?: boolean;
}

interface Options {
  files: FilenameOptions;
  dryRun: DryRun;
  output: string;
  validation: Validation;
  namespace: string;
  explicitNamespace: boolean;
}

export default defineVerb<Flags, Options>({
  name: "apply",
  help: {
    short: "Apply a configuration to a resource by file name or stdin",
    long: "Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.\n\n JSON and YAML formats are accepted.\n\n Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current state is. See https://issues.k8s.io/34274.",
    example:
      "  # Apply the configuration in pod.json to a pod\n  kubectl apply -f ./pod.json\n  \n  # Apply resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml\n  kubectl apply -k dir/\n  \n  # Apply the JSON passed into stdin to a pod\n  cat pod.json | kubectl apply -f -\n  \n  # Apply the configuration from all files that end with '.json'\n  kubectl apply -f '*.json'\n  \n  # Note: --prune is still in Alpha\n  # Apply the configuration in manifest.yaml that matches label app=nginx and delete all other resources that are not in the file and match label app=nginx\n  kubectl apply --prune -f manifest.yaml -l app=nginx\n  \n  # Apply the configuration in manifest.yaml and delete all the other config maps that are not in the file\n  kubectl apply --prune -f manifest.yaml --all --prune-allowlist=core/v1/ConfigMap",
    usage: "apply (-f FILENAME | -k DIRECTORY) [options]",
  },
  define(cmd) {
    defineShowManagedFields(cmd);
    defineDryRun(cmd);
    defineFilenameFlags(cmd, "The files that contain the configurations to apply.");
    cmd.option("-k, --kustomize <dir>", "Process a kustomization directory. This flag can't be used together with -f or -R.");
    defineOutput(cmd, "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).");
    cmd.option("--server-side", "If true, apply runs in the server instead of the client.");
    defineValidate(cmd);
  },
  complete(flags, args, env) {
    if (args.length > 0) throw new UsageError(`Unexpected args: [${args.join(" ")}]`, { hint: "See 'kubectl apply -h' for help and examples" });
    if (flags.kustomize !== undefined) throw new UsageError("kustomize is not supported by kubesim; use -f");
    if (flags.serverSide) throw new UsageError("--server-side is not supported by kubesim; use client-side apply");
    const output = flags.output ?? "";
    if (output !== "") parseOutput(output);
    return {
      files: filenameOptions(flags),
      dryRun: parseDryRun(flags.dryRun),
      output: output === "" ? "" : formatText(parseOutput(output)),
      validation: parseValidate(flags.validate),
      namespace: env.namespace,
      explicitNamespace: env.explicitNamespace,
    };
  },
  validate(o) {
    if (o.files.filenames.length === 0) throw new UsageError("must specify one of -f and -k");
  },
  run(o, cluster, io, env) {
    const api = cluster!.api;
    const items = manifestItems(readSources(o.files, env), { validate: o.validation.client, ...o });
    const readErrors = items.filter((i) => i.error).map((i) => i.error);
    const objects = items.filter((i) => i.object);
    if (objects.length === 0 && readErrors.length === 0) throw new UsageError("no objects passed to apply");
    const errors: unknown[] = [];
    const printer = new ResultPrinter(o.output, o.dryRun, io);
    const serverWarnings: string[] = [];
    for (const item of objects) {
      const clientWarnings: string[] = [];
      try {
        const r = applyObject(api, { object: item.object!, info: item.info!, source: item.source, dryRun: o.dryRun, fieldValidation: o.validation.fieldValidation }, clientWarnings, serverWarnings);
        for (const w of clientWarnings) io.err.write(warningLine(w, Boolean(io.color)));
        printWarnings(serverWarnings, io);
        printer.print(r.object, r.operation);
      } catch (err) {
        for (const w of clientWarnings) io.err.write(warningLine(w, Boolean(io.color)));
        printWarnings(serverWarnings, io);
        errors.push(err);
      }
    }
    return reportErrors([...readErrors, ...errors], io);
  },
});
