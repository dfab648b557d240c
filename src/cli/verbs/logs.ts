// kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] (staging/src/k8s.io/kubectl/pkg/cmd/
// logs/logs.go and polymorphichelpers/logsforobject.go): the lines containers printed, read from
// the kubelet's runtime record; -f follows on the simulated clock (advanceUntil, never sleeping).

import { defineVerb } from "../verb";
import type { IOStreams } from "../verb";
import { UsageError } from "../../api/errors";
import type { KubeObject } from "../../api/types";
import { viewOf } from "../../api/store/view";
import type { ClusterView } from "../../api/store/view";
import { matches, parseSelector } from "../../api/selectors";
import type { Cluster } from "../../sim/cluster";
import type { Duration } from "../../sim/time";
import { minutes, parseSinceTime } from "./logs/flags";
import { durationFlag } from "../flags/duration";
import { parseIntFlag, sortOptions } from "../generators/output";
import { forLogs, pickPod, selectedPods } from "./logs/pick-pod";
import { defaultContainer, hasContainer } from "./logs/default-container";
import { filterLines, formatLine, readContainerLog } from "./logs/read";
import type { LogLine } from "../../kubelet/runtime-record";
import { containerLogs } from "../../kubelet/logs";

interface Flags {
  container?: string;
  allContainers?: boolean;
  allPods?: boolean;
  follow?: boolean;
  previous?: boolean;
  tail?: string | number;
  since?: string;
  sinceTime?: string;
  timestamps?: boolean;
  prefix?: boolean;
  selector?: string;
  maxLogRequests?: string | number;
  podRunningTimeout?: string;
  ignoreErrors?: boolean;
  limitBytes?: string | number;
  insecureSkipTlsVerifyBackend?: boolean;
}

interface Options {
  target: string;
  container: string;
  allContainers: boolean;
  allPods: boolean;
  follow: boolean;
  previous: boolean;
  tail: number;
  since: Duration;
  sinceTime?: number;
  timestamps: boolean;
  prefix: boolean;
  selector: string;
  maxLogRequests: number;
  podRunningTimeout: Duration;
  limitBytes: number;
  namespace: string;
}

/** How long -f follows at most: the simulated stand-in for the user's Ctrl-C. */
const FOLLOW_BOUND = minutes(5);

const USAGE_HINT = { hint: "See 'kubectl logs -h' for help and examples" };

/** One container log being read: a pod, a container, and kubectl's --prefix for it. */
interface Stream {
  readonly pod: KubeObject;
  readonly container: string;
  readonly prefix: string;
}

export default defineVerb<Flags, Options>({
  name: "logs",
  help: {
    short: "Print the logs for a container in a pod",
    long: "Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.",
    example: `  # Return snapshot logs from pod nginx with only one container
  kubectl logs nginx
  
  # Return snapshot logs from pod nginx, prefixing each line with the source pod and container name
  kubectl logs nginx --prefix
  
  # Return snapshot logs from pod nginx, limiting output to 500 bytes
  kubectl logs nginx --limit-bytes=500
  
  # Return snapshot logs from pod nginx, waiting up to 20 seconds for it to start running.
  kubectl logs nginx --pod-running-timeout=20s
  
  # Return snapshot logs from pod nginx with multi containers
  kubectl logs nginx --all-containers=true
  
  # Return snapshot logs from all pods in the deployment nginx
  kubectl logs deployment/nginx --all-pods=true
  
  # Return snapshot logs from all containers in pods defined by label app=nginx
  kubectl logs -l app=nginx --all-containers=true
  
  # Return snapshot logs from all pods defined by label app=nginx, limiting concurrent log requests to 10 pods
  kubectl logs -l app=nginx --max-log-requests=10
  
  # Return snapshot of previous terminated ruby container logs from pod web-1
  kubectl logs -p -c ruby web-1
  
  # Begin streaming the logs from pod nginx, continuing even if errors occur
  kubectl logs nginx -f --ignore-errors=true
  
  # Begin streaming the logs of the ruby container in pod web-1
  kubectl logs -f -c ruby web-1
  
  # Begin streaming the logs from all containers in pods defined by label app=nginx
  kubectl logs -f -l app=nginx --all-containers=true
  
  # Display only the most recent 20 lines of output in pod nginx
  kubectl logs --tail=20 nginx
  
  # Show all logs from pod nginx written in the last hour
  kubectl logs --since=1h nginx
  
  # Show all logs with timestamps from pod nginx starting from August 30, 2024, at 06:00:00 UTC
  kubectl logs nginx --since-time=2024-08-30T06:00:00Z --timestamps=true
  
  # Show logs from a kubelet with an expired serving certificate
  kubectl logs --insecure-skip-tls-verify-backend nginx
  
  # Return snapshot logs from first container of a job named hello
  kubectl logs job/hello
  
  # Return snapshot logs from container nginx-1 of a deployment named nginx
  kubectl logs deployment/nginx -c nginx-1`,
    usage: "logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]",
  },
  define(cmd) {
    cmd.option("--all-containers", "Get all containers' logs in the pod(s).", false);
    cmd.option("--no-all-containers", "");
    cmd.option("--all-pods", "Get logs from all pod(s). Sets prefix to true.", false);
    cmd.option("--no-all-pods", "");
    cmd.option("-c, --container <name>", "Print the logs of this container", "");
    cmd.option("-f, --follow", "Specify if the logs should be streamed.", false);
    cmd.option("--no-follow", "");
    cmd.option("--ignore-errors", "If watching / following pod logs, allow for any errors that occur to be non-fatal", false);
    cmd.option("--no-ignore-errors", "");
    cmd.option(
      "--insecure-skip-tls-verify-backend",
      "Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired.",
      false,
    );
    cmd.option("--limit-bytes <n>", "Maximum bytes of logs to return. Defaults to no limit.", "0");
    cmd.option("--max-log-requests <n>", "Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.", "5");
    cmd.option("--pod-running-timeout <duration>", "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running", "20s");
    cmd.option("--prefix", "Prefix each log line with the log source (pod name and container name)", false);
    cmd.option("--no-prefix", "");
    cmd.option("-p, --previous", "If true, print the logs for the previous instance of the container in a pod if it exists.", false);
    cmd.option("--no-previous", "");
    cmd.option(
      "-l, --selector <selector>",
      "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
      "",
    );
    cmd.option("--since <duration>", "Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.", "0s");
    cmd.option("--since-time <time>", "Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.", "");
    cmd.option("--tail <n>", "Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.");
    cmd.option("--timestamps", "Include timestamps on each line in the log output", false);
    cmd.option("--no-timestamps", "");
    cmd.argument("[args...]");
    sortOptions(cmd);
  },
  complete(flags, args, env) {
    const selector = flags.selector ?? "";
    let container = flags.container ?? "";
    if (selector !== "" && args.length > 0) throw new UsageError("only a selector (-l) or a POD name is allowed", USAGE_HINT);
    if ((selector === "" && args.length === 0) || args.length > 2) {
      throw new UsageError("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command", USAGE_HINT);
    }
    if (args.length === 2) {
      if (container !== "") throw new UsageError("only one of -c or an inline [CONTAINER] arg is allowed", USAGE_HINT);
      container = args[1];
    }
    const tailDefault = selector !== "" ? 10 : -1;
    const allPods = Boolean(flags.allPods);
    return {
      target: args[0] ?? "",
      container,
      allContainers: Boolean(flags.allContainers),
      allPods,
      follow: Boolean(flags.follow),
      previous: Boolean(flags.previous),
      tail: parseIntFlag(flags.tail, "--tail", tailDefault, "logs"),
      since: durationFlag(flags.since ?? "0s", "--since", "logs"),
      sinceTime: parseSinceTime(flags.sinceTime ?? ""),
      timestamps: Boolean(flags.timestamps),
      prefix: Boolean(flags.prefix) || allPods,
      selector,
      maxLogRequests: parseIntFlag(flags.maxLogRequests, "--max-log-requests", 5, "logs"),
      podRunningTimeout: durationFlag(flags.podRunningTimeout ?? "20s", "--pod-running-timeout", "logs"),
      limitBytes: parseIntFlag(flags.limitBytes, "--limit-bytes", 0, "logs"),
      namespace: env.namespace,
    };
  },
  validate(o) {
    if (o.sinceTime !== undefined && o.since !== 0) throw new UsageError("at most one of `sinceTime` or `sinceSeconds` may be specified");
    if (o.allContainers && o.container !== "") throw new UsageError(`--all-containers=true should not be specified with container name ${o.container}`);
    if (o.limitBytes < 0) throw new UsageError("--limit-bytes must be greater than 0");
    if (o.since < 0) throw new UsageError("--since must be greater than 0");
    if (o.tail < -1) throw new UsageError("--tail must be greater than or equal to -1");
    if (o.podRunningTimeout <= 0) throw new UsageError("--pod-running-timeout must be higher than zero");
    if (o.maxLogRequests <= 0) throw new UsageError("--max-log-requests must be greater than 0");
  },
  run(o, cluster, io) {
    const c = cluster!;
    const pods = targetPods(c, o, io);
    if (pods === undefined) {
      io.err.write(`No resources found in ${o.namespace} namespace.\n`);
      return 0;
    }
    const streams = pods.flatMap((pod) => streamsOf(pod, o, io));
    if (o.follow && streams.length > o.maxLogRequests) {
      throw new UsageError(
        `you are attempting to follow ${streams.length} log streams, but maximum allowed concurrency is ${o.maxLogRequests}, use --max-log-requests to increase the limit`,
      );
    }
    const view = viewOf(c.store, c.runtime);
    const since = o.sinceTime ?? (o.since > 0 ? c.now - Math.ceil(o.since / 1000) * 1000 : undefined);
    const cursors: Cursor[] = [];
    for (const s of streams) {
      const lines = filterLines(readContainerLog(view, s.pod, s.container, o.previous), { tail: o.tail, since });
      io.out.write(limit(lines.map((l) => formatLine(l, { timestamps: o.timestamps, prefix: s.prefix })).join(""), o.limitBytes));
      cursors.push({ stream: s, last: seenUpTo(containerLogs(view, s.pod, s.container) ?? []) });
    }
    if (o.follow && !o.previous) follow(c, cursors, o, io);
    return 0;
  },
});

/** The pods to read: those -l selects (undefined when none), or the one the argument names. */
function targetPods(c: Cluster, o: Options, io: IOStreams): KubeObject[] | undefined {
  if (o.selector !== "") {
    const selector = parseSelector(o.selector);
    const pods = c.api.list("Pod", o.namespace).filter((p) => matches(selector, p.metadata.labels));
    return pods.length > 0 ? pods : undefined;
  }
  if (o.allPods) return selectedPods(c, o.target, o.namespace);
  const picked = pickPod(c, o.target, o.namespace, o.podRunningTimeout, forLogs);
  if (picked.count > 1) io.err.write(`Found ${picked.count} pods, using pod/${picked.pod.metadata.name}\n`);
  return [picked.pod];
}

/** The containers to read in one pod: all of them (init, regular, ephemeral), or the chosen one. */
function streamsOf(pod: KubeObject, o: Options, io: IOStreams): Stream[] {
  const name = pod.metadata.name;
  const stream = (container: string): Stream => ({ pod, container, prefix: o.prefix ? `[pod/${name}/${container}] ` : "" });
  if (o.allContainers) {
    const names = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((x: { name: string }) => x.name);
    return names.map(stream);
  }
  const container = defaultContainer(pod, o.container, io.err);
  if (!hasContainer(pod, container)) throw new UsageError(`container ${o.container} is not valid for pod ${name}`);
  return [stream(container)];
}

/** Where a followed stream is: the instant of the last line printed and how many lines at it. */
interface Cursor {
  readonly stream: Stream;
  last: { at: number; count: number };
}

/** Everything up to the log's last line counts as seen (--tail and --since only trim the start). */
function seenUpTo(all: readonly LogLine[]): { at: number; count: number } {
  if (all.length === 0) return { at: -Infinity, count: 0 };
  const at = all[all.length - 1].at;
  return { at, count: all.filter((l) => l.at === at).length };
}

function unseen(lines: readonly LogLine[], last: { at: number; count: number }): LogLine[] {
  let sameAt = 0;
  return lines.filter((l) => {
    if (l.at < last.at) return false;
    if (l.at === last.at) return ++sameAt > last.count;
    return true;
  });
}

/** A followed stream lasts while the same container instance runs (the log file stays open). */
function running(view: ClusterView, s: Stream): boolean {
  const pod = view.get(`Pod/${s.pod.metadata.namespace}/${s.pod.metadata.name}`);
  if (!pod || pod.metadata.uid !== s.pod.metadata.uid) return false;
  const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])] as { name: string; state?: { running?: object } }[];
  return statuses.find((x) => x.name === s.container)?.state?.running !== undefined;
}

/** Prints each stream's new lines at every instant the cluster settles, until all have ended. */
function follow(c: Cluster, cursors: Cursor[], o: Options, io: IOStreams): void {
  const view = viewOf(c.store, c.runtime);
  const step = () => {
    for (const cur of cursors) {
      const all = containerLogs(view, cur.stream.pod, cur.stream.container) ?? [];
      for (const l of unseen(all, cur.last)) io.out.write(formatLine(l, { timestamps: o.timestamps, prefix: cur.stream.prefix }));
      cur.last = seenUpTo(all);
    }
  };
  c.advanceUntil(() => cursors.every((cur) => !running(view, cur.stream)), FOLLOW_BOUND, step);
  step();
}

function limit(text: string, bytes: number): string {
  if (bytes <= 0) return text;
  return Buffer.from(text, "utf8").subarray(0, bytes).toString("utf8");
}
