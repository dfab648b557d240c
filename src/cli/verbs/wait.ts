// kubectl wait ([-f FILENAME] | TYPE/NAME | TYPE NAME | TYPE (-l SEL | --all)) --for=...
// [--timeout=30s] (staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go): visits the objects in
// order, waiting for each on the simulated clock (cluster.advanceUntil, never sleeping); one
// deadline covers the whole command, and the first object that fails ends it.

import { defineVerb } from "../verb";
import type { IOStreams, VerbEnv } from "../verb";
import { errorText } from "../errors";
import type { KubeObject } from "../../api/types";
import type { ResourceInfo } from "../../api/registry";
import { infoForKind, pluralDotGroup } from "../../api/registry";
import type { Cluster } from "../../sim/cluster";
import { StatusError, UsageError } from "../../api/errors";
import type { Duration } from "../../sim/time";
import { durationFlag } from "../flags/duration";
import type { FilenameFlags, FilenameOptions } from "../flags/filename";
import { defineFilenameFlags, filenameOptions } from "../flags/filename";
import { readSources } from "../flags/read-sources";
import type { OutputFormat } from "../flags/output";
import { parseOutput, defineShowManagedFields } from "../flags/output";
import type { ResourceRequest } from "../flags/resources";
import { namedAndSelected, parseResourceArgs } from "../flags/resources";
import { listOptionsFor } from "../flags/selector";
import { manifestItems } from "../manifests/read";
import { printCreated, sortOptions } from "../generators/output";
import type { WaitFor } from "./wait/conditions";
import { checkCondition, checkJsonPath, parseWaitFor } from "./wait/conditions";

interface Flags extends FilenameFlags {
  for?: string;
  timeout?: string;
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  output?: string;
  local?: boolean;
}

interface Options {
  readonly request: ResourceRequest;
  readonly files: FilenameOptions;
  readonly waitFor: WaitFor;
  readonly timeout: Duration;
  readonly selector: { label: string; field: string };
  readonly all: boolean;
  readonly allNamespaces: boolean;
  readonly output: OutputFormat;
  readonly namespace: string;
}

/** What the resource builder yields: the object's identity, and the object when it was found. */
interface Target {
  readonly info: ResourceInfo;
  readonly namespace: string;
  readonly name: string;
}

/** A negative --timeout means "wait for a week". */
const WEEK = (168 * 3600 * 1000) as Duration;

export default defineVerb<Flags, Options>({
  name: "wait",
  help: {
    short: "Experimental: Wait for a specific condition on one or many resources",
    long: `Experimental: Wait for a specific condition on one or many resources.

 The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.

 Alternatively, the command can wait for the given set of resources to be created or deleted by providing the "create" or "delete" keyword as the value to the --for flag.

 A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o option to change to output destination.`,
    example: `  # Wait for the pod "busybox1" to contain the status condition of type "Ready"
  kubectl wait --for=condition=Ready pod/busybox1
  
  # The default value of status condition is true; you can wait for other targets after an equal delimiter (compared after Unicode simple case folding, which is a more general form of case-insensitivity)
  kubectl wait --for=condition=Ready=false pod/busybox1
  
  # Wait for the pod "busybox1" to contain the status phase to be "Running"
  kubectl wait --for=jsonpath='{.status.phase}'=Running pod/busybox1
  
  # Wait for pod "busybox1" to be Ready
  kubectl wait --for='jsonpath={.status.conditions[?(@.type=="Ready")].status}=True' pod/busybox1
  
  # Wait for the service "loadbalancer" to have ingress
  kubectl wait --for=jsonpath='{.status.loadBalancer.ingress}' service/loadbalancer
  
  # Wait for the secret "busybox1" to be created, with a timeout of 30s
  kubectl create secret generic busybox1
  kubectl wait --for=create secret/busybox1 --timeout=30s
  
  # Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command
  kubectl delete pod/busybox1
  kubectl wait --for=delete pod/busybox1 --timeout=60s`,
    usage:
      "wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  },
  define(cmd) {
    cmd.option("--all", "Select all resources in the namespace of the specified resource types", false);
    cmd.option("-A, --all-namespaces", "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.", false);
    cmd.option("--allow-missing-template-keys", "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.", true);
    cmd.option("--field-selector <selector>", "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.", "");
    defineFilenameFlags(cmd, "identifying the resource.", true);
    cmd.option(
      "--for <condition>",
      "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity.",
      "",
    );
    cmd.option("--local", "If true, annotation will NOT contact api-server but run locally.", false);
    cmd.option("-o, --output <format>", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).");
    cmd.option("-l, --selector <selector>", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)", "");
    defineShowManagedFields(cmd);
    cmd.option("--template <template>", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].");
    cmd.option("--timeout <duration>", "The length of time to wait before giving up. Zero means check once and don't wait, negative means wait for a week.", "30s");
    sortOptions(cmd);
    // -R defaults to true for wait (ResourceBuilderFlags); declared by defineFilenameFlags.
  },
  complete(flags, args, env) {
    if (flags.local) throw new UsageError("kubesim does not support --local");
    const files = filenameOptions(flags);
    return {
      request: parseResourceArgs(args),
      files: { ...files, recursive: files.recursive || flags.recursive === undefined },
      waitFor: parseWaitFor(flags.for ?? ""),
      timeout: parseTimeout(flags.timeout ?? "30s"),
      selector: { label: flags.selector ?? "", field: flags.fieldSelector ?? "" },
      all: Boolean(flags.all),
      allNamespaces: Boolean(flags.allNamespaces),
      output: parseOutput(flags.output),
      namespace: env.namespace,
    };
  },
  validate(o) {
    if (o.files.filenames.length === 0 && o.request.types.length === 0) {
      throw new UsageError(
        "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    }
    const selecting = o.all || o.selector.label !== "" || o.selector.field !== "";
    if (o.request.named && selecting) throw namedAndSelected(o.request);
    if (o.files.filenames.length === 0 && !o.request.named && !selecting) throw new UsageError("resource(s) were provided, but no name was specified");
  },
  run(o, cluster, io, env) {
    // Time spent waiting has passed even when the wait fails: report the error here, so the
    // session still saves the advanced clock (a thrown error would discard it).
    try {
      return waitAll(o, cluster!, io, env);
    } catch (err) {
      io.err.write(errorText(err) + "\n");
      return 1;
    }
  },
});

function waitAll(o: Options, c: Cluster, io: IOStreams, env: VerbEnv): number {
  c.settle();
  const deadline = c.now + o.timeout;
  const remaining = () => Math.max(0, deadline - c.now) as Duration;
  const targets = findTargets(o, c, env);
  if (o.waitFor.type === "create") waitForCreate(targets, o, c, remaining);
  let visited = 0;
  for (const t of o.request.named || o.files.filenames.length > 0 ? targets : selected(o, c)) {
    const live = c.api.tryGet(t.info.kind, t.namespace, t.name);
    if (!live) {
      if (o.waitFor.type === "delete") continue;
      throw new StatusError("NotFound", `${pluralDotGroup(t.info)} "${t.name}" not found`);
    }
    visited++;
    const final = waitOne(live, t, o, c, remaining);
    io.out.write(printCreated(final, o.output, "none", "condition met"));
  }
  if (visited === 0 && o.waitFor.type !== "delete") throw new UsageError("no matching resources found");
  return 0;
}

/** Waits for one object; returns the object to print or throws kubectl's error. */
function waitOne(live: KubeObject, t: Target, o: Options, c: Cluster, remaining: () => Duration): KubeObject {
  const objectName = `${pluralDotGroup(t.info)}/${t.name}`;
  const timedOut = new UsageError(`timed out waiting for the condition on ${t.info.plural}/${t.name}`);
  const current = () => c.api.tryGet(t.info.kind, t.namespace, t.name);
  if (o.waitFor.type === "create") return live;
  if (o.waitFor.type === "delete") {
    const gone = () => {
      const now = current();
      return !now || now.metadata.uid !== live.metadata.uid;
    };
    if (o.timeout === 0) throw new UsageError(`condition not met for ${objectName}`);
    if (!c.advanceUntil(gone, remaining())) throw timedOut;
    return live;
  }
  const met = (obj: KubeObject) => checkMet(obj, o.waitFor);
  if (o.timeout === 0) {
    if (!met(live)) throw new UsageError(`condition not met for ${objectName}`);
    return live;
  }
  let last = live;
  const done = () => {
    const now = current();
    if (!now) return false;
    last = now;
    return met(now);
  };
  if (!c.advanceUntil(done, remaining())) throw timedOut;
  return last;
}

function checkMet(obj: KubeObject, w: WaitFor): boolean {
  if (w.type === "condition") return checkCondition(obj, w.name, w.status);
  if (w.type === "jsonpath") return checkJsonPath(obj, w.template, w.value);
  return true;
}

/** --for=create: polls until every named object exists (a selector is satisfied at once). */
function waitForCreate(targets: readonly Target[], o: Options, c: Cluster, remaining: () => Duration): void {
  const exists = () => targets.every((t) => c.api.tryGet(t.info.kind, t.namespace, t.name) !== undefined);
  if (!c.advanceUntil(exists, remaining())) throw new UsageError("timed out waiting for the condition");
}

/** The named objects (arguments or files), in order; existence is checked when each is visited. */
function findTargets(o: Options, c: Cluster, env: VerbEnv): Target[] {
  if (o.files.filenames.length > 0) {
    const items = manifestItems(readSources(o.files, env), { validate: false, namespace: o.namespace, explicitNamespace: false });
    const bad = items.find((i) => i.error);
    if (bad) throw bad.error;
    return items.map((i) => ({ info: i.info!, namespace: i.info!.namespaced ? (i.object!.metadata.namespace ?? "") : "", name: i.object!.metadata.name ?? "" }));
  }
  const out: Target[] = [];
  for (const info of o.request.types) {
    for (const name of o.request.names.get(info) ?? []) out.push({ info, namespace: info.namespaced ? o.namespace : "", name });
  }
  return out;
}

/** -l / --field-selector / --all: the objects that match right now. */
function selected(o: Options, c: Cluster): Target[] {
  const out: Target[] = [];
  for (const info of o.request.types) {
    const ns = o.allNamespaces || !info.namespaced ? undefined : o.namespace;
    for (const obj of c.api.list(info.kind, ns, listOptionsFor(info, o.selector))) {
      out.push({ info: infoForKind(obj.kind) ?? info, namespace: obj.metadata.namespace ?? "", name: obj.metadata.name ?? "" });
    }
  }
  return out;
}

/** --timeout as pflag's DurationVar reads it; negative means a week. */
function parseTimeout(text: string): Duration {
  const d = durationFlag(text, "--timeout", "wait");
  return d < 0 ? WEEK : d;
}

