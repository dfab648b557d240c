// Which of a Job's pods count for what: trackJobStatusAndRemoveFinalizers' classification and
// the pod failure back-off (isPodFailed, getFinishedTime, newBackoffRecord and
// getRemainingTime in pkg/controller/job, v1.32). Upstream remembers the back-off in memory;
// kubesim reads it again from the pods, which outlive their counting.

import type { Condition, KubeObject } from "../../api/types";
import type { Duration, Instant } from "../../sim/time";
import { duration, parseInstant } from "../../sim/time";
import { isPodActive } from "../shared/controller-utils";
import type { Write } from "../types";
import { getCompletionIndex } from "./completion-index";

/** The finalizer that keeps a finished pod until its outcome is counted. */
export const JOB_TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking";

/** DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff. */
const INITIAL_BACKOFF_MS = 10_000;
const MAX_BACKOFF_MS = 600_000;

export interface PodAccount {
  /** Not finished and not being deleted. */
  readonly active: KubeObject[];
  /** Being deleted and not yet finished. */
  readonly terminating: number;
  /** Finished pods (or deleted ones counted as failed) whose outcome is counted now. */
  readonly newlySucceeded: KubeObject[];
  readonly newlyFailed: KubeObject[];
  /** Every pod whose tracking finalizer comes off now (the counted ones, and repeated indexes). */
  readonly release: KubeObject[];
}

/** onlyReplaceFailedPods: a terminating pod is replaced only once it has failed. */
export function onlyReplaceFailedPods(job: KubeObject): boolean {
  return job.spec?.podReplacementPolicy === "Failed" || job.spec?.podFailurePolicy != null;
}

/**
 * isPodFailed: a Failed pod; under TerminatingOrFailed also a deleted pod that did not
 * succeed, as an orphaned pod may never reach a phase.
 */
export function isPodFailed(pod: KubeObject, job: KubeObject): boolean {
  const phase = pod.status?.phase;
  if (phase === "Failed") return true;
  if (onlyReplaceFailedPods(job)) return false;
  return Boolean(pod.metadata.deletionTimestamp) && phase !== "Succeeded";
}

export const hasTrackingFinalizer = (pod: KubeObject): boolean => (pod.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);

/** The update that takes the tracking finalizer off a pod (removeTrackingFinalizerPatch). */
export function releaseFinalizer(pod: KubeObject): Write {
  const finalizers = (pod.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER);
  const metadata: KubeObject["metadata"] = { ...pod.metadata, finalizers };
  if (finalizers.length === 0) delete metadata.finalizers;
  return { op: "update", object: { ...pod, metadata } };
}

/** Sorts the Job's pods into active, terminating and those to count now. */
export function accountPods(job: KubeObject, pods: readonly KubeObject[], completedIndexes: ReadonlySet<number>): PodAccount {
  const active: KubeObject[] = [];
  const newlySucceeded: KubeObject[] = [];
  const newlyFailed: KubeObject[] = [];
  const release: KubeObject[] = [];
  let terminating = 0;
  const indexed = job.spec?.completionMode === "Indexed";
  const completions = job.spec?.completions ?? 0;
  const seenIndexes = new Set(completedIndexes);
  for (const pod of pods) {
    const phase = pod.status?.phase;
    if (isPodActive(pod)) active.push(pod);
    else if (pod.metadata.deletionTimestamp && phase !== "Succeeded" && phase !== "Failed") terminating++;
    if (!hasTrackingFinalizer(pod)) continue;
    if (phase === "Succeeded") {
      release.push(pod);
      // For an Indexed Job the index is enough to avoid counting a success twice.
      const ix = indexed ? getCompletionIndex(pod) : undefined;
      if (!indexed) newlySucceeded.push(pod);
      else if (ix !== undefined && ix < completions && !seenIndexes.has(ix)) {
        seenIndexes.add(ix);
        newlySucceeded.push(pod);
      }
    } else if (isPodFailed(pod, job)) {
      release.push(pod);
      newlyFailed.push(pod);
    }
  }
  return { active, terminating, newlySucceeded, newlyFailed, release };
}

/**
 * getFinishedTime: the last container exit, else the Ready=False transition of a finished pod,
 * else its deletion (an orphan that never ran), else now.
 */
export function finishedAt(pod: KubeObject, now: Instant): Instant {
  let last: Instant | undefined;
  for (const s of (pod.status?.containerStatuses ?? []) as any[]) {
    const t = parseInstant(s.state?.terminated?.finishedAt ?? "");
    if (t !== undefined && (last === undefined || t > last)) last = t;
  }
  if (last !== undefined) return last;
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") {
    const ready = ((pod.status?.conditions ?? []) as Condition[]).find((c) => c.type === "Ready");
    const t = ready?.status === "False" ? parseInstant(ready.lastTransitionTime ?? "") : undefined;
    if (t !== undefined) return t;
  }
  return parseInstant(pod.metadata.deletionTimestamp ?? "") ?? now;
}

/**
 * How long to wait before creating a replacement: 10s doubled per failure since the last
 * success, at most 10 minutes, counted from the last failure's finish.
 */
export function backoffRemaining(job: KubeObject, pods: readonly KubeObject[], now: Instant): Duration {
  const finished = pods
    .filter((p) => p.status?.phase === "Succeeded" || isPodFailed(p, job))
    .map((p) => ({ failed: p.status?.phase !== "Succeeded", at: finishedAt(p, now) }))
    .sort((a, b) => a.at - b.at);
  let failures = 0;
  let lastFailure = 0;
  for (const f of finished) {
    if (!f.failed) failures = 0;
    else {
      failures++;
      lastFailure = f.at;
    }
  }
  if (failures === 0) return duration(0);
  const backoff = Math.min(INITIAL_BACKOFF_MS * 2 ** (failures - 1), MAX_BACKOFF_MS);
  return duration(Math.max(0, backoff - (now - lastFailure)));
}
