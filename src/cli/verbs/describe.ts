// kubectl describe (TYPE [NAME_PREFIX | -l label] | TYPE/NAME) — port of
// staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go: descriptions separated by two blank
// lines; `describe TYPE NAME` with no exact match describes every object whose name starts
// with NAME (DescribeMatchingResources), each followed by one blank line.

import { Option } from "commander";
import { defineVerb } from "../verb";
import type { IOStreams } from "../verb";
import { notFound, StatusError, UsageError } from "../../api/errors";
import { pluralDotGroup } from "../../api/registry";
import type { KubeObject } from "../../api/types";
import type { ResourceRequest } from "../flags/resources";
import { namedAndSelected, parseResourceArgs } from "../flags/resources";
import { defineLabelSelector } from "../flags/selector";
import { errorText } from "../errors";
import { fetchResources } from "./get/collect";
import type { Cluster } from "../../sim/cluster";
import { viewOf } from "../../api/store/view";
import { describe } from "../../printers/describe/index";
import { noResourcesFound } from "../../printers/table/print";
import type { FilenameFlags, FilenameOptions } from "../flags/filename";
import { defineFilenameFlags, filenameOptions } from "../flags/filename";
import type { VerbEnv } from "../verb";

interface Flags extends FilenameFlags {
  allNamespaces?: boolean;
  chunkSize?: string | number;
  selector?: string;
  showEvents?: boolean;
}

export interface DescribeOptions {
  readonly request: ResourceRequest;
  /** -f/-R: the objects the files name, in place of resource arguments. */
  readonly files: FilenameOptions;
  readonly explicitNamespace: boolean;
  /** The arguments as typed: prefix matching applies only to exactly `TYPE NAME`. */
  readonly args: readonly string[];
  readonly namespace: string;
  readonly allNamespaces: boolean;
  readonly selector: string;
  readonly showEvents: boolean;
}

const LONG = `Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:

        $ kubectl describe TYPE NAME_PREFIX
        
 will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.

Use "kubectl api-resources" for a complete list of supported resources.`;

const EXAMPLE = `  # Describe a node
  kubectl describe nodes kubernetes-node-emt8.c.myproject.internal
  
  # Describe a pod
  kubectl describe pods/nginx
  
  # Describe a pod identified by type and name in "pod.json"
  kubectl describe -f pod.json
  
  # Describe all pods
  kubectl describe pods
  
  # Describe pods by label name=myLabel
  kubectl describe pods -l name=myLabel
  
  # Describe all pods managed by the 'frontend' replication controller
  # (rc-created pods get the name of the rc as a prefix in the pod name)
  kubectl describe pods frontend`;

export default defineVerb<Flags, DescribeOptions>({
  name: "describe",
  instant: true,
  help: {
    short: "Show details of a specific resource or group of resources",
    long: LONG,
    example: EXAMPLE,
    usage: "describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]",
  },
  define(cmd) {
    cmd.option(
      "-A, --all-namespaces",
      "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.",
      false,
    );
    // a number default, so help prints --chunk-size=500 as kubectl does
    cmd.addOption(
      new Option(
        "--chunk-size <size>",
        "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.",
      ).default(500),
    );
    defineFilenameFlags(cmd, "Filename, directory, or URL to files containing the resource to describe");
    defineLabelSelector(cmd);
    cmd.option("--show-events", "If true, display events related to the described object.", true);
    cmd.option("--no-show-events", "");
    cmd.argument("[args...]");
  },
  complete(flags, args, env) {
    const files = filenameOptions(flags);
    if (args.length === 0 && files.filenames.length === 0) {
      throw new UsageError(
        'Error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
      );
    }
    return {
      request: files.filenames.length > 0 ? parseResourceArgs([]) : parseResourceArgs(args),
      files,
      explicitNamespace: env.explicitNamespace,
      args: [...args],
      namespace: env.namespace,
      allNamespaces: Boolean(flags.allNamespaces),
      selector: (flags.selector ?? "").trim(),
      showEvents: flags.showEvents !== false,
    };
  },
  validate(o) {
    if (o.request.named && o.selector !== "") throw namedAndSelected(o.request);
    if (o.request.named && !o.request.slashForm && o.request.types.length > 1) throw new UsageError("you must specify only one resource");
    if (o.request.named && o.allNamespaces) throw new UsageError("a resource cannot be retrieved by name across all namespaces");
  },
  async run(o, cluster, io, env) {
    const c = cluster!;
    if (o.files.filenames.length > 0) return report(c, o, io, await fileObjects(o, c, env));
    const { groups, errors } = fetchResources(c.api, o.request, {
      namespace: o.namespace,
      allNamespaces: o.allNamespaces,
      selectors: { label: o.selector, field: "" },
      ignoreNotFound: false,
    });
    const notFound = errors.find((e) => e instanceof StatusError && e.reason === "NotFound");
    if (notFound && o.args.length === 2 && !o.request.slashForm) return describeMatching(c, o, notFound, io);
    return report(c, o, io, { objects: groups.flatMap((g) => g.objects), errors });
  },
});

/** The descriptions, two blank lines apart, then each distinct error; `No resources found` when there was nothing. */
function report(c: Cluster, o: DescribeOptions, io: IOStreams, { objects, errors }: { objects: readonly KubeObject[]; errors: readonly unknown[] }): number {
  objects.forEach((obj, i) => io.out.write((i === 0 ? "" : "\n\n") + describeOne(c, obj, o)));
  const seen = new Set<string>();
  for (const err of errors) {
    const text = errorText(err);
    if (seen.has(text)) continue;
    seen.add(text);
    io.err.write(text + "\n");
  }
  if (objects.length === 0 && errors.length === 0) {
    io.err.write(noResourcesFound(o.allNamespaces ? undefined : o.namespace) + "\n");
  }
  return errors.length > 0 ? 1 : 0;
}

/**
 * -f: the files' objects (those whose labels match -l, as the file gives them: describe's
 * builder does not fetch them first), then each as the server holds it, NotFound when it does not.
 */
async function fileObjects(o: DescribeOptions, c: Cluster, env: VerbEnv): Promise<{ objects: KubeObject[]; errors: unknown[] }> {
  // Loaded only for -f: reading manifests brings the YAML parser.
  const { fetchFileObjects, readFileItems } = await import("../manifests/file-objects");
  const { items } = readFileItems(o.files, o.args, o, env);
  const { found, errors } = fetchFileObjects(c.api, items, o.selector, false);
  const objects: KubeObject[] = [];
  const missing: unknown[] = [];
  for (const { info, object } of found) {
    const live = c.api.tryGet(info.kind, info.namespaced ? (object.metadata.namespace ?? "") : "", object.metadata.name ?? "");
    if (live) objects.push(live);
    else missing.push(notFound(pluralDotGroup(info), object.metadata.name ?? ""));
  }
  return { objects, errors: [...errors, ...missing] };
}

/** DescribeMatchingResources: every object of the type (in the namespace) whose name starts with the prefix. */
function describeMatching(c: Cluster, o: DescribeOptions, original: unknown, io: IOStreams): number {
  const info = o.request.types[0];
  const prefix = o.args[1];
  const matching = c.api.list(info.kind, info.namespaced ? o.namespace : undefined).filter((obj) => (obj.metadata.name ?? "").startsWith(prefix));
  if (matching.length === 0) throw original;
  for (const obj of matching) io.out.write(describeOne(c, obj, o) + "\n");
  return 0;
}

function describeOne(c: Cluster, obj: KubeObject, o: DescribeOptions): string {
  const text = describe(obj, { now: c.now, view: viewOf(c.store, c.runtime) });
  return o.showEvents ? text : withoutEvents(text);
}

/**
 * --show-events=false: kubectl's describers then skip the Events section, which is always
 * last. The printers' DescribeContext has no such switch yet, so the section is cut here.
 */
export function withoutEvents(text: string): string {
  const at = text.lastIndexOf("\nEvents:");
  if (at >= 0) return text.slice(0, at + 1);
  return text.startsWith("Events:") ? "" : text;
}
