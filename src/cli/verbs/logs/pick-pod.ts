// Which pod `kubectl logs TYPE/NAME` and `kubectl exec TYPE/NAME` talk to
// (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/helpers.go GetFirstPod, and
// pkg/util/podutils ByLogging / ActivePods): the pods the object selects, sorted, first one.

import type { KubeObject } from "../../../api/types";
import type { Selector } from "../../../api/selectors";
import { fromLabelSelector, fromMap, matches } from "../../../api/selectors";
import { StatusError, UsageError, notFound } from "../../../api/errors";
import { pluralDotGroup } from "../../../api/registry";
import type { Cluster } from "../../../sim/cluster";
import type { Duration } from "../../../sim/time";
import { parseInstant } from "../../../sim/time";
import kubectl from "../../../../quotes/kubectl.json";
import { isPodReady, podReadySince } from "../../../controllers/shared/controller-utils";
import { resolveType } from "../../flags/resources";

export type PodOrder = (a: KubeObject, b: KubeObject) => number;

/** The pod an argument names, and how many pods the controller had (0 for a pod argument). */
export interface PickedPod {
  readonly pod: KubeObject;
  readonly count: number;
}

/**
 * How a verb picks one pod of a controller, and what it says for a kind with no pod selector:
 * logsforobject.go sorts by ByLogging and says "cannot get the logs from"; attachablepodforobject.go
 * (exec, attach, cp) takes the most active pod and says "cannot attach to".
 */
export interface PodChoice {
  readonly order: PodOrder;
  readonly cannot: string;
}

/** SelectorsForObject: the label selector of a workload or Service. */
export function selectorForObject(obj: KubeObject, cannot = "cannot get the logs from"): Selector {
  switch (obj.kind) {
    case "ReplicationController":
    case "Service":
      return fromMap(obj.spec?.selector);
    case "ReplicaSet":
    case "Deployment":
    case "StatefulSet":
    case "DaemonSet":
    case "Job":
      return fromLabelSelector(obj.spec?.selector) ?? [];
    default: {
      // kubectl's own words for a kind without pods: SelectorsForObject's error as its caller
      // quotes it (the wording is kept in quotes/kubectl.json).
      const goType = `*v1.${obj.kind}`;
      throw new UsageError(`${cannot} ${goType}: ${kubectl.selectorsForObject.format.replace("%T", goType)}`);
    }
  }
}

/**
 * Resolves `NAME` (a pod) or `TYPE/NAME`. For a controller it waits (on the simulated clock) up to
 * `timeout` for a selected pod to exist, then picks the first pod in `order`.
 */
export function pickPod(cluster: Cluster, arg: string, namespace: string, timeout: Duration, choice: PodChoice): PickedPod {
  const slash = arg.indexOf("/");
  const info = slash < 0 ? resolveType("pods") : resolveType(arg.slice(0, slash));
  const name = slash < 0 ? arg : arg.slice(slash + 1);
  const obj = cluster.api.tryGet(info.kind, namespace, name);
  if (!obj) throw notFound(pluralDotGroup(info), name);
  if (obj.kind === "Pod") return { pod: obj, count: 0 };
  const selector = selectorForObject(obj, choice.cannot);
  const selected = (): KubeObject[] => cluster.api.list("Pod", namespace).filter((p) => matches(selector, p.metadata.labels));
  if (selected().length === 0) {
    cluster.advanceUntil(() => selected().length > 0, timeout);
  }
  const pods = selected().sort(choice.order);
  if (pods.length === 0) throw new UsageError("timed out waiting for the condition");
  return { pod: pods[0], count: pods.length };
}

// Go's map lookups: a phase missing from the map (Succeeded, Failed) reads as 0, so a finished
// Job pod ranks with Running pods for logs and with Pending pods for exec.
const LOGGING_PHASE: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
const ACTIVE_PHASE: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const rank = (table: Record<string, number>, pod: KubeObject): number => table[pod.status?.phase] ?? 0;

function maxRestarts(pod: KubeObject): number {
  const statuses = (pod.status?.containerStatuses ?? []) as { restartCount?: number }[];
  return Math.max(0, ...statuses.map((s) => s.restartCount ?? 0));
}

function created(pod: KubeObject): number {
  return parseInstant(pod.metadata.creationTimestamp ?? "") ?? Number.POSITIVE_INFINITY;
}

const assigned = (p: KubeObject): boolean => Boolean(p.spec?.nodeName);

/** podutils.ByLogging: the pod most worth reading logs from first. */
const byLogging: PodOrder = (a, b) => {
  if (assigned(a) !== assigned(b)) return assigned(a) ? -1 : 1;
  const pa = rank(LOGGING_PHASE, a);
  const pb = rank(LOGGING_PHASE, b);
  if (pa !== pb) return pa - pb;
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? -1 : 1;
  if (isPodReady(a) && isPodReady(b)) {
    const ra = podReadySince(a) ?? Number.POSITIVE_INFINITY;
    const rb = podReadySince(b) ?? Number.POSITIVE_INFINITY;
    if (ra !== rb) return ra - rb;
  }
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
  return created(a) - created(b);
};

/** sort.Reverse(podutils.ActivePods): the most active pod first (what exec and attach use). */
const mostActive: PodOrder = (a, b) => {
  if (assigned(a) !== assigned(b)) return assigned(a) ? -1 : 1;
  const pa = rank(ACTIVE_PHASE, a);
  const pb = rank(ACTIVE_PHASE, b);
  if (pa !== pb) return pb - pa;
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? -1 : 1;
  if (isPodReady(a) && isPodReady(b)) {
    const ra = podReadySince(a) ?? Number.POSITIVE_INFINITY;
    const rb = podReadySince(b) ?? Number.POSITIVE_INFINITY;
    if (ra !== rb) return ra - rb;
  }
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) - maxRestarts(b);
  return created(a) - created(b);
};

/** What `logs TYPE/NAME` reads, and what exec, attach and cp run in. */
export const forLogs: PodChoice = { order: byLogging, cannot: "cannot get the logs from" };
export const forAttach: PodChoice = { order: mostActive, cannot: "cannot attach to" };

/** --all-pods: every pod the object selects (a pod argument is just itself), by name. */
export function selectedPods(cluster: Cluster, arg: string, namespace: string): KubeObject[] {
  const slash = arg.indexOf("/");
  const info = slash < 0 ? resolveType("pods") : resolveType(arg.slice(0, slash));
  const name = slash < 0 ? arg : arg.slice(slash + 1);
  const obj = cluster.api.tryGet(info.kind, namespace, name);
  if (!obj) throw notFound(pluralDotGroup(info), name);
  if (obj.kind === "Pod") return [obj];
  const selector = selectorForObject(obj);
  return cluster.api.list("Pod", namespace).filter((p) => matches(selector, p.metadata.labels));
}
