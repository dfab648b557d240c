// kubectl create -f FILE|DIR|- [-R] [--save-config] [--dry-run] [-o] [--validate]: creates every
// object in the files, in order (reference §3.3). The `create <kind>` generators are separate
// verbs (create/deployment.ts, ...).

import { defineVerb } from "../../verb";
import { UsageError } from "../../../api/errors";
import type { FilenameFlags, FilenameOptions } from "../../flags/filename";
import { defineFilenameFlags, filenameOptions } from "../../flags/filename";
import { readSources } from "../../flags/read-sources";
import type { DryRun } from "../../flags/dry-run";
import { defineDryRun, parseDryRun } from "../../flags/dry-run";
import { defineOutput, formatText, parseOutput, defineShowManagedFields } from "../../flags/output";
import type { Validation } from "../../manifests/validate-flag";
import { defineValidate, parseValidate } from "../../manifests/validate-flag";
import { manifestItems } from "../../manifests/read";
import { printWarnings, reportErrors, withSource } from "../../manifests/report";
import { ResultPrinter } from "../../manifests/result-printer";
import { withLastApplied } from "../../../api/apply/last-applied";
const HELP = {
  short: "Create a resource from a file or from stdin",
  long: "Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.",
  example: "  # Create a pod using the data in pod.json\n  kubectl create -f ./pod.json\n  \n  # Create a pod based on the JSON passed into stdin\n  cat pod.json | kubectl create -f -\n  \n  # Edit the data in registry.yaml in JSON then create the resource using the edited data\n  kubectl create -f registry.yaml --edit -o json",
  usage: "create -f FILENAME [options]",
};

interface Flags extends FilenameFlags {
  dryRun?: string | boolean;
  output?: string;
  validate?: string | boolean;
  saveConfig?: boolean;
  edit?: boolean;
}

interface Options {
  files: FilenameOptions;
  dryRun: DryRun;
  output: string;
  validation: Validation;
  saveConfig: boolean;
  namespace: string;
  explicitNamespace: boolean;
}

export default defineVerb<Flags, Options>({
  name: "create",
  help: HELP,
  define(cmd) {
    defineShowManagedFields(cmd);
    defineDryRun(cmd);
    defineFilenameFlags(cmd, "Filename, directory, or URL to files to use to create the resource");
    defineOutput(cmd, "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).");
    cmd.option(
      "--save-config",
      "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.",
    );
    cmd.option("--no-save-config", "");
    defineValidate(cmd);
  },
  complete(flags, args, env) {
    if (args.length > 0) throw new UsageError(`Unexpected args: [${args.join(" ")}]`, { hint: "See 'kubectl create -h' for help and examples" });
    const output = flags.output ?? "";
    return {
      files: filenameOptions(flags),
      dryRun: parseDryRun(flags.dryRun),
      output: output === "" ? "" : formatText(parseOutput(output)),
      validation: parseValidate(flags.validate),
      saveConfig: Boolean(flags.saveConfig),
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
    const errors: unknown[] = [];
    const printer = new ResultPrinter(o.output, o.dryRun, io);
    const warnings: string[] = [];
    let count = 0;
    for (const item of items) {
      if (item.error) {
        errors.push(item.error);
        continue;
      }
      const obj = o.saveConfig ? withLastApplied(item.object!) : item.object!;
      try {
        const created = o.dryRun === "client" ? obj : api.create(obj, { dryRun: o.dryRun === "server", fieldValidation: o.validation.fieldValidation, warnings });
        printWarnings(warnings, io);
        count++;
        printer.print(created, "created");
      } catch (err) {
        printWarnings(warnings, io);
        errors.push(withSource(err, "creating", item.source));
      }
    }
    if (errors.length === 0 && count === 0) throw new UsageError("no objects passed to create");
    return reportErrors(errors, io);
  },
});
