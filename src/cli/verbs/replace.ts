// kubectl replace -f FILENAME [--force] (staging/src/k8s.io/kubectl/pkg/cmd/replace/replace.go):
// each object in the files replaces the live one (a resourceVersion in the file must match, as
// the API server's update requires); --force deletes the objects, waits until they are gone,
// then creates them again.

import { defineVerb } from "../verb";
import type { IOStreams } from "../verb";
import type { KubeObject } from "../../api/types";
import type { Cluster } from "../../sim/cluster";
import { StatusError, UsageError } from "../../api/errors";
import type { PropagationPolicy } from "../../api/server";
import { kindDotGroup } from "../../api/registry";
import { LAST_APPLIED, withLastApplied } from "../../api/apply/last-applied";
import type { Duration } from "../../sim/time";
import { durationFlag } from "../flags/duration";
import type { DryRun } from "../flags/dry-run";
import { defineDryRun, parseDryRun } from "../flags/dry-run";
import type { FilenameFlags, FilenameOptions } from "../flags/filename";
import { defineFilenameFlags, filenameOptions } from "../flags/filename";
import { readSources } from "../flags/read-sources";
import { defineOutput, formatText, parseOutput, defineShowManagedFields } from "../flags/output";
import type { Validation } from "../manifests/validate-flag";
import { defineValidate, parseValidate } from "../manifests/validate-flag";
import type { ManifestItem } from "../manifests/read";
import { manifestItems } from "../manifests/read";
import { printWarnings, reportErrors, withSource } from "../manifests/report";
import { ResultPrinter } from "../manifests/result-printer";
import { parseIntFlag } from "../generators/output";
import { defineCascade, parseCascade } from "../flags/cascade";

interface Flags extends FilenameFlags {
  dryRun?: string | boolean;
  output?: string;
  validate?: string | boolean;
  saveConfig?: boolean;
  force?: boolean;
  gracePeriod?: string;
  cascade?: string | boolean;
  timeout?: string;
  wait?: boolean;
  subresource?: string;
  raw?: string;
}

interface Options {
  readonly files: FilenameOptions;
  readonly dryRun: DryRun;
  readonly output: string;
  readonly validation: Validation;
  readonly saveConfig: boolean;
  readonly force: boolean;
  readonly gracePeriod: number;
  readonly policy: PropagationPolicy;
  readonly timeout: Duration;
  readonly subresource: string;
  readonly namespace: string;
  readonly explicitNamespace: boolean;
}

/** forceReplace waits this long for the deleted objects to go when --timeout is 0. */
const FORCE_WAIT = (5 * 60 * 1000) as Duration;

export default defineVerb<Flags, Options>({
  name: "replace",
  help: {
    short: "Replace a resource by file name or stdin",
    long: `Replace a resource by file name or stdin.

 JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by

        $ kubectl get TYPE NAME -o yaml`,
    example: `  # Replace a pod using the data in pod.json
  kubectl replace -f ./pod.json
  
  # Replace a pod based on the JSON passed into stdin
  cat pod.json | kubectl replace -f -
  
  # Update a single-container pod's image version (tag) to v4
  kubectl get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | kubectl replace -f -
  
  # Force replace, delete and then re-create the resource
  kubectl replace --force -f ./pod.json`,
    usage: "replace -f FILENAME [options]",
  },
  define(cmd) {
    cmd.option("--allow-missing-template-keys", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.", true);
    defineCascade(cmd);
    defineDryRun(cmd);
    cmd.option("--field-manager <name>", "Name of the manager used to track field ownership.", "kubectl-replace");
    defineFilenameFlags(cmd, "The files that contain the configurations to replace.");
    cmd.option("--force", "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.", false);
    cmd.option("--no-force", "");
    cmd.option("--grace-period <seconds>", "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).", "-1");
    defineOutput(cmd, "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).");
    cmd.option("--raw <uri>", "Raw URI to PUT to the server.  Uses the transport specified by the kubeconfig file.", "");
    cmd.option("--save-config", "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.", false);
    cmd.option("--no-save-config", "");
    defineShowManagedFields(cmd);
    cmd.option("--subresource <name>", "If specified, replace will operate on the subresource of the requested object. This flag is beta and may change in the future.", "");
    cmd.option("--template <template>", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].");
    cmd.option("--timeout <duration>", "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object", "0s");
    defineValidate(cmd);
    cmd.option("--wait", "If true, wait for resources to be gone before returning. This waits for finalizers.", false);
    cmd.option("--no-wait", "");
  },
  complete(flags, args, env) {
    if (args.length > 0) throw new UsageError(`Unexpected args: [${args.join(" ")}]`, { hint: "See 'kubectl replace -h' for help and examples" });
    if ((flags.raw ?? "") !== "") throw new UsageError("kubesim does not support --raw");
    const output = flags.output ?? "";
    const timeout = durationFlag(flags.timeout ?? "0s", "--timeout", "replace");
    return {
      files: filenameOptions(flags),
      dryRun: parseDryRun(flags.dryRun),
      output: output === "" ? "" : formatText(parseOutput(output)),
      validation: parseValidate(flags.validate),
      saveConfig: Boolean(flags.saveConfig),
      force: Boolean(flags.force),
      gracePeriod: parseIntFlag(flags.gracePeriod, "--grace-period", -1, "replace"),
      policy: parseCascade(flags.cascade),
      timeout,
      subresource: flags.subresource ?? "",
      namespace: env.namespace,
      explicitNamespace: env.explicitNamespace,
    };
  },
  validate(o) {
    if (o.files.filenames.length === 0) throw new UsageError("must specify one of -f and -k");
    if (o.gracePeriod >= 0 && !o.force) throw new UsageError("--grace-period must have --force specified");
    if (o.timeout !== 0 && !o.force) throw new UsageError("--timeout must have --force specified");
    if (o.force && o.dryRun !== "none") throw new UsageError("--dry-run can not be used when --force is set");
    if (o.subresource !== "" && o.subresource !== "status") throw new UsageError(`kubesim supports --subresource=status only, not ${JSON.stringify(o.subresource)}`);
  },
  run(o, cluster, io, env) {
    const items = manifestItems(readSources(o.files, env), { validate: o.validation.client, namespace: o.namespace, explicitNamespace: o.explicitNamespace });
    return o.force ? forceReplace(items, o, cluster!, io) : replace(items, o, cluster!, io);
  },
});

function replace(items: readonly ManifestItem[], o: Options, cluster: Cluster, io: IOStreams): number {
  const errors: unknown[] = [];
  const printer = new ResultPrinter(o.output, o.dryRun, io);
  const warnings: string[] = [];
  for (const item of items) {
    if (item.error) {
      errors.push(item.error);
      continue;
    }
    const obj = annotated(item.object!, o);
    if (o.dryRun === "client") {
      printer.print(obj, "replaced");
      continue;
    }
    try {
      const write = { dryRun: o.dryRun === "server", fieldValidation: o.validation.fieldValidation, warnings };
      const replaced = o.subresource === "status" ? cluster.api.updateStatus(obj, write) : cluster.api.update(obj, write);
      printWarnings(warnings, io);
      printer.print(replaced, "replaced");
    } catch (err) {
      printWarnings(warnings, io);
      errors.push(withSource(err, "replacing", item.source));
    }
  }
  return reportErrors(errors, io);
}

/** forceReplace: delete everything (absent objects are fine), wait until it is gone, create it again. */
function forceReplace(items: readonly ManifestItem[], o: Options, cluster: Cluster, io: IOStreams): number {
  const bad = items.filter((i) => i.error).map((i) => i.error);
  if (bad.length > 0) return reportErrors(bad, io);
  const api = cluster.api;
  const gone: { obj: KubeObject; uid?: string }[] = [];
  // replace turns --grace-period=0 into 1, as delete does without --force.
  const grace = o.gracePeriod === 0 ? 1 : o.gracePeriod;
  for (const item of items) {
    const obj = item.object!;
    const ref = { kind: obj.kind, namespace: obj.metadata.namespace ?? "", name: obj.metadata.name ?? "" };
    try {
      const old = api.delete(ref, { propagationPolicy: o.policy, gracePeriodSeconds: grace >= 0 ? grace : undefined });
      gone.push({ obj, uid: old.metadata.uid });
      io.out.write(`${kindDotGroup(item.info!)} "${ref.name}" deleted\n`);
    } catch (err) {
      if (err instanceof StatusError && err.reason === "NotFound") continue;
      return reportErrors([withSource(err, "deleting", item.source)], io);
    }
  }
  cluster.settle();
  const isGone = (g: (typeof gone)[number]) => {
    const live = api.tryGet(g.obj.kind, g.obj.metadata.namespace ?? "", g.obj.metadata.name ?? "");
    return !live || live.metadata.uid !== g.uid;
  };
  if (!cluster.advanceUntil(() => gone.every(isGone), o.timeout > 0 ? o.timeout : FORCE_WAIT)) {
    // Reported, not thrown: the time spent waiting has passed and must be saved.
    return reportErrors([new UsageError("timed out waiting for the condition")], io);
  }
  const printer = new ResultPrinter(o.output, "none", io);
  const warnings: string[] = [];
  for (const item of items) {
    const obj = annotated(item.object!, o);
    delete obj.metadata.resourceVersion;
    try {
      const created = api.create(obj, { fieldValidation: o.validation.fieldValidation, warnings });
      printWarnings(warnings, io);
      printer.print(created, "replaced");
    } catch (err) {
      printWarnings(warnings, io);
      return reportErrors([err], io);
    }
  }
  return 0;
}

/** CreateOrUpdateAnnotation: --save-config writes last-applied; an object that has it gets it refreshed. */
function annotated(obj: KubeObject, o: Options): KubeObject {
  if (o.saveConfig || obj.metadata.annotations?.[LAST_APPLIED] !== undefined) return withLastApplied(obj);
  return obj;
}

