// kubectl patch (-f FILENAME | TYPE NAME) (-p PATCH | --patch-file FILE) [--type strategic|merge|json]
// [--subresource status|scale] (staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go): the patch is
// applied as the API server applies it (strategic merge, RFC 7386 merge or RFC 6902 JSON patch)
// and the result goes through the same update path as every write.

import { readText } from "../../state/local-files";
import * as path from "node:path";
import type { Operation } from "fast-json-patch";
import { defineVerb } from "../verb";
import type { IOStreams, VerbEnv } from "../verb";
import type { KubeObject } from "../../api/types";
import type { Cluster } from "../../sim/cluster";
import { badRequest, RawError, UsageError } from "../../api/errors";
import { deepEqual } from "../../api/deep-equal";
import { infoForKind } from "../../api/registry";
import { unknownFields } from "../../api/validation";
import { isMap, strategicMergePatch } from "../../api/apply/merge";
import { applyJsonPatch, applyMergePatch, PatchError } from "../../api/apply/patch";
import { yamlToJson } from "../manifests/decode";
import { manifestItems } from "../manifests/read";
import { printWarnings, reportErrors } from "../manifests/report";
import type { DryRun } from "../flags/dry-run";
import { defineDryRun, dryRunSuffix, parseDryRun } from "../flags/dry-run";
import type { FilenameFlags, FilenameOptions } from "../flags/filename";
import { defineFilenameFlags, filenameOptions } from "../flags/filename";
import { readSources } from "../flags/read-sources";
import type { OutputFormat } from "../flags/output";
import { isHumanReadable, parseOutput, defineShowManagedFields } from "../flags/output";
import { printCreated, sortOptions } from "../generators/output";
import { findTargets } from "../generators/targets";
import { defineRecordFlag, RECORD_DEPRECATED } from "./set/run";
import { deepCopy } from "../../api/deep-copy";

type PatchType = "json" | "merge" | "strategic";
const PATCH_TYPES: readonly PatchType[] = ["json", "merge", "strategic"];

interface Flags extends FilenameFlags {
  patch?: string;
  patchFile?: string;
  type?: string;
  subresource?: string;
  dryRun?: string | boolean;
  output?: string;
  local?: boolean;
  record?: boolean;
}

interface Options {
  readonly args: readonly string[];
  readonly files: FilenameOptions;
  readonly patch: string;
  readonly patchFile: string;
  readonly type: string;
  readonly subresource: string;
  readonly dryRun: DryRun;
  readonly output: OutputFormat;
  readonly namespace: string;
  readonly record: boolean;
}

export default defineVerb<Flags, Options>({
  name: "patch",
  help: {
    short: "Update fields of a resource",
    long: `Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

 JSON and YAML formats are accepted.

 Note: Strategic merge patch is not supported for custom resources.`,
    example: `  # Partially update a node using a strategic merge patch, specifying the patch as JSON
  kubectl patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'
  
  # Partially update a node using a strategic merge patch, specifying the patch as YAML
  kubectl patch node k8s-node-1 -p $'spec:\\n unschedulable: true'
  
  # Partially update a node identified by the type and name specified in "node.json" using strategic merge patch
  kubectl patch -f node.json -p '{"spec":{"unschedulable":true}}'
  
  # Update a container's image; spec.containers[*].name is required because it's a merge key
  kubectl patch pod valid-pod -p '{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}'
  
  # Update a container's image using a JSON patch with positional arrays
  kubectl patch pod valid-pod --type='json' -p='[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]'
  
  # Update a deployment's replicas through the 'scale' subresource using a merge patch
  kubectl patch deployment nginx-deployment --subresource='scale' --type='merge' -p '{"spec":{"replicas":2}}'`,
    usage: "patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]",
  },
  define(cmd) {
    cmd.option("--allow-missing-template-keys", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.", true);
    defineDryRun(cmd);
    cmd.option("--field-manager <name>", "Name of the manager used to track field ownership.", "kubectl-patch");
    defineFilenameFlags(cmd, "Filename, directory, or URL to files identifying the resource to update");
    cmd.option("--local", "If true, patch will operate on the content of the file, not the server-side resource.", false);
    cmd.option("-o, --output <format>", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).");
    cmd.option("-p, --patch <patch>", "The patch to be applied to the resource JSON file.", "");
    cmd.option("--patch-file <file>", "A file containing a patch to be applied to the resource.", "");
    defineShowManagedFields(cmd);
    cmd.option("--subresource <name>", "If specified, patch will operate on the subresource of the requested object. This flag is beta and may change in the future.", "");
    cmd.option("--template <template>", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].");
    cmd.option("--type <type>", "The type of patch being provided; one of [json merge strategic]", "strategic");
    defineRecordFlag(cmd);
    sortOptions(cmd);
  },
  complete(flags, args, env) {
    if (flags.local) throw new UsageError("kubesim does not support --local: use --dry-run=client -o yaml");
    return {
      args: [...args],
      files: filenameOptions(flags),
      patch: flags.patch ?? "",
      patchFile: flags.patchFile ?? "",
      type: flags.type ?? "strategic",
      subresource: flags.subresource ?? "",
      dryRun: parseDryRun(flags.dryRun),
      output: parseOutput(flags.output),
      namespace: env.namespace,
      record: flags.record !== undefined,
    };
  },
  validate(o) {
    if (o.patch !== "" && o.patchFile !== "") throw new UsageError("cannot specify --patch and --patch-file together");
    if (o.patch === "" && o.patchFile === "") throw new UsageError("must specify --patch or --patch-file containing the contents of the patch");
    if (o.type !== "" && !PATCH_TYPES.includes(o.type.toLowerCase() as PatchType)) {
      throw new UsageError(`--type must be one of [json merge strategic], not ${JSON.stringify(o.type)}`);
    }
    if (o.subresource !== "" && !["status", "scale"].includes(o.subresource)) {
      throw new UsageError(`kubesim supports --subresource=status and --subresource=scale, not ${JSON.stringify(o.subresource)}`);
    }
  },
  run(o, cluster, io, env) {
    if (o.record) io.err.write(RECORD_DEPRECATED);
    const patch = readPatch(o, env);
    const type = (o.type === "" ? "strategic" : o.type.toLowerCase()) as PatchType;
    const { objects, errors } = targets(o, cluster!, env);
    let count = 0;
    for (const obj of objects) {
      count++;
      try {
        io.out.write(patchOne(obj, patch, type, o, cluster!, io));
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length === 0 && count === 0) throw new UsageError("no objects passed to patch");
    return reportErrors(errors, io);
  },
});

/** The patch text (from -p or --patch-file) as JSON: YAML is accepted, as yaml.ToJSON does. */
function readPatch(o: Options, env: VerbEnv): unknown {
  let text = o.patch;
  if (o.patchFile !== "") {
    try {
      text = readText(path.resolve(env.cwd, o.patchFile));
    } catch {
      throw new UsageError(`unable to read patch file: open ${o.patchFile}: no such file or directory`);
    }
  }
  const r = yamlToJson(text);
  // kubectl quotes the -p text even when the patch came from a file (patch.go uses o.Patch).
  if ("error" in r) throw new UsageError(`unable to parse ${JSON.stringify(o.patch)}: ${r.error}`);
  return r.value;
}

/** The objects named by arguments or files (patch's builder takes no selector). */
function targets(o: Options, cluster: Cluster, env: VerbEnv): { objects: KubeObject[]; errors: unknown[] } {
  if (o.files.filenames.length === 0) {
    return findTargets(cluster.api, { args: o.args, selector: "", all: false, allNamespaces: false, namespace: o.namespace });
  }
  const items = manifestItems(readSources(o.files, env), { validate: false, namespace: o.namespace, explicitNamespace: false });
  const errors: unknown[] = items.filter((i) => i.error).map((i) => i.error);
  const objects: KubeObject[] = [];
  for (const item of items.filter((i) => i.object)) {
    const m = item.object!.metadata;
    try {
      objects.push(cluster.api.get(item.object!.kind, m.namespace ?? "", m.name ?? ""));
    } catch (err) {
      errors.push(err);
    }
  }
  return { objects, errors };
}

/** Patches one object and returns what kubectl prints for it. */
function patchOne(obj: KubeObject, patch: unknown, type: PatchType, o: Options, cluster: Cluster, io: IOStreams): string {
  if (o.subresource === "scale") return patchScale(obj, patch, type, o, cluster);
  const target = applyPatch(obj, patch, type);
  if (o.dryRun === "client") return printCreated(target, o.output, o.dryRun, operation(!deepEqual(obj, target)));
  // kubectl patch sends no fieldValidation, so the server's default (Warn) applies: unknown
  // fields are reported and dropped.
  const info = infoForKind(target.kind);
  const unknown = info && o.subresource === "" ? unknownFields(target, info) : [];
  printWarnings(unknown.map((f) => `unknown field ${JSON.stringify(f)}`), io);
  const write = { dryRun: o.dryRun === "server", fieldValidation: "Ignore" as const };
  const cleaned = dropFields(target, unknown);
  const patched = o.subresource === "status" ? cluster.api.updateStatus(cleaned, write) : cluster.api.update(cleaned, write);
  return printCreated(patched, o.output, o.dryRun, operation(!deepEqual(obj, patched)));
}

/** Removes fields named by paths such as `spec.foo` or `spec.template.spec.containers[0].bar`. */
function dropFields(obj: KubeObject, paths: readonly string[]): KubeObject {
  if (paths.length === 0) return obj;
  const out = deepCopy(obj) as unknown as Record<string, unknown>;
  for (const p of paths) {
    const segments = p.split(/\.|\[(\d+)\]/).filter((x) => x !== undefined && x !== "");
    let cur: any = out;
    for (const seg of segments.slice(0, -1)) cur = cur?.[seg];
    if (cur && typeof cur === "object") delete cur[segments[segments.length - 1]];
  }
  return out as unknown as KubeObject;
}

function operation(didPatch: boolean): string {
  return didPatch ? "patched" : "patched (no change)";
}

/** The API server's patchers (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go). */
function applyPatch(obj: KubeObject, patch: unknown, type: PatchType): KubeObject {
  switch (type) {
    case "strategic":
      if (!isMap(patch)) throw badRequest(`json: cannot unmarshal ${goJsonType(patch)} into Go value of type map[string]interface {}`);
      return strategicMergePatch(obj as unknown as Record<string, unknown>, patch) as unknown as KubeObject;
    case "merge":
      if (!isMap(patch)) throw badRequest(`json: cannot unmarshal ${goJsonType(patch)} into Go value of type map[string]interface {}`);
      return applyMergePatch(obj, patch) as KubeObject;
    case "json":
      if (!Array.isArray(patch)) throw badRequest(`json: cannot unmarshal ${goJsonType(patch)} into Go value of type jsonpatch.Patch`);
      try {
        return applyJsonPatch(obj, patch as Operation[]);
      } catch (err) {
        // The server answers a patch that does not apply with a bare 422 (NewGenericServerResponse).
        if (err instanceof PatchError) throw new RawError("The request is invalid: the server rejected our request due to an error in our request");
        throw err;
      }
  }
}

/**
 * --subresource=scale: the patch applies to the object's autoscaling/v1 Scale, whose
 * spec.replicas then becomes the object's. kubectl prints the Scale: `scale.autoscaling/web patched`.
 */
function patchScale(obj: KubeObject, patch: unknown, type: PatchType, o: Options, cluster: Cluster): string {
  if (!["Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"].includes(obj.kind)) {
    throw new RawError("Error from server (NotFound): the server could not find the requested resource");
  }
  const scale = scaleOf(obj);
  const patched = applyPatch(scale, patch, type);
  const replicas = patched.spec?.replicas;
  const changed = !deepEqual(scale, patched);
  if (o.dryRun !== "client" && changed) {
    const next = deepCopy(obj);
    next.spec = { ...next.spec, replicas };
    cluster.api.update(next, { dryRun: o.dryRun === "server" });
  }
  if (!isHumanReadable(o.output)) throw new UsageError("kubesim prints the Scale subresource only as a name line");
  return `scale.autoscaling/${obj.metadata.name} ${operation(changed)}${dryRunSuffix(o.dryRun)}\n`;
}

function scaleOf(obj: KubeObject): KubeObject {
  return {
    apiVersion: "autoscaling/v1",
    kind: "Scale",
    metadata: { name: obj.metadata.name, namespace: obj.metadata.namespace, uid: obj.metadata.uid, resourceVersion: obj.metadata.resourceVersion, creationTimestamp: obj.metadata.creationTimestamp },
    spec: { replicas: obj.spec?.replicas ?? 1 },
    status: { replicas: obj.status?.replicas ?? 0 },
  };
}

function goJsonType(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (v === null) return "null";
  if (typeof v === "object") return "object";
  if (typeof v === "boolean") return "bool";
  return typeof v;
}
