// kubectl run NAME --image=IMAGE [flags] [-- args] (staging/src/k8s.io/kubectl/pkg/cmd/run/run.go):
// builds a Pod, creates it, and with -i/--attach waits for it (advancing simulated time)
// the way kubectl waits on a watch, then removes it with --rm.

import { containerLogs } from "../../kubelet/logs";
import { viewOf } from "../../api/store/view";
import { defineVerb } from "../verb";
import type { IOStreams } from "../verb";
import { UsageError } from "../../api/errors";
import type { KubeObject } from "../../api/types";
import type { Cluster } from "../../sim/cluster";
import type { Duration } from "../../sim/time";
import { durationFlag } from "../flags/duration";
import type { DryRun } from "../flags/dry-run";
import { parseDryRun } from "../flags/dry-run";
import type { OutputFormat } from "../flags/output";
import { parseOutput } from "../flags/output";
import { trackArgsLenAtDash } from "../generators/args-at-dash";
import { applyOverrides, buildRunPod } from "../generators/pod";
import { collect, defineGeneratorFlags, forServer, printGenerated, requiredFlag, sortOptions, withLastApplied } from "../generators/output";

interface Flags {
  image?: string;
  env: string[];
  annotations: string[];
  labels?: string;
  port?: string;
  restart?: string;
  command?: boolean;
  stdin?: boolean;
  tty?: boolean;
  attach?: boolean;
  rm?: boolean;
  quiet?: boolean;
  leaveStdinOpen?: boolean;
  imagePullPolicy?: string;
  privileged?: boolean;
  overrides?: string;
  overrideType?: string;
  podRunningTimeout?: string;
  dryRun?: string | boolean;
  output?: string;
  saveConfig?: boolean;
  argsLenAtDash?: number;
}

type Restart = "Always" | "OnFailure" | "Never";

interface Options {
  name: string;
  args: string[];
  flags: Flags;
  restart: Restart;
  attach: boolean;
  timeout: Duration;
  dryRun: DryRun;
  output: OutputFormat;
  namespace: string;
  explicitNamespace: boolean;
}

export default defineVerb<Flags, Options>({
  name: "run",
  help: {
    short: "Run a particular image on the cluster",
    long: "Create and run a particular image in a pod.",
    example: `  # Start a nginx pod
  kubectl run nginx --image=nginx
  
  # Start a hazelcast pod and let the container expose port 5701
  kubectl run hazelcast --image=hazelcast/hazelcast --port=5701
  
  # Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container
  kubectl run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"
  
  # Start a hazelcast pod and set labels "app=hazelcast" and "env=prod" in the container
  kubectl run hazelcast --image=hazelcast/hazelcast --labels="app=hazelcast,env=prod"
  
  # Dry run; print the corresponding API objects without creating them
  kubectl run nginx --image=nginx --dry-run=client
  
  # Start a nginx pod, but overload the spec with a partial set of values parsed from JSON
  kubectl run nginx --image=nginx --overrides='{ "apiVersion": "v1", "spec": { ... } }'
  
  # Start a busybox pod and keep it in the foreground, don't restart it if it exits
  kubectl run -i -t busybox --image=busybox --restart=Never
  
  # Start the nginx pod using the default command, but use custom arguments (arg1 .. argN) for that command
  kubectl run nginx --image=nginx -- <arg1> <arg2> ... <argN>
  
  # Start the nginx pod using a different command and custom arguments
  kubectl run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>`,
    usage: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  },
  define(cmd) {
    defineGeneratorFlags(cmd, "kubectl-run");
    cmd.option("--annotations <annotation>", "Annotations to apply to the pod.", collect, []);
    cmd.option("--attach", "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned.");
    cmd.option("--no-attach", "");
    cmd.option("--command", "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.", false);
    cmd.option("--env <env>", "Environment variables to set in the container.", collect, []);
    cmd.option("--image <image>", "The image for the container to run.");
    cmd.option("--image-pull-policy <policy>", "The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.", "");
    cmd.option("-l, --labels <labels>", "Comma separated labels to apply to the pod. Will override previous values.", "");
    cmd.option("--leave-stdin-open", "If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.", false);
    cmd.option("--override-type <type>", "The method used to override the generated object: json, merge, or strategic.", "merge");
    cmd.option("--overrides <json>", "An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.", "");
    cmd.option("--pod-running-timeout <duration>", "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running", "1m0s");
    cmd.option("--port <port>", "The port that this container exposes.", "");
    cmd.option("--privileged", "If true, run the container in privileged mode.", false);
    cmd.option("-q, --quiet", "If true, suppress prompt messages.", false);
    cmd.option("--restart <policy>", "The restart policy for this Pod.  Legal values [Always, OnFailure, Never].", "Always");
    cmd.option("--rm", "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'.", false);
    cmd.option("-i, --stdin", "Keep stdin open on the container in the pod, even if nothing is attached.", false);
    cmd.option("-t, --tty", "Allocate a TTY for the container in the pod.", false);
    trackArgsLenAtDash(cmd);
    sortOptions(cmd);
  },
  complete(flags, args, env) {
    if (flags.image === undefined) throw requiredFlag("image");
    const hint = { hint: "See 'kubectl run -h' for help and examples" };
    // Let kubectl run follow rules for `--` (#13004): the NAME must come before the dash.
    if (args.length === 0 || flags.argsLenAtDash === 0) throw new UsageError("NAME is required for run", hint);
    const timeout = durationFlag(flags.podRunningTimeout ?? "1m0s", "--pod-running-timeout", "run");
    return {
      name: args[0],
      args: args.slice(1),
      flags,
      restart: "Always",
      // -i implies --attach unless --attach was given explicitly.
      attach: flags.attach ?? Boolean(flags.stdin),
      timeout,
      dryRun: parseDryRun(flags.dryRun),
      output: parseOutput(flags.output),
      namespace: env.namespace,
      explicitNamespace: env.explicitNamespace,
    };
  },
  validate(o) {
    const f = o.flags;
    const hint = { hint: "See 'kubectl run -h' for help and examples" };
    if (f.image === "") throw new UsageError("--image is required", hint);
    if (f.tty && !f.stdin) throw new UsageError("-i/--stdin is required for containers with -t/--tty=true", hint);
    o.restart = restartPolicy(f.restart ?? "", Boolean(f.stdin));
    if (!o.attach && f.rm) throw new UsageError("--rm should only be used for attached containers", hint);
    if (o.attach && o.dryRun !== "none") {
      throw new UsageError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)", hint);
    }
    if (!["", "Always", "IfNotPresent", "Never"].includes(f.imagePullPolicy ?? "")) throw new UsageError(`invalid image pull policy: ${f.imagePullPolicy}`, hint);
    if (!["json", "merge", "strategic"].includes(f.overrideType ?? "merge")) {
      throw new UsageError(`--override-type must be one of (json, merge, strategic), got '${f.overrideType}'`);
    }
    if (f.overrides && f.overrideType && f.overrideType !== "merge") {
      throw new UsageError(`kubesim supports only --override-type=merge, not ${f.overrideType}`);
    }
    if (o.timeout <= 0) throw new UsageError("--pod-running-timeout must be higher than zero", hint);
  },
  run(o, cluster, io) {
    const f = o.flags;
    let pod = buildRunPod({
      name: o.name,
      image: f.image!,
      labels: f.labels ?? "",
      annotations: f.annotations,
      env: f.env,
      port: f.port ?? "",
      restartPolicy: o.restart,
      args: o.args,
      command: Boolean(f.command),
      stdin: Boolean(f.stdin),
      tty: Boolean(f.tty),
      leaveStdinOpen: Boolean(f.leaveStdinOpen),
      imagePullPolicy: f.imagePullPolicy ?? "",
      privileged: Boolean(f.privileged),
    });
    if (f.overrides) pod = applyOverrides(pod, f.overrides);
    if (o.dryRun === "client") {
      if (o.explicitNamespace) pod = { ...pod, metadata: withNamespace(pod.metadata, o.namespace) };
      io.out.write(printGenerated(pod, o.output, o.dryRun));
      return 0;
    }
    if (f.saveConfig) pod = withLastApplied(pod);
    const sent = forServer(pod);
    sent.metadata.namespace = o.namespace;
    const created = cluster!.api.create(sent, { dryRun: o.dryRun === "server" });
    if (!o.attach) {
      io.out.write(printGenerated(created, o.output, o.dryRun));
      return 0;
    }
    return attach(o, created, cluster!, io);
  },
});

/** getRestartPolicy: "" (only when given explicitly) means OnFailure for an interactive run. */
function restartPolicy(restart: string, interactive: boolean): Restart {
  if (restart === "") return interactive ? "OnFailure" : "Always";
  if (restart === "Always" || restart === "OnFailure" || restart === "Never") return restart;
  throw new UsageError(`invalid restart policy: ${restart}`, { hint: "See 'kubectl run -h' for help and examples" });
}

/**
 * The attached run: wait until the pod is running and ready (or finished), "attach", then for
 * Never/OnFailure wait for the end and return the container's exit code; --rm deletes the pod
 * afterwards whatever happened. What the container printed is shown (printOutput).
 */
function attach(o: Options, created: KubeObject, cluster: Cluster, io: IOStreams): number {
  const ns = created.metadata.namespace ?? o.namespace;
  const name = created.metadata.name!;
  const current = () => cluster.api.tryGet("Pod", ns, name);
  const phase = () => current()?.status?.phase as string | undefined;
  // The control plane reacts to the new pod before simulated time moves on.
  cluster.settle();
  try {
    const runningOrDone = () => {
      const p = current();
      if (!p) return true;
      if (p.status?.phase === "Succeeded" || p.status?.phase === "Failed") return true;
      return p.status?.phase === "Running" && (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === "Ready" && c.status === "True");
    };
    if (!cluster.advanceUntil(runningOrDone, o.timeout)) throw new UsageError("timed out waiting for the condition");
    if (!current()) throw new UsageError(`pods "${name}" not found`);
    const done = phase() === "Succeeded" || phase() === "Failed";
    // Attaching to a running container shows what it prints from now on; a finished one, its log.
    const attachedAt = done ? -Infinity : cluster.now;
    if (!done) {
      // attach.go: a TTY needs a terminal on stdin; the prompt hint goes to stderr.
      if (o.flags.tty && !io.isTTY && !o.flags.quiet) io.err.write("Unable to use a TTY - input is not a terminal or the right kind of file\n");
      if (!o.flags.quiet) io.err.write("If you don't see a command prompt, try pressing enter.\n");
    }
    const waitForExit = !o.flags.leaveStdinOpen && (o.restart === "Never" || o.restart === "OnFailure");
    if (!waitForExit) {
      printOutput(cluster, current(), attachedAt, io);
      return 0;
    }
    const exited = () => {
      const p = phase();
      return p === undefined || p === "Succeeded" || (o.restart === "Never" && p === "Failed");
    };
    if (!cluster.advanceUntil(exited, o.timeout)) throw new UsageError("timed out waiting for the condition");
    const pod = current();
    if (!pod) throw new UsageError(`pods "${name}" not found`);
    printOutput(cluster, pod, attachedAt, io);
    if (pod.status?.phase === "Succeeded") return 0;
    const terminated = pod.status?.containerStatuses?.[0]?.state?.terminated;
    if (!terminated || !terminated.exitCode) throw new UsageError(`pod ${ns}/${name} failed with unknown exit code`);
    // A CodeExitError is printed bare (no "error: "), newline added only when missing.
    const text = `pod ${ns}/${name} terminated (${terminated.reason ?? ""})\n${terminated.message ?? ""}`;
    io.err.write(text.endsWith("\n") ? text : text + "\n");
    return terminated.exitCode;
  } finally {
    if (o.flags.rm) removePod(cluster, ns, name, io, Boolean(o.flags.quiet));
  }
}

/** What the attached container printed after `from` (ms), each stream to its own. */
function printOutput(cluster: Cluster, pod: KubeObject | undefined, from: number, io: IOStreams): void {
  const container = pod?.spec?.containers?.[0]?.name;
  if (!pod || !container) return;
  for (const line of containerLogs(viewOf(cluster.store, cluster.runtime), pod, container) ?? []) {
    if (line.at > from) (line.stream === "stderr" ? io.err : io.out).write(`${line.text}\n`);
  }
}

/** removeCreatedObjects: delete with the pod's own grace period, not found ignored, no wait. */
function removePod(cluster: Cluster, ns: string, name: string, io: IOStreams, quiet: boolean): void {
  if (!cluster.api.tryGet("Pod", ns, name)) return;
  cluster.api.delete({ kind: "Pod", namespace: ns, name });
  if (!quiet) io.out.write(`pod "${name}" deleted\n`);
}

function withNamespace(meta: KubeObject["metadata"], namespace: string): KubeObject["metadata"] {
  const { name, ...rest } = meta;
  return { name, namespace, ...rest };
}
