// Pod predicates every workload controller shares.
// Ports of pkg/controller/controller_utils.go (IsPodActive; the ReplicaSet controller filters
// with it as FilterActivePods does) and pkg/api/v1/pod/util.go (IsPodReady, IsPodAvailable,
// GetPodReadyCondition), kubernetes v1.32.
// Each runs for every pod at every sync of its controller: they loop rather than pass a
// closure to find(), which made an object per call.

import type { Condition, KubeObject } from "../../api/types";
import type { Instant } from "../../sim/time";
import { parseInstant } from "../../sim/time";

/** Not terminal (Succeeded/Failed) and not being deleted. */
export function isPodActive(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return phase !== "Succeeded" && phase !== "Failed" && !pod.metadata.deletionTimestamp;
}

export function getPodReadyCondition(pod: KubeObject): Condition | undefined {
  const conditions = pod.status?.conditions as Condition[] | undefined;
  if (conditions) for (const c of conditions) if (c.type === "Ready") return c;
  return undefined;
}

/** The pod's Ready condition is True. */
export function isPodReady(pod: KubeObject): boolean {
  return getPodReadyCondition(pod)?.status === "True";
}

/** When the Ready condition last turned True (undefined when not ready or unknown). */
export function podReadySince(pod: KubeObject): Instant | undefined {
  const c = getPodReadyCondition(pod);
  if (c?.status !== "True" || !c.lastTransitionTime) return undefined;
  return parseInstant(c.lastTransitionTime);
}

/**
 * Ready, and ready for longer than minReadySeconds: Ready.lastTransitionTime + minReadySeconds
 * is strictly before now (upstream uses time.Before).
 */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, now: Instant): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const since = podReadySince(pod);
  return since !== undefined && since + minReadySeconds * 1000 < now;
}

/**
 * The instant a ready pod becomes available: the first simulated millisecond after
 * lastTransitionTime + minReadySeconds (undefined if not ready, or already available).
 */
export function availableAt(pod: KubeObject, minReadySeconds: number, now: Instant): Instant | undefined {
  if (!isPodReady(pod) || !minReadySeconds || isPodAvailable(pod, minReadySeconds, now)) return undefined;
  const since = podReadySince(pod);
  return since === undefined ? undefined : ((since + minReadySeconds * 1000 + 1) as Instant);
}

/** The controlling owner reference (controller: true), if any. */
export function getControllerOf(obj: KubeObject) {
  const refs = obj.metadata.ownerReferences;
  if (refs) for (const r of refs) if (r.controller === true) return r;
  return undefined;
}
