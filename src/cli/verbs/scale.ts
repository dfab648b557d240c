// kubectl scale TYPE NAME --replicas=N [--current-replicas=N] [--resource-version=V]
// [-l SEL | --all] [--timeout=D] (staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go and
// pkg/scale/scale.go: the precondition, then spec.replicas through the scale subresource).

import { Option } from "commander";
import { defineVerb } from "../verb";
import { StatusError, UsageError } from "../../api/errors";
import type { KubeObject } from "../../api/types";
import type { Cluster } from "../../sim/cluster";
import { durationFlag } from "../flags/duration";
import type { Duration } from "../../sim/time";
import type { DryRun } from "../flags/dry-run";
import { defineDryRun, parseDryRun } from "../flags/dry-run";
import type { OutputFormat } from "../flags/output";
import { parseOutput, defineShowManagedFields } from "../flags/output";
import { errorText } from "../errors";
import { parseIntFlag, printCreated, requiredFlag, sortOptions } from "../generators/output";
import { findTargets } from "../generators/targets";
import type { FilenameFlags, FilenameOptions } from "../flags/filename";
import { defineFilenameFlags, filenameOptions } from "../flags/filename";
import { deepCopy } from "../../api/deep-copy";

interface Flags extends FilenameFlags {
  replicas?: string;
  currentReplicas?: string | number;
  resourceVersion?: string;
  selector?: string;
  all?: boolean;
  timeout?: string;
  dryRun?: string | boolean;
  output?: string;
}

interface Options {
  args: string[];
  /** -f/-R: the objects the files name, in place of resource arguments. */
  files: FilenameOptions;
  explicitNamespace: boolean;
  replicas: number;
  currentReplicas: number;
  resourceVersion: string;
  selector: string;
  all: boolean;
  timeout: Duration;
  dryRun: DryRun;
  output: OutputFormat;
  namespace: string;
}

/** Kinds with a scale subresource whose size is spec.replicas. */
const SCALABLE = new Set(["Deployment", "ReplicaSet", "ReplicationController", "StatefulSet"]);

export default defineVerb<Flags, Options>({
  name: "scale",
  help: {
    short: "Set a new size for a deployment, replica set, or replication controller",
    long: `Set a new size for a deployment, replica set, replication controller, or stateful set.

 Scale also allows users to specify one or more preconditions for the scale action.

 If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.`,
    example: `  # Scale a replica set named 'foo' to 3
  kubectl scale --replicas=3 rs/foo
  
  # Scale a resource identified by type and name specified in "foo.yaml" to 3
  kubectl scale --replicas=3 -f foo.yaml
  
  # If the deployment named mysql's current size is 2, scale mysql to 3
  kubectl scale --current-replicas=2 --replicas=3 deployment/mysql
  
  # Scale multiple replication controllers
  kubectl scale --replicas=5 rc/example1 rc/example2 rc/example3
  
  # Scale stateful set named 'web' to 3
  kubectl scale --replicas=3 statefulset/web`,
    usage: "scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]",
  },
  define(cmd) {
    cmd.option("--all", "Select all resources in the namespace of the specified resource types", false);
    cmd.addOption(
      new Option("--current-replicas <n>", "Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.").default(-1),
    );
    defineDryRun(cmd);
    defineFilenameFlags(cmd, "Filename, directory, or URL to files identifying the resource to set a new size");
    cmd.option("-o, --output <format>", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).");
    cmd.option("--replicas <n>", "The new desired number of replicas. Required.");
    cmd.option("--resource-version <version>", "Precondition for resource version. Requires that the current resource version match this value in order to scale.", "");
    cmd.option("-l, --selector <selector>", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.", "");
    cmd.option("--timeout <duration>", "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).", "0s");
    defineShowManagedFields(cmd);
    sortOptions(cmd);
  },
  complete(flags, args, env) {
    if (flags.replicas === undefined) throw requiredFlag("replicas");
    const timeout = durationFlag(flags.timeout ?? "0s", "--timeout", "scale");
    return {
      args: [...args],
      files: filenameOptions(flags),
      explicitNamespace: env.explicitNamespace,
      replicas: parseIntFlag(flags.replicas, "--replicas", -1, "scale"),
      currentReplicas: parseIntFlag(flags.currentReplicas, "--current-replicas", -1, "scale"),
      resourceVersion: flags.resourceVersion ?? "",
      selector: flags.selector ?? "",
      all: Boolean(flags.all),
      timeout,
      dryRun: parseDryRun(flags.dryRun),
      output: parseOutput(flags.output),
      namespace: env.namespace,
    };
  },
  validate(o) {
    if (o.replicas < 0) throw new UsageError("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
    if (o.currentReplicas < -1) throw new UsageError("The --current-replicas must specify an integer of -1 or greater");
    if (o.args.length === 0 && o.files.filenames.length === 0) {
      throw new UsageError(
        "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    }
  },
  async run(o, cluster, io, env) {
    const api = cluster!.api;
    const query = { args: o.args, selector: o.selector, all: o.all, allNamespaces: false, namespace: o.namespace };
    const { objects, errors } =
      o.files.filenames.length > 0
        ? (await import("../generators/file-targets")).fileTargets(api, { ...query, files: o.files, explicitNamespace: o.explicitNamespace }, env)
        : findTargets(api, query);
    if (o.resourceVersion !== "" && objects.length > 1) throw new UsageError("cannot use --resource-version with multiple resources");
    if (objects.length === 0) {
      if (errors.length > 0) return report(errors, io);
      throw new UsageError("no objects passed to scale");
    }
    for (const obj of objects) {
      if (!SCALABLE.has(obj.kind)) return report([new StatusError("NotFound", "the server could not find the requested resource"), ...errors], io);
      if (o.dryRun === "client") {
        io.out.write(printCreated(withReplicas(obj, o.replicas), o.output, o.dryRun, "scaled"));
        continue;
      }
      checkPreconditions(obj, o);
      const scaled = api.update(withReplicas(obj, o.replicas), { dryRun: o.dryRun === "server" });
      if (o.timeout > 0 && o.dryRun === "none") waitForReplicas(cluster!, scaled, o.replicas, o.timeout);
      io.out.write(printCreated(scaled, o.output, o.dryRun, "scaled"));
    }
    return errors.length > 0 ? report(errors, io) : 0;
  },
});

/** ScalePrecondition.validate: size first, then resourceVersion. */
function checkPreconditions(obj: KubeObject, o: Options): void {
  const current = obj.spec?.replicas ?? 1;
  if (o.currentReplicas !== -1 && current !== o.currentReplicas) {
    throw new UsageError(`Expected replicas to be ${o.currentReplicas}, was ${current}`);
  }
  if (o.resourceVersion !== "" && obj.metadata.resourceVersion !== o.resourceVersion) {
    throw new UsageError(`Expected resource version to be ${o.resourceVersion}, was ${obj.metadata.resourceVersion}`);
  }
}

function withReplicas(obj: KubeObject, replicas: number): KubeObject {
  const out = deepCopy(obj);
  out.spec = { ...(out.spec ?? {}), replicas };
  return out;
}

/** scaleHasDesiredReplicas: done when status.replicas reaches the size (or someone else changed it). */
function waitForReplicas(cluster: Cluster, obj: KubeObject, size: number, timeout: Duration): void {
  const ns = obj.metadata.namespace ?? "";
  const name = obj.metadata.name ?? "";
  const done = () => {
    const cur = cluster.api.tryGet(obj.kind, ns, name);
    if (!cur) return true;
    if ((cur.spec?.replicas ?? 1) !== size) return true;
    return (cur.status?.replicas ?? 0) === size;
  };
  cluster.settle();
  if (!cluster.advanceUntil(done, timeout)) throw new UsageError(`timed out waiting for ${JSON.stringify(name)} to be synced`);
}

function report(errors: readonly unknown[], io: { err: { write(s: string): void } }): number {
  if (errors.length === 1) throw errors[0];
  io.err.write(errors.map((e) => errorText(e) + "\n").join(""));
  return 1;
}
