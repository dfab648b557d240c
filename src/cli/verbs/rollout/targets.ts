// The objects a rollout sub-command acts on, as kubectl's builder finds them with
// ResourceTypeOrNameArgs(allowEmptySelector=true): `TYPE NAME...`, `TYPE/NAME...`, a bare `TYPE`
// (every object of it, optionally -l filtered) or -f manifests naming existing objects. Missing
// objects become errors reported after the others (ContinueOnError).

import type { Command } from "commander";
import { UsageError } from "../../../api/errors";
import type { ApiServer } from "../../../api/server";
import type { KubeObject } from "../../../api/types";
import type { VerbEnv } from "../../verb";
import type { FilenameFlags } from "../../flags/filename";
import { defineFilenameFlags, filenameOptions } from "../../flags/filename";
import { readSources } from "../../flags/read-sources";
import { namedAndSelected, parseResourceArgs } from "../../flags/resources";
import { listOptionsFor } from "../../flags/selector";
import { manifestItems } from "../../manifests/read";

export interface TargetFlags extends FilenameFlags {
  selector?: string;
  kustomize?: string;
}

export interface TargetOptions {
  readonly args: readonly string[];
  readonly filenames: readonly string[];
  readonly recursive: boolean;
  readonly selector: string;
  readonly namespace: string;
  readonly explicitNamespace: boolean;
}

export interface Targets {
  readonly objects: KubeObject[];
  readonly errors: unknown[];
}

/** -f, -R and -l as every rollout sub-command declares them. */
export function defineTargetFlags(cmd: Command, withSelector = true): void {
  defineFilenameFlags(cmd, "Filename, directory, or URL to files identifying the resource to get from a server.");
  cmd.option("-k, --kustomize <dir>", "Process the kustomization directory. This flag can't be used together with -f or -R.");
  if (withSelector) {
    cmd.option(
      "-l, --selector <selector>",
      "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
    );
  }
}

export function targetOptions(flags: TargetFlags, args: readonly string[], env: VerbEnv): TargetOptions {
  // The same refusal as apply's: kubesim reads manifests, it does not run kustomize.
  if (flags.kustomize !== undefined) throw new UsageError("kustomize is not supported by kubesim; use -f");
  const files = filenameOptions(flags);
  return {
    args: [...args],
    filenames: files.filenames,
    recursive: files.recursive,
    selector: flags.selector ?? "",
    namespace: env.namespace,
    explicitNamespace: env.explicitNamespace,
  };
}

/** kubectl's Validate: `required resource not specified`. */
export function requireResource(o: TargetOptions): void {
  if (o.args.length === 0 && o.filenames.length === 0) throw new UsageError("required resource not specified");
}

export function findRolloutTargets(api: ApiServer, o: TargetOptions, env: Pick<VerbEnv, "cwd" | "readStdin">): Targets {
  const objects: KubeObject[] = [];
  const errors: unknown[] = [];
  const fetch = (kind: string, namespace: string, name: string) => {
    try {
      objects.push(api.get(kind, namespace, name));
    } catch (err) {
      errors.push(err);
    }
  };
  if (o.filenames.length > 0) {
    if (o.args.length > 0) throw new UsageError("when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well");
    const items = manifestItems(readSources({ filenames: o.filenames, recursive: o.recursive }, env), { validate: false, namespace: o.namespace, explicitNamespace: o.explicitNamespace });
    for (const item of items) {
      if (item.error || !item.object || !item.info) errors.push(item.error);
      else fetch(item.info.kind, item.info.namespaced ? (item.object.metadata.namespace ?? o.namespace) : "", item.object.metadata.name ?? "");
    }
    return { objects, errors };
  }
  const req = parseResourceArgs(o.args);
  if (req.named && o.selector !== "") throw namedAndSelected(req);
  for (const info of req.types) {
    const names = req.names.get(info);
    const ns = info.namespaced ? o.namespace : "";
    if (names) for (const name of names) fetch(info.kind, ns, name);
    else objects.push(...api.list(info.kind, info.namespaced ? o.namespace : undefined, listOptionsFor(info, { label: o.selector, field: "" })));
  }
  return { objects, errors };
}

/** `No resources found in default namespace.` (stderr, exit 0) when a type or selector matched nothing. */
export function noResourcesFound(namespace: string): string {
  return `No resources found in ${namespace} namespace.\n`;
}
