// Setting one pod condition the way podutil.UpdatePodCondition does: lastTransitionTime moves
// only when the status flips; an unchanged condition is no change at all.

import type { Condition, KubeObject } from "../api/types";
import type { Instant } from "../sim/time";
import { toRFC3339 } from "../sim/time";

export interface PodConditionChange {
  readonly type: string;
  readonly status: "True" | "False" | "Unknown";
  readonly reason?: string;
  readonly message?: string;
}

/** The pod's conditions with `want` set, or undefined when the pod already has it. */
export function withPodCondition(pod: KubeObject, want: PodConditionChange, now: Instant): Condition[] | undefined {
  const conditions = (pod.status?.conditions ?? []) as Condition[];
  const i = conditions.findIndex((c) => c.type === want.type);
  const old = i >= 0 ? conditions[i] : undefined;
  if (old && old.status === want.status && old.reason === want.reason && old.message === want.message) return undefined;
  const next: Condition = {
    type: want.type,
    status: want.status,
    lastProbeTime: null,
    lastTransitionTime: old && old.status === want.status ? old.lastTransitionTime : toRFC3339(now),
    ...(want.reason !== undefined && { reason: want.reason }),
    ...(want.message !== undefined && { message: want.message }),
  };
  return i >= 0 ? conditions.map((c, j) => (j === i ? next : c)) : [...conditions, next];
}
