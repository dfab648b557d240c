// kubectl delete ([-f FILE] | TYPE [NAME... | -l SELECTOR | --all]) with --cascade, --grace-period,
// --now, --force, --wait, --ignore-not-found, --dry-run (reference §3.5): one line per accepted
// delete, then — like kubectl — wait until the objects are really gone, here by advancing
// simulated time (terminating pods, finalizers, foreground cascades).

import { defineVerb } from "../verb";
import { StatusError, UsageError } from "../../api/errors";
import type { PropagationPolicy } from "../../api/server";
import { kindDotGroup } from "../../api/registry";
import type { Duration } from "../../sim/time";
import { durationFlag } from "../flags/duration";
import type { FilenameFlags, FilenameOptions } from "../flags/filename";
import { defineFilenameFlags, filenameOptions } from "../flags/filename";
import { readSources } from "../flags/read-sources";
import type { DryRun } from "../flags/dry-run";
import { defineDryRun, dryRunSuffix, parseDryRun } from "../flags/dry-run";
import type { ResourceRequest } from "../flags/resources";
import { namedAndSelected, parseResourceArgs } from "../flags/resources";
import type { SelectorFlags } from "../flags/selector";
import { defineFieldSelector, defineLabelSelector } from "../flags/selector";
import { manifestItems } from "../manifests/read";
import type { DeleteTarget } from "../manifests/delete-targets";
import { fileTargets, namedTargets, selectedTargets } from "../manifests/delete-targets";
import { checkArgsWithPaths } from "../manifests/file-objects";
import { reportErrors, withSource } from "../manifests/report";
import { warningLine } from "../../printers/color";
import { defineCascade, parseCascade } from "../flags/cascade";
import { parseIntFlag } from "../generators/output";
const HELP = {
  short: "Delete resources by file names, stdin, resources and names, or by resources and label selector",
  long: "Delete resources by file names, stdin, resources and names, or by resources and label selector.\n\n JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.\n\n Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take significantly longer than the grace period. To force delete a resource, you must specify the --force flag. Note: only a subset of resources support graceful deletion. In absence of the support, the --grace-period flag is ignored.\n\n IMPORTANT: Force deleting pods does not wait for confirmation that the pod's processes have been terminated, which can leave those processes running until the node detects the deletion and completes graceful deletion. If your processes use shared storage or talk to a remote API and depend on the name of the pod to identify themselves, force deleting those pods may result in multiple processes running on different machines using the same identification which may lead to data corruption or inconsistency. Only force delete pods when you are sure the pod is terminated, or if your application can tolerate multiple copies of the same pod running at once. Also, if you force delete pods, the scheduler may place new pods on those nodes before the node has released those resources and causing those pods to be evicted immediately.\n\n Note that the delete command does NOT do resource version checks, so if someone submits an update to a resource right when you submit a delete, their update will be lost along with the rest of the resource.\n\n After a CustomResourceDefinition is deleted, invalidation of discovery cache may take up to 6 hours. If you don't want to wait, you might want to run \"kubectl api-resources\" to refresh the discovery cache.",
  example: "  # Delete a pod using the type and name specified in pod.json\n  kubectl delete -f ./pod.json\n  \n  # Delete resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml\n  kubectl delete -k dir\n  \n  # Delete resources from all files that end with '.json'\n  kubectl delete -f '*.json'\n  \n  # Delete a pod based on the type and name in the JSON passed into stdin\n  cat pod.json | kubectl delete -f -\n  \n  # Delete pods and services with same names \"baz\" and \"foo\"\n  kubectl delete pod,service baz foo\n  \n  # Delete pods and services with label name=myLabel\n  kubectl delete pods,services -l name=myLabel\n  \n  # Delete a pod with minimal delay\n  kubectl delete pod foo --now\n  \n  # Force delete a pod on a dead node\n  kubectl delete pod foo --force\n  \n  # Delete all pods\n  kubectl delete pods --all\n  \n  # Delete all pods only if the user confirms the deletion\n  kubectl delete pods --all --interactive",
  usage: "delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]",
};

interface Flags extends FilenameFlags {
  all?: boolean;
  allNamespaces?: boolean;
  cascade?: string | boolean;
  dryRun?: string | boolean;
  fieldSelector?: string;
  force?: boolean;
  gracePeriod?: string;
  ignoreNotFound?: boolean;
  now?: boolean;
  output?: string;
  selector?: string;
  timeout?: string;
  wait?: boolean;
}

interface Options {
  files: FilenameOptions;
  request: ResourceRequest;
  all: boolean;
  allNamespaces: boolean;
  selector: SelectorFlags;
  policy: PropagationPolicy;
  dryRun: DryRun;
  force: boolean;
  /** -1: the object's own grace period. */
  gracePeriod: number;
  ignoreNotFound: boolean;
  outputName: boolean;
  timeout: Duration;
  wait: boolean;
  namespace: string;
  explicitNamespace: boolean;
}

/** --timeout=0 means "long enough": kubectl waits up to a week. */
const DEFAULT_WAIT = (168 * 3600 * 1000) as Duration;

const FORCE_WARNING =
  "Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.";

const NO_ARGS =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

export default defineVerb<Flags, Options>({
  name: "delete",
  help: HELP,
  define(cmd) {
    cmd.option("--all", "Delete all resources, in the namespace of the specified resource types.");
    cmd.option("-A, --all-namespaces", "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.");
    defineCascade(cmd);
    defineDryRun(cmd);
    defineFieldSelector(cmd);
    defineFilenameFlags(cmd, "containing the resource to delete.");
    cmd.option("--force", "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.");
    cmd.option("--grace-period <seconds>", "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).", "-1");
    cmd.option("--ignore-not-found", 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.');
    cmd.option("--now", "If true, resources are signaled for immediate shutdown (same as --grace-period=1).");
    cmd.option("-o, --output <format>", 'Output mode. Use "-o name" for shorter output (resource/name).');
    defineLabelSelector(cmd);
    cmd.option("--timeout <duration>", "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object", "0s");
    cmd.option("--wait", "If true, wait for resources to be gone before returning. This waits for finalizers.", true);
    cmd.option("--no-wait", "");
    for (const f of ["--all", "--all-namespaces", "--force", "--ignore-not-found", "--now"]) cmd.option(`--no-${f.slice(2)}`, "");
  },
  complete(flags, args, env) {
    const output = flags.output ?? "";
    if (output !== "" && output !== "name") {
      throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: name`);
    }
    const files = filenameOptions(flags);
    // The builder's checks: a missing path first, then arguments beside paths.
    if (files.filenames.length > 0 && args.length > 0) {
      readSources(files, env);
      checkArgsWithPaths(args);
    }
    let gracePeriod = parseIntFlag(flags.gracePeriod ?? "-1", "--grace-period", -1, "delete");
    if (flags.now) {
      if (gracePeriod !== -1) throw new UsageError("--now and --grace-period cannot be specified together");
      gracePeriod = 1;
    }
    const force = Boolean(flags.force);
    // kubectl turns --grace-period=0 into 1 unless --force: no accidental immediate deletion.
    if (gracePeriod === 0 && !force) gracePeriod = 1;
    if (force && gracePeriod < 0) gracePeriod = 0;
    const all = Boolean(flags.all);
    return {
      files,
      request: files.filenames.length > 0 ? parseResourceArgs([]) : parseResourceArgs(args),
      all,
      allNamespaces: Boolean(flags.allNamespaces),
      selector: { label: flags.selector ?? "", field: flags.fieldSelector ?? "" },
      policy: parseCascade(flags.cascade),
      dryRun: parseDryRun(flags.dryRun),
      force,
      gracePeriod,
      ignoreNotFound: Boolean(flags.ignoreNotFound) || all,
      outputName: output === "name",
      timeout: durationFlag(flags.timeout ?? "0s", "--timeout", "delete"), // negative: a week, as 0
      wait: flags.wait !== false,
      namespace: env.namespace,
      explicitNamespace: env.explicitNamespace,
    };
  },
  validate(o) {
    if (o.files.filenames.length === 0 && o.request.types.length === 0) throw new UsageError(NO_ARGS);
    if (o.all && o.selector.label !== "") throw new UsageError("cannot set --all and --selector at the same time");
    const selecting = o.all || o.selector.label !== "" || o.selector.field !== "";
    if (o.request.named && selecting) throw namedAndSelected(o.request);
    if (o.files.filenames.length === 0 && !o.request.named && !selecting) throw new UsageError("resource(s) were provided, but no name was specified");
  },
  run(o, cluster, io, env) {
    const c = cluster!;
    const errors: unknown[] = [];
    let targets: DeleteTarget[];
    const selecting = o.files.filenames.length === 0 && !o.request.named;
    if (o.files.filenames.length > 0) {
      const items = manifestItems(readSources(o.files, env), { validate: false, namespace: o.namespace, explicitNamespace: o.explicitNamespace });
      errors.push(...items.filter((i) => i.error).map((i) => i.error));
      targets = fileTargets(items);
    } else if (o.request.named) targets = namedTargets(o.request, o.namespace);
    else targets = selectedTargets(c.api, o.request, { namespace: o.namespace, allNamespaces: o.allNamespaces, selector: o.selector });
    if (o.gracePeriod === 0 && o.force) io.err.write(warningLine(FORCE_WARNING, Boolean(io.color)));
    const operation = o.gracePeriod === 0 ? "force deleted" : "deleted";
    const waitFor: { kind: string; namespace: string; name: string; uid?: string; plural: string }[] = [];
    let warnedClusterScope = false;
    for (const t of targets) {
      if (o.explicitNamespace && !t.info.namespaced && !warnedClusterScope) {
        io.err.write(warningLine("deleting cluster-scoped resources, not scoped to the provided namespace", Boolean(io.color)));
        warnedClusterScope = true;
      }
      if (o.dryRun !== "client") {
        try {
          const old = c.api.delete(
            { kind: t.info.kind, namespace: t.namespace, name: t.name },
            {
              dryRun: o.dryRun === "server",
              propagationPolicy: o.policy,
              gracePeriodSeconds: o.gracePeriod >= 0 ? o.gracePeriod : undefined,
              force: o.force,
            },
          );
          waitFor.push({ kind: t.info.kind, namespace: t.namespace, name: t.name, uid: old.metadata.uid, plural: t.info.plural });
        } catch (err) {
          if (err instanceof StatusError && err.reason === "NotFound" && (o.ignoreNotFound || selecting)) continue;
          errors.push(t.source ? withSource(err, "deleting", t.source) : err);
          continue;
        }
      }
      const kind = kindDotGroup(t.info);
      io.out.write(o.outputName ? `${kind}/${t.name}${dryRunSuffix(o.dryRun)}\n` : `${kind} "${t.name}" ${operation}${dryRunSuffix(o.dryRun)}\n`);
    }
    // Nothing selected, named or in the files (an empty one, `---` alone): RunDelete's found == 0.
    if (targets.length === 0 && errors.length === 0) {
      io.out.write("No resources found\n");
      return 0;
    }
    if (o.wait && o.dryRun === "none" && waitFor.length > 0) {
      c.settle();
      const gone = (w: (typeof waitFor)[number]) => {
        const live = c.api.tryGet(w.kind, w.namespace, w.name);
        return !live || live.metadata.uid !== w.uid;
      };
      c.advanceUntil(() => waitFor.every(gone), o.timeout > 0 ? o.timeout : DEFAULT_WAIT);
      for (const w of waitFor.filter((x) => !gone(x))) errors.push(new UsageError(`timed out waiting for the condition on ${w.plural}/${w.name}`));
    }
    return reportErrors(errors, io);
  },
});
