// Job conditions: newCondition, ensureJobConditionStatus and IsJobFinished from
// pkg/controller/job/job_controller.go (v1.32). Job conditions carry both lastProbeTime and
// lastTransitionTime, set together.

import type { Condition, KubeObject } from "../../api/types";

export function newCondition(type: string, status: Condition["status"], reason: string, message: string, now: string): Condition {
  return { type, status, lastProbeTime: now, lastTransitionTime: now, reason, message };
}

/** The condition of the type when its status is True. */
export function trueCondition(job: KubeObject, type: string): Condition | undefined {
  return ((job.status?.conditions ?? []) as Condition[]).find((c) => c.type === type && c.status === "True");
}

/** IsJobFinished: Complete or Failed is True. */
export function isJobFinished(job: KubeObject): boolean {
  return trueCondition(job, "Complete") !== undefined || trueCondition(job, "Failed") !== undefined;
}

/**
 * ensureJobConditionStatus: a differing condition of the type is replaced in place; a missing
 * one is appended unless its status would be False. Returns undefined when nothing changed.
 */
export function ensureCondition(list: readonly Condition[], type: string, status: Condition["status"], reason: string, message: string, now: string): Condition[] | undefined {
  const i = list.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = list[i];
    if (c.status === status && c.reason === reason && c.message === message) return undefined;
    const next = [...list];
    next[i] = newCondition(type, status, reason, message, now);
    return next;
  }
  if (status === "False") return undefined;
  return [...list, newCondition(type, status, reason, message, now)];
}
