// kubectl get [(-o|--output=)FORMAT] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE/NAME ...)
// Port of staging/src/k8s.io/kubectl/pkg/cmd/get/get.go: the human path prints one table per
// type (get/human.ts), every other format prints one object or a List (get/generic.ts). Errors
// for missing names follow what was found (partial success, exit 1).

import type { Command } from "commander";
import { Option } from "commander";
import { defineVerb } from "../verb";
import { UsageError } from "../../api/errors";
import type { ResourceRequest } from "../flags/resources";
import { namedAndSelected, parseResourceArgs } from "../flags/resources";
import type { OutputFormat } from "../flags/output";
import { defineOutput, GET_FORMATS, isHumanReadable, noHeadersOption, parseOutput, defineShowManagedFields } from "../flags/output";
import type { SelectorFlags } from "../flags/selector";
import { defineFieldSelector, defineLabelSelector } from "../flags/selector";
import { errorText } from "../errors";
import { fetchResources } from "./get/collect";
import type { Fetched } from "./get/collect";
import { emptyMessage, printHuman } from "./get/human";
import type { HumanOptions } from "./get/human";
import type { IOStreams } from "../verb";
import type { Cluster } from "../../sim/cluster";
import type { KubeObject } from "../../api/types";
import { sortObjects } from "./get/sort";
import type { FilenameFlags, FilenameOptions } from "../flags/filename";
import { defineFilenameFlags, filenameOptions } from "../flags/filename";

interface Flags extends FilenameFlags {
  allNamespaces?: boolean;
  chunkSize?: string | number;
  fieldSelector?: string;
  ignoreNotFound?: boolean;
  labelColumns?: string[];
  noHeaders?: boolean;
  output?: string;
  selector?: string;
  showKind?: boolean;
  showLabels?: boolean;
  sortBy?: string;
  watch?: boolean;
  watchOnly?: boolean;
}

export interface GetOptions {
  readonly request: ResourceRequest;
  /** -f/-R: the objects the files name, in place of resource arguments. */
  readonly files: FilenameOptions;
  readonly args: readonly string[];
  readonly explicitNamespace: boolean;
  readonly namespace: string;
  readonly allNamespaces: boolean;
  readonly output: OutputFormat;
  readonly selectors: SelectorFlags;
  readonly ignoreNotFound: boolean;
  readonly labelColumns: readonly string[];
  readonly noHeaders: boolean;
  readonly showKind: boolean;
  readonly showLabels: boolean;
  readonly sortBy: string;
  /** -w (watch after listing) or --watch-only. */
  readonly watch: "" | "watch" | "watch-only";
}

const LONG = `Display one or many resources.

 Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.

 By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.

Use "kubectl api-resources" for a complete list of supported resources.`;

const EXAMPLE = `  # List all pods in ps output format
  kubectl get pods
  
  # List all pods in ps output format with more information (such as node name)
  kubectl get pods -o wide
  
  # List a single replication controller with specified NAME in ps output format
  kubectl get replicationcontroller web
  
  # List deployments in JSON output format, in the "v1" version of the "apps" API group
  kubectl get deployments.v1.apps -o json
  
  # List a single pod in JSON output format
  kubectl get -o json pod web-pod-13je7
  
  # List a pod identified by type and name specified in "pod.yaml" in JSON output format
  kubectl get -f pod.yaml -o json
  
  # List resource information in custom columns
  kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image
  
  # List all replication controllers and services together in ps output format
  kubectl get rc,services
  
  # List one or more resources by their type and names
  kubectl get rc/web service/frontend pods/web-pod-13je7
  
  # List all deployments in namespace 'backend'
  kubectl get deployments.apps --namespace backend
  
  # List all pods existing in all namespaces
  kubectl get pods --all-namespaces`;

export default defineVerb<Flags, GetOptions>({
  name: "get",
  instant: (o) => o.watch === "",
  help: {
    short: "Display one or many resources",
    long: LONG,
    example: EXAMPLE,
    usage:
      "get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]",
  },
  define(cmd) {
    defineGetFlags(cmd);
    cmd.argument("[args...]");
  },
  complete(flags, args, env) {
    const files = filenameOptions(flags);
    if (args.length === 0 && files.filenames.length === 0) {
      throw new UsageError(
        'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
        {
          preamble: 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n',
          hint: "See 'kubectl get -h' for help and examples",
        },
      );
    }
    return {
      request: files.filenames.length > 0 ? parseResourceArgs([]) : parseResourceArgs(args),
      files,
      args: [...args],
      explicitNamespace: env.explicitNamespace,
      namespace: env.namespace,
      allNamespaces: Boolean(flags.allNamespaces),
      output: parseOutput(flags.output, GET_FORMATS),
      selectors: { label: (flags.selector ?? "").trim(), field: (flags.fieldSelector ?? "").trim() },
      ignoreNotFound: Boolean(flags.ignoreNotFound),
      labelColumns: (flags.labelColumns ?? []).flatMap((l) => l.split(",")).map((l) => l.trim()).filter((l) => l !== ""),
      noHeaders: Boolean(flags.noHeaders),
      showKind: Boolean(flags.showKind),
      showLabels: Boolean(flags.showLabels),
      sortBy: flags.sortBy ?? "",
      watch: flags.watchOnly ? "watch-only" : flags.watch ? "watch" : "",
    };
  },
  validate(o) {
    const r = o.request;
    const selecting = o.selectors.label !== "" || o.selectors.field !== "";
    if (r.named && selecting) throw namedAndSelected(r);
    if (r.named && !r.slashForm && r.types.length > 1) throw new UsageError("you must specify only one resource");
    if (r.named && o.allNamespaces) throw new UsageError("a resource cannot be retrieved by name across all namespaces");
    const names = [...r.names.values()].reduce((n, list) => n + list.length, 0);
    if (o.watch && (r.types.length > 1 || names > 1)) {
      throw new UsageError("watch is only supported on individual resources and resource collections - more than 1 resource was found");
    }
  },
  async run(o, cluster, io, env) {
    const c = cluster!;
    const scope = { namespace: o.namespace, allNamespaces: o.allNamespaces, selectors: o.selectors, ignoreNotFound: o.ignoreNotFound };
    // Loaded only for -f: reading manifests brings the YAML parser.
    const fromFiles = o.files.filenames.length > 0 ? (await import("./get/from-files")).filesFetcher(o, c, env) : undefined;
    const fetch = () => fromFiles?.fetch() ?? fetchResources(c.api, o.request, scope);
    const { groups, errors } = fetch();
    if (o.watch && fromFiles && new Set(groups.map((g) => g.info)).size > 1) {
      throw new UsageError("watch is only supported on individual resources and resource collections - more than 1 resource was found");
    }
    // Loaded only when asked for: a plain `get` prints a table and needs neither (start-up).
    const findValues = o.sortBy ? (await import("./get/find-values")).findValues : undefined;
    if (o.watch) return runWatch(o, c, io, groups, errors, () => flatten(fetch().groups), findValues);
    if (isHumanReadable(o.output)) {
      const sorted = o.sortBy ? groups.map((g) => ({ info: g.info, objects: sortObjects(g.objects, o.sortBy, findValues!) })) : groups;
      const text = printHuman(sorted, humanOptions(o, c));
      io.out.write(text);
      if (text === "" && errors.length === 0 && !o.ignoreNotFound) io.err.write(emptyMessage(groups, o.namespace, o.allNamespaces));
    } else {
      // IntoSingleItemImplied: exactly one name (or one file) was asked for, so its error is the whole answer
      const single = fromFiles ? fromFiles.single : o.request.named && [...o.request.names.values()].reduce((n, names) => n + names.length, 0) === 1;
      if (single && errors.length > 0) throw errors[0];
      const objects = flatten(groups);
      if (!(objects.length === 0 && o.ignoreNotFound)) {
        const ordered = o.sortBy ? sortObjects(objects, o.sortBy, findValues!) : objects;
        const { printGeneric } = await import("./get/generic");
        io.out.write(printGeneric(o.output, ordered, { single, noHeaders: o.noHeaders }));
      }
    }
    for (const err of errors) io.err.write(errorText(err) + "\n");
    return errors.length > 0 ? 1 : 0;
  },
});

function flatten(groups: readonly Fetched[]) {
  return groups.flatMap((g) => g.objects);
}

/** get -w / --watch-only: the listing (sorted once, with kubectl's warning), then the changes. */
async function runWatch(
  o: GetOptions,
  c: Cluster,
  io: IOStreams,
  groups: readonly Fetched[],
  errors: readonly unknown[],
  list: () => KubeObject[],
  findValues: Parameters<typeof sortObjects>[2] | undefined,
): Promise<number> {
  if (errors.length > 0) throw errors[0];
  let initial = flatten(groups);
  if (o.sortBy) {
    io.err.write("warning: --watch requested, --sort-by will be ignored for watch events received\n");
    initial = sortObjects(initial, o.sortBy, findValues!);
  }
  const { watch } = await import("./get/watch");
  watch(c, list, initial, { output: o.output, human: humanOptions(o, c), watchOnly: o.watch === "watch-only" }, io.out);
  return 0;
}

function humanOptions(o: GetOptions, c: Cluster): HumanOptions {
  return {
    now: c.now,
    wide: o.output.kind === "wide",
    allNamespaces: o.allNamespaces,
    showKind: o.showKind,
    showLabels: o.showLabels,
    labelColumns: o.labelColumns,
    noHeaders: o.noHeaders,
  };
}

/** get's flags in kubectl's (alphabetical) help order. */
function defineGetFlags(cmd: Command): void {
  cmd.option(
    "-A, --all-namespaces",
    "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.",
    false,
  );
  cmd.option(
    "--allow-missing-template-keys",
    "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.",
    true,
  );
  cmd.option("--no-allow-missing-template-keys", "");
  // a number default, so help prints --chunk-size=500 as kubectl does
  cmd.addOption(
    new Option(
      "--chunk-size <size>",
      "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.",
    ).default(500),
  );
  defineFieldSelector(cmd);
  defineFilenameFlags(cmd, "Filename, directory, or URL to files identifying the resource to get from a server.");
  cmd.option("--ignore-not-found", "If the requested object does not exist the command will return exit code 0.", false);
  cmd.option(
    "-L, --label-columns <labels>",
    "Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...",
    (v: string, prev: string[]) => [...prev, v],
    [] as string[],
  );
  cmd.addOption(noHeadersOption());
  defineOutput(
    cmd,
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].",
  );
  defineLabelSelector(cmd);
  cmd.option("--server-print", "If true, have the server return the appropriate table output. Supports extension APIs and CRDs.", true);
  cmd.option("--no-server-print", "");
  cmd.option("--show-kind", "If present, list the resource type for the requested object(s).", false);
  cmd.option("--show-labels", "When printing, show all labels as the last column (default hide labels column)", false);
  defineShowManagedFields(cmd);
  cmd.option(
    "--sort-by <field>",
    "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string.",
  );
  cmd.option("-w, --watch", "After listing/getting the requested object, watch for changes.", false);
  cmd.option("--watch-only", "Watch for changes to the requested object(s), without listing/getting first.", false);
}
