// kubectl set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N- [--from=configmap/NAME] [--list]
// (staging/src/k8s.io/kubectl/pkg/cmd/set/set_env.go).

import { defineVerb } from "../../verb";
import type { IOStreams } from "../../verb";
import type { KubeObject } from "../../../api/types";
import type { Cluster } from "../../../sim/cluster";
import { RawError, UsageError } from "../../../api/errors";
import { parseDryRun } from "../../flags/dry-run";
import { filenameOptions } from "../../flags/filename";
import { parseOutput } from "../../flags/output";
import { findTargets } from "../../generators/targets";
import { collect, sortOptions } from "../../generators/output";
import type { SetFlags, SetTargets } from "./run";
import { defineSetFlags, objectName, rejectLocal, runSet, setTargets } from "./run";
import type { ContainerLike, EnvVarLike } from "./pod-template";
import { podSpecOf, selectContainers } from "./pod-template";
import type { EnvChanges } from "./env-vars";
import { envFrom, envVarRefString, envVarRefValue, overwriteProblem, parseEnv, splitEnvironmentFromResources, updateEnv } from "./env-vars";
import { deepCopy } from "../../../api/deep-copy";

interface Flags extends SetFlags {
  containers?: string;
  from?: string;
  prefix?: string;
  env?: string[];
  keys?: string[];
  list?: boolean;
  resolve?: boolean;
  overwrite?: boolean;
}

interface Options extends SetTargets {
  readonly envArgs: readonly string[];
  readonly containers: string;
  readonly from: string;
  readonly prefix: string;
  readonly keys: readonly string[];
  readonly list: boolean;
  readonly resolve: boolean;
  readonly overwrite: boolean;
  readonly outputText: string;
}

export default defineVerb<Flags, Options>({
  name: "set env",
  help: {
    short: "Update environment variables on a pod template",
    long: `Update environment variables on a pod template.

 List environment variable definitions in one or more pods, pod templates. Add, update, or remove container environment variable definitions in one or more pod templates (within replication controllers or deployment configurations). View or modify the environment variable definitions on all containers in the specified pods or pod templates, or just those that match a wildcard.

 If "--env -" is passed, environment variables can be read from STDIN using the standard env syntax.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
    example: `  # Update deployment 'registry' with a new environment variable
  kubectl set env deployment/registry STORAGE_DIR=/local
  
  # List the environment variables defined on a deployments 'sample-build'
  kubectl set env deployment/sample-build --list
  
  # List the environment variables defined on all pods
  kubectl set env pods --all --list
  
  # Output modified deployment in YAML, and does not alter the object on the server
  kubectl set env deployment/sample-build STORAGE_DIR=/data -o yaml
  
  # Update all containers in all replication controllers in the project to have ENV=prod
  kubectl set env rc --all ENV=prod
  
  # Import environment from a secret
  kubectl set env --from=secret/mysecret deployment/myapp
  
  # Import environment from a config map with a prefix
  kubectl set env --from=configmap/myconfigmap --prefix=MYSQL_ deployment/myapp
  
  # Import specific keys from a config map
  kubectl set env --keys=my-example-key --from=configmap/myconfigmap deployment/myapp
  
  # Remove the environment variable ENV from container 'c1' in all deployment configs
  kubectl set env deployments --all --containers="c1" ENV-
  
  # Remove the environment variable ENV from a deployment definition on disk and
  # update the deployment config on the server
  kubectl set env -f deploy.json ENV-
  
  # Set some of the local shell environment into a deployment config on the server
  env | grep RAILS_ | kubectl set env -e - deployment/registry`,
    usage: "set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N [options]",
  },
  define(cmd) {
    defineSetFlags(cmd, {
      all: "If true, select all resources in the namespace of the specified resource types",
      selector: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
      filename: "Filename, directory, or URL to files the resource to update the env",
      local: "If true, set env will NOT contact api-server but run locally.",
    });
    cmd.option("-c, --containers <names>", "The names of containers in the selected pod templates to change - may use wildcards", "*");
    cmd.option("-e, --env <pair>", "Specify a key-value pair for an environment variable to set into each container.", collect, []);
    cmd.option("--from <resource>", "The name of a resource from which to inject environment variables", "");
    cmd.option("--keys <keys>", "Comma-separated list of keys to import from specified resource", (v: string, prev: string[]) => [...prev, ...v.split(",")], []);
    cmd.option("--list", "If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env.", false);
    cmd.option("--overwrite", "If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.", true);
    cmd.option("--no-overwrite", "");
    cmd.option("--prefix <prefix>", "Prefix to append to variable names", "");
    cmd.option("--resolve", "If true, show secret or configmap references when listing variables", false);
    sortOptions(cmd);
  },
  complete(flags, args, env) {
    rejectLocal(flags);
    const all = Boolean(flags.all);
    const selector = flags.selector ?? "";
    if (all && selector !== "") throw new UsageError("cannot set --all and --selector at the same time");
    const { resources, envArgs } = splitEnvironmentFromResources(args);
    return {
      query: { args: resources, selector, all, allNamespaces: false, namespace: env.namespace },
      files: filenameOptions(flags),
      dryRun: parseDryRun(flags.dryRun),
      output: parseOutput(flags.output),
      outputText: flags.output ?? "",
      envArgs: [...(flags.env ?? []), ...envArgs],
      containers: flags.containers ?? "*",
      from: flags.from ?? "",
      prefix: flags.prefix ?? "",
      keys: flags.keys ?? [],
      list: Boolean(flags.list),
      resolve: Boolean(flags.resolve),
      overwrite: flags.overwrite !== false,
    };
  },
  validate(o) {
    if (o.files.filenames.length === 0 && o.query.args.length < 1) throw new UsageError("one or more resources must be specified as <resource> <name> or <resource>/<name>");
    if (o.list && o.outputText !== "") throw new UsageError("--list and --output may not be specified together");
    if (o.keys.length > 0 && o.from === "") throw new UsageError("when specifying --keys, a configmap or secret must be provided with --from");
  },
  run(o, cluster, io, env) {
    const c = cluster!;
    const parsed = parseEnv(o.envArgs, () => env.readStdin().toString("utf8"));
    const changes: EnvChanges = { env: [...parsed.env, ...fromSources(c, o)], remove: parsed.remove };
    if (o.prefix !== "") for (const e of changes.env) e.name = o.prefix + e.name;
    const objects = setTargets(c, o, env);
    if (o.list) return list(objects, o, changes, c, io);
    const words = { operation: "env updated", failure: "failed to patch env update to pod template: " };
    return runSet(objects, o, words, c, io, (obj, spec, errors) => {
      const containers = selectContainers(spec, o.containers);
      if (containers.length === 0) {
        io.err.write(`warning: ${obj.kind}/${obj.metadata.name} does not have any containers matching ${JSON.stringify(o.containers)}\n`);
        return;
      }
      for (const container of containers) {
        const problem = o.overwrite ? undefined : overwriteProblem(container.env ?? [], changes.env);
        if (problem) {
          errors.push(new RawError(`error: ${objectName(obj)} ${problem}\n`));
          return false;
        }
        setContainerEnv(container, updateEnv(container.env ?? [], changes.env, changes.remove));
      }
    });
  },
});

/** The variables --from adds: the named config maps or secrets, read from the server. */
function fromSources(cluster: Cluster, o: Options): EnvVarLike[] {
  if (o.from === "") return [];
  const { objects, errors } = findTargets(cluster.api, { args: [o.from], selector: "", all: false, allNamespaces: false, namespace: o.query.namespace });
  if (errors.length > 0) throw errors[0];
  return objects.flatMap((source) => envFrom(source, o.keys));
}

function setContainerEnv(container: ContainerLike, env: EnvVarLike[]): void {
  if (env.length > 0) container.env = env;
  else delete container.env;
}

/**
 * --list: `# Deployment web, container nginx`, then `KEY=VAL` lines, references as
 * `# KEY from configmap c, key k` (or resolved with --resolve). Nothing is written, and
 * problems with single objects are not reported (RunEnv returns before looking at them).
 */
function list(objects: readonly KubeObject[], o: Options, changes: EnvChanges, cluster: Cluster, io: IOStreams): number {
  for (const obj of objects) {
    const copy = deepCopy(obj);
    const spec = podSpecOf(copy);
    if (!spec) continue;
    const containers = selectContainers(spec, o.containers);
    if (containers.length === 0) {
      io.err.write(`warning: ${obj.kind}/${obj.metadata.name} does not have any containers matching ${JSON.stringify(o.containers)}\n`);
      continue;
    }
    for (const container of containers) {
      if (!o.overwrite && overwriteProblem(container.env ?? [], changes.env)) break;
      const vars = updateEnv(container.env ?? [], changes.env, changes.remove);
      io.out.write(`# ${obj.kind} ${obj.metadata.name}, container ${container.name}\n`);
      const resolveErrors = new Map<string, string[]>();
      for (const v of vars) {
        if (!v.valueFrom) {
          io.out.write(`${v.name}=${v.value ?? ""}\n`);
          continue;
        }
        if (!o.resolve) {
          io.out.write(`# ${v.name} from ${envVarRefString(v.valueFrom)}\n`);
          continue;
        }
        try {
          io.out.write(`${v.name}=${envVarRefValue(cluster.api, obj.metadata.namespace ?? "", v.valueFrom, obj)}\n`);
        } catch (err) {
          io.out.write(`# ${v.name} from ${envVarRefString(v.valueFrom)}\n`);
          const why = (err as Error).message;
          resolveErrors.set(why, [...(resolveErrors.get(why) ?? []), v.name]);
        }
      }
      const lines = [...resolveErrors].map(([why, names]) => `error retrieving reference for ${names.sort().join(", ")}: ${why}`).sort();
      for (const line of lines) io.err.write(line + "\n");
    }
  }
  return 0;
}
