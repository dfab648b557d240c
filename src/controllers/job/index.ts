// The Job controller: runs pods to completion. Port of syncJob and
// trackJobStatusAndRemoveFinalizers (pkg/controller/job/job_controller.go, v1.32): count the
// finished pods and take off their tracking finalizers, fail the Job past its back-off limit or
// deadline, keep the wanted number of pods active, and (1.31+) record the interim condition
// (SuccessCriteriaMet, FailureTarget) first and Complete or Failed once no pod is terminating.

import type { Condition, KubeObject, ObjectKey } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import { fromLabelSelector, matches } from "../../api/selectors";
import type { Duration, Instant } from "../../sim/time";
import { duration, parseInstant, toRFC3339 } from "../../sim/time";
import type { Rng } from "../../sim/random";
import type { Controller, EventNote, Outcome, Write } from "../types";
import { NOTHING, owner, self } from "../types";
import { getControllerOf, isPodReady } from "../shared/controller-utils";
import { claimCandidates, claimObjects } from "../shared/owner-refs";
import { sameJSON } from "../shared/canonical";
import { existenceChanged } from "../shared/change-predicates";
import { formatIndexes, getCompletionIndex, parseIndexes } from "./completion-index";
import { ensureCondition, isJobFinished, trueCondition } from "./job-conditions";
import { JOB_CONTROLLER, deletePods, manageJob, note } from "./manage-pods";
import { accountPods, hasTrackingFinalizer, releaseFinalizer } from "./pod-accounting";

export { JOB_CONTROLLER } from "./manage-pods";
export { jobOrphanPodController } from "./orphan-pods";

const JOB_OF_POD = owner("Pod", "Job");

/** How the Job ends, once decided. */
interface Finish {
  readonly type: "Complete" | "Failed";
  readonly reason: string;
  readonly message: string;
}

export const jobController: Controller = {
  name: JOB_CONTROLLER,
  primary: "Job",
  // A Job removed is not synced (its pods' finalizers are orphan-pods.ts's): neither its removal
  // nor its pods' changes after it wake it.
  wakeOn: [
    { ...self("Job"), concerns: (_before, after) => after !== undefined },
    {
      kind: "Pod",
      concerns: (before, after) => isJobPod((after ?? before)!) && podChangeCounts(before, after),
      keysFor: (pod, view) => JOB_OF_POD.keysFor(pod, view).filter((key) => view.get(key) !== undefined),
    },
  ],
  // Its status is counted from the pods and its own conditions: a sync after a write of the
  // status alone finds the same (time-dependent rules come back through requeueAfter).
  derivedStatus: true,
  reconcile: (view, key, now, rng) => syncJob(view, key, now, rng),
};

export function syncJob(view: ClusterView, key: ObjectKey, now: Instant, rng: Rng): Outcome {
  const job = view.get(key);
  if (!job) return NOTHING; // its pods' finalizers are orphan-pods.ts's
  const selector = fromLabelSelector(job.spec?.selector);
  if (!selector || selector.length === 0) return NOTHING;
  const { claimed: pods, writes: claimWrites } = claimObjects(job, claimCandidates(view, job, "Pod"), (p) => matches(selector, p.metadata.labels));
  // A finished Job's pods no longer need counting: their finalizers just come off.
  if (isJobFinished(job)) return { writes: [...claimWrites, ...pods.filter(hasTrackingFinalizer).map(releaseFinalizer)], events: [] };

  const writes: Write[] = [...claimWrites];
  const events: EventNote[] = [];
  const nowText = toRFC3339(now);
  const suspended = job.spec?.suspend === true;
  const indexed = job.spec?.completionMode === "Indexed";
  const completions: number | undefined = job.spec?.completions ?? undefined;
  let startTime: string | undefined = job.status?.startTime;
  if (!startTime && !suspended) startTime = nowText;
  let conditions: Condition[] = [...((job.status?.conditions ?? []) as Condition[])];
  const setCondition = (type: string, status: Condition["status"], reason: string, message: string): boolean => {
    const next = ensureCondition(conditions, type, status, reason, message, nowText);
    if (next) conditions = next;
    return next !== undefined;
  };

  const completedIndexes = indexed ? parseIndexes(job.status?.completedIndexes, completions ?? 0) : new Set<number>();
  const acct = accountPods(job, pods, completedIndexes);
  if (indexed) for (const pod of acct.newlySucceeded) completedIndexes.add(getCompletionIndex(pod)!);
  const succeeded = indexed ? completedIndexes.size : (job.status?.succeeded ?? 0) + acct.newlySucceeded.length;
  const failed = (job.status?.failed ?? 0) + acct.newlyFailed.length;
  const ready = acct.active.filter(isPodReady).length;
  let active = acct.active.length;
  let terminating = acct.terminating;
  const requeues: Duration[] = [];

  let finish = finishFromConditions(job);
  if (!finish) {
    const deadline = activeDeadline(job, startTime, suspended);
    if (failed > (job.spec?.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, pods)) {
      finish = { type: "Failed", reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit" };
    } else if (deadline !== undefined && now >= deadline) {
      finish = { type: "Failed", reason: "DeadlineExceeded", message: "Job was active longer than specified deadline" };
    } else if (deadline !== undefined) requeues.push(duration(deadline - now));
  }

  if (finish?.type === "Failed") {
    // The interim FailureTarget records why before the remaining pods are deleted.
    setCondition("FailureTarget", "True", finish.reason, finish.message);
    const deleted = deletePods(job, acct.active, writes, events);
    active -= deleted;
    terminating += deleted;
  } else if (!finish) {
    const manageCalled = !job.metadata.deletionTimestamp;
    if (manageCalled) {
      const jp = { pods, active: acct.active, terminating: acct.terminating, succeeded, completedIndexes };
      const managed = manageJob(job, jp, view, now, rng, writes, events);
      active = managed.active;
      if (managed.requeueAfter !== undefined) requeues.push(managed.requeueAfter);
    }
    // A work queue is done once one pod succeeded and none is left running.
    const complete = completions === undefined ? succeeded > 0 && active === 0 : succeeded >= completions && active === 0;
    if (complete) {
      finish = { type: "Complete", reason: "CompletionsReached", message: "Reached expected number of succeeded pods" };
      setCondition("SuccessCriteriaMet", "True", finish.reason, finish.message);
    } else if (manageCalled && suspended) {
      if (setCondition("Suspended", "True", "JobSuspended", "Job suspended")) events.push(note(job, "Suspended", "Job suspended"));
    } else if (manageCalled && setCondition("Suspended", "False", "JobResumed", "Job resumed")) {
      events.push(note(job, "Resumed", "Job resumed"));
      // The deadline counts the time the Job has been continuously active.
      startTime = nowText;
    }
  }

  let completionTime: string | undefined = job.status?.completionTime;
  // enactJobFinished: the terminal condition waits until no pod is terminating.
  if (finish && terminating === 0) {
    setCondition(finish.type, "True", finish.reason, finish.message);
    if (finish.type === "Complete") {
      completionTime = nowText;
      events.push(note(job, "Completed", "Job completed"));
    } else events.push(note(job, finish.reason, finish.message, "Warning"));
  }

  writes.push(...acct.release.map(releaseFinalizer));
  const status = jobStatus({ conditions, startTime, completionTime, active, succeeded, failed, terminating, ready, completedIndexes: indexed ? formatIndexes(completedIndexes) : undefined });
  if (!sameJSON(status, job.status ?? {})) writes.push({ op: "updateStatus", object: { ...job, status } });
  const requeueAfter = requeues.length > 0 ? duration(Math.max(1, Math.min(...requeues))) : undefined;
  return requeueAfter === undefined ? { writes, events } : { writes, events, requeueAfter };
}

/** A pod a Job controls: the only pods whose changes can concern this controller. */
function isJobPod(pod: KubeObject): boolean {
  return getControllerOf(pod)?.kind === "Job";
}

/**
 * The pod changes a sync reads: a pod appearing or going, its deletion, phase, readiness,
 * restarts (OnFailure's retries) and labels. Other status writes change nothing, nor does the
 * tracking finalizer coming off (the sync that took it off counted the pod).
 */
function podChangeCounts(before: KubeObject | undefined, after: KubeObject | undefined): boolean {
  if (existenceChanged(before, after)) return true;
  const [b, a] = [before!, after!];
  if (b.metadata.labels !== a.metadata.labels) return true;
  // The same status object (a metadata-only write) has the same phase, readiness and restarts.
  return b.status !== a.status && (b.status?.phase !== a.status?.phase || isPodReady(b) !== isPodReady(a) || restartCount(b) !== restartCount(a));
}

function restartCount(pod: KubeObject): number {
  let n = 0;
  for (const s of pod.status?.initContainerStatuses ?? []) n += s.restartCount ?? 0;
  for (const s of pod.status?.containerStatuses ?? []) n += s.restartCount ?? 0;
  return n;
}

/** A Job whose interim condition is set finishes the way it says. */
function finishFromConditions(job: KubeObject): Finish | undefined {
  const target = trueCondition(job, "FailureTarget");
  if (target) return { type: "Failed", reason: target.reason ?? "", message: target.message ?? "" };
  const met = trueCondition(job, "SuccessCriteriaMet");
  if (met) return { type: "Complete", reason: met.reason ?? "", message: met.message ?? "" };
  return undefined;
}

/** The instant activeDeadlineSeconds runs out, for a running Job that has one. */
function activeDeadline(job: KubeObject, startTime: string | undefined, suspended: boolean): Instant | undefined {
  const seconds = job.spec?.activeDeadlineSeconds;
  const start = parseInstant(startTime ?? "");
  if (typeof seconds !== "number" || start === undefined || suspended) return undefined;
  return (start + seconds * 1000) as Instant;
}

/**
 * pastBackoffLimitOnFailure: under OnFailure the kubelet restarts containers in place, so the
 * restarts of the running and pending pods are the retries.
 */
function pastBackoffLimitOnFailure(job: KubeObject, pods: readonly KubeObject[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== "OnFailure") return false;
  let restarts = 0;
  for (const pod of pods) {
    const phase = pod.status?.phase;
    if (phase !== "Running" && phase !== "Pending") continue;
    restarts += restartCount(pod);
  }
  const limit = job.spec?.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}


interface StatusFields {
  readonly conditions: readonly Condition[];
  readonly startTime?: string;
  readonly completionTime?: string;
  readonly active: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly terminating: number;
  readonly ready: number;
  readonly completedIndexes?: string;
}

/** JobStatus in Go's field order; zero counts omitted, ready and terminating always set. */
function jobStatus(f: StatusFields): Record<string, unknown> {
  const status: Record<string, unknown> = {};
  if (f.conditions.length > 0) status.conditions = f.conditions;
  if (f.startTime) status.startTime = f.startTime;
  if (f.completionTime) status.completionTime = f.completionTime;
  if (f.active > 0) status.active = f.active;
  if (f.succeeded > 0) status.succeeded = f.succeeded;
  if (f.failed > 0) status.failed = f.failed;
  status.terminating = f.terminating;
  if (f.completedIndexes) status.completedIndexes = f.completedIndexes;
  status.uncountedTerminatedPods = {};
  status.ready = f.ready;
  return status;
}
