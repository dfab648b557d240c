// kubesim sim load TARGET [--cpu X] [--memory Y] [-c CONTAINER]: sets the simulated resource use
// of a pod's containers, or of every pod a workload selects (DESIGN.md, simulation verbs). The
// use is kept in the kubelet's runtime record (kubelet/usage.ts): `kubectl top` and the HPA read
// it, and a container whose memory goes over its limit is OOM-killed (kubelet/oom.ts).

import { defineVerb } from "../../verb";
import { UsageError, notFound } from "../../../api/errors";
import type { KubeObject } from "../../../api/types";
import { milliValue, parseQuantity, wholeValue } from "../../../api/quantity";
import { matches } from "../../../api/selectors";
import { pluralDotGroup } from "../../../api/registry";
import { viewOf } from "../../../api/store/view";
import type { Cluster } from "../../../sim/cluster";
import type { LoadSpec } from "../../../kubelet/usage";
import { setUsage } from "../../../kubelet/usage";
import { KUBELET } from "../../../kubelet/sync-pod";
import { resolveType } from "../../flags/resources";
import { selectorForObject } from "../logs/pick-pod";

interface Flags {
  cpu?: string;
  memory?: string;
  container?: string;
}

interface Options {
  target: string;
  load: LoadSpec;
  cpu?: string;
  memory?: string;
  container: string;
  namespace: string;
}

const HINT = { hint: "See 'kubesim sim load -h' for help and examples" };
const WORKLOADS = new Set(["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController"]);

export default defineVerb<Flags, Options>({
  name: "sim load",
  help: {
    short: "Set simulated CPU and memory use of a pod or a workload's pods",
    long: `Set how much CPU and memory the containers of a pod use, or of every pod a Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or ReplicationController selects.

 The use stays until changed (a restarted container takes it again); pods created later start idle. 'kubectl top' and the HorizontalPodAutoscaler read it, and a container whose memory use goes over its memory limit is killed by the OOM killer (reason OOMKilled, exit code 137) and restarted per the pod's restartPolicy. Use --cpu 0 --memory 0 to remove the load.`,
    example: `  # Every pod of deployment php-apache uses half a CPU
  kubesim sim load deployment/php-apache --cpu 500m

  # Container app of pod web uses 200Mi of memory (OOM-killed if its limit is lower)
  kubesim sim load pod/web -c app --memory 200Mi`,
    usage: "sim load TARGET [--cpu X] [--memory Y] [-c CONTAINER]",
  },
  define(cmd) {
    cmd.option("--cpu <quantity>", "CPU each container uses, e.g. 250m or 1.5");
    cmd.option("--memory <quantity>", "Memory each container uses, e.g. 64Mi or 1Gi");
    cmd.option("-c, --container <name>", "Only this container (default: every container of the pod)", "");
    cmd.argument("[target...]");
  },
  complete(flags, args, env) {
    if (args.length !== 1) throw new UsageError("expected exactly one TARGET, e.g. kubesim sim load deployment/web --cpu 500m", HINT);
    if (flags.cpu === undefined && flags.memory === undefined) throw new UsageError("at least one of --cpu or --memory is required", HINT);
    const load: { cpuMilli?: number; memoryBytes?: number } = {};
    if (flags.cpu !== undefined) load.cpuMilli = milliValue(quantity(flags.cpu, "--cpu"));
    if (flags.memory !== undefined) load.memoryBytes = wholeValue(quantity(flags.memory, "--memory"));
    return { target: args[0], load, ...(flags.cpu !== undefined && { cpu: flags.cpu }), ...(flags.memory !== undefined && { memory: flags.memory }), container: flags.container ?? "", namespace: env.namespace };
  },
  validate() {},
  run(o, cluster, io) {
    const c = cluster!;
    const pods = targetPods(c, o.target, o.namespace);
    if (o.container !== "") {
      for (const p of pods) {
        if (!((p.spec?.containers ?? []) as { name: string }[]).some((x) => x.name === o.container)) {
          throw new UsageError(`container ${o.container} is not valid for pod ${p.metadata.name}`);
        }
      }
    }
    const what = [o.cpu !== undefined && `cpu ${o.cpu}`, o.memory !== undefined && `memory ${o.memory}`].filter(Boolean).join(", ");
    for (const pod of pods) {
      const writes = setUsage(viewOf(c.store, c.runtime), pod, o.container ? [o.container] : [], o.load, c.now);
      if (writes.length === 0) {
        io.err.write(`warning: pod/${pod.metadata.name} has not started yet: no load set\n`);
        continue;
      }
      for (const w of writes) c.runtime.set(w.podUid, w.record);
      c.runtimeWrites++;
      // The kubelet looks at once (an OOM kill happens now, not at its next sync).
      c.agenda.add({ due: c.now, component: KUBELET, key: `Pod/${o.namespace}/${pod.metadata.name}` });
      io.out.write(`pod/${pod.metadata.name} load set (${what})\n`);
    }
    return 0;
  },
});

function quantity(text: string, flag: string): string {
  const v = parseQuantity(text);
  if (v === undefined || v < 0) throw new UsageError(`invalid ${flag} "${text}": expected a quantity such as ${flag === "--cpu" ? "250m or 1.5" : "64Mi or 1Gi"}`, HINT);
  return text;
}

/** NAME or pod/NAME: that pod; TYPE/NAME of a workload: the pods its selector matches, by name. */
function targetPods(c: Cluster, target: string, namespace: string): KubeObject[] {
  const slash = target.indexOf("/");
  const info = resolveType(slash < 0 ? "pods" : target.slice(0, slash));
  const name = slash < 0 ? target : target.slice(slash + 1);
  if (info.kind !== "Pod" && !WORKLOADS.has(info.kind)) throw new UsageError(`sim load works on pods and workloads with pods, not ${pluralDotGroup(info)}`, HINT);
  const obj = c.api.tryGet(info.kind, namespace, name);
  if (!obj) throw notFound(pluralDotGroup(info), name);
  if (obj.kind === "Pod") return [obj];
  const selector = selectorForObject(obj);
  const pods = c.api
    .list("Pod", namespace)
    .filter((p) => matches(selector, p.metadata.labels) && !p.metadata.deletionTimestamp)
    .sort((a, b) => ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1));
  if (pods.length === 0) throw new UsageError(`no pods found for ${info.singular}/${name}`);
  return pods;
}
