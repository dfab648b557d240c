// The CronJob controller: creates a Job at each scheduled time. Port of sync, syncCronJob,
// cleanupFinishedJobs and getJobFromTemplate2 (pkg/controller/cronjob/cronjob_controllerv2.go,
// v1.32). The Job it creates joins status.active in the status update that follows the create,
// made from the create's response (Write.afterCreate).

import type { KubeObject, ObjectKey } from "../../api/types";
import { objectKey } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import type { Duration, Instant } from "../../sim/time";
import { duration, parseInstant, toRFC1123Z, toRFC3339 } from "../../sim/time";
import type { Controller, EventNote, OnRejected, Outcome, RejectedWrite, Write } from "../types";
import { NOTHING, owner, self } from "../types";
import { getControllerOf } from "../shared/controller-utils";
import { newControllerRef } from "../shared/owner-refs";
import { sameJSON } from "../shared/canonical";
import { existenceChanged } from "../shared/change-predicates";
import { loadLocationError } from "../../api/validation/semantics/cron-schedule";
import { trueCondition } from "../job/job-conditions";
import type { Schedule } from "./schedule";
import { mostRecentScheduleTime, parseSchedule } from "./schedule";
import { rfc3339InZone } from "./zone-time";

export const CRONJOB_CONTROLLER = "cronjob-controller";
/** nextScheduleDelta: come back just after the scheduled second. */
const NEXT_SCHEDULE_DELTA_MS = 100;
export const SCHEDULED_TIMESTAMP = "batch.kubernetes.io/cronjob-scheduled-timestamp";

interface JobRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
  resourceVersion?: string;
  uid: string;
}

export const cronJobController: Controller = {
  name: CRONJOB_CONTROLLER,
  primary: "CronJob",
  // A child Job matters when it appears, goes or finishes; its running counts do not.
  wakeOn: [self("CronJob"), { ...owner("Job", "CronJob"), concerns: (before, after) => existenceChanged(before, after) || finishedAs(before!) !== finishedAs(after!) }],
  // Its status is read from its Jobs and the schedule: a sync after a write of the status alone
  // finds the same (and that write's sync already asked to come back at the next time).
  derivedStatus: true,
  reconcile: (view, key, now) => syncCronJob(view, key, now),
};

/** The Job's finished condition type, if it finished. */
function finishedAs(job: KubeObject): "Complete" | "Failed" | undefined {
  if (trueCondition(job, "Complete")) return "Complete";
  if (trueCondition(job, "Failed")) return "Failed";
  return undefined;
}

/** getJobName: the scheduled time in minutes makes the name, so a time never runs twice. */
export const jobNameFor = (cj: KubeObject, t: Instant): string => `${cj.metadata.name}-${Math.floor(t / 60_000)}`;

export function syncCronJob(view: ClusterView, key: ObjectKey, now: Instant): Outcome {
  const cj = view.get(key);
  if (!cj) return NOTHING;
  const uid = cj.metadata.uid ?? "";
  const jobs = view.ownedBy(uid).filter((o) => o.kind === "Job" && getControllerOf(o)?.uid === uid);
  const writes: Write[] = [];
  const events: EventNote[] = [];
  const note: Note = (reason, message, type = "Normal") => {
    const e: EventNote = { regarding: cj, type, reason, message, source: CRONJOB_CONTROLLER };
    events.push(e);
    return e;
  };
  const status: Record<string, any> = { ...(cj.status ?? {}) };
  let active: JobRef[] = [...(status.active ?? [])];
  const deleteJob = (job: KubeObject): void => {
    writes.push({ op: "delete", ref: { kind: "Job", namespace: job.metadata.namespace ?? "", name: job.metadata.name ?? "" }, propagationPolicy: "Background" });
    active = active.filter((r) => r.uid !== job.metadata.uid);
    note("SuccessfulDelete", `Deleted job ${job.metadata.name}`);
  };

  cleanupFinishedJobs(cj, jobs, deleteJob);
  active = syncActive(cj, jobs, view, status, active, note);
  const scheduled = schedule(cj, jobs, now, active, status, note, deleteJob);
  active = scheduled.active;
  const next = scheduled.requeueAfter;
  const { start } = scheduled;
  if (!start) {
    const write = statusWrite(cj, status, active);
    if (write) writes.push(write);
  } else {
    // One status update after the create, as upstream: the new Job in status.active with its
    // time, or (the create refused) the status without them, so the time is tried again.
    writes.push({
      op: "create",
      object: start.job,
      onRejected: { events: start.failed, replaces: start.created },
      afterCreate: (job) => (job ? statusWrite(cj, { ...status, lastScheduleTime: start.time }, [...active, refOf(job)]) : statusWrite(cj, status, active)),
    });
  }
  return next === undefined ? { writes, events } : { writes, events, requeueAfter: next };
}

/** The status write for `status` with `active` as its list, unless the stored status is the same. */
function statusWrite(cj: KubeObject, status: Record<string, any>, active: readonly JobRef[]): Write | undefined {
  const next = { ...status };
  if (active.length > 0) next.active = active;
  else delete next.active;
  return sameJSON(next, cj.status ?? {}) ? undefined : { op: "updateStatus", object: { ...cj, status: next } };
}

type Note = (reason: string, message: string, type?: "Normal" | "Warning") => EventNote;

/**
 * syncCronJob's first half: finished Jobs leave status.active, vanished ones too, and the
 * newest completion is lastSuccessfulTime. The Job this controller just created joins the list.
 */
function syncActive(cj: KubeObject, jobs: readonly KubeObject[], view: ClusterView, status: Record<string, any>, refs: JobRef[], note: Note): JobRef[] {
  let active = refs;
  for (const job of jobs) {
    const inActive = active.some((r) => r.uid === job.metadata.uid);
    const finished = finishedAs(job);
    if (!inActive && !finished) {
      // Not adopted here: the sync that reaches its scheduled time takes it back (AlreadyExists).
      note("UnexpectedJob", `Saw a job that the controller did not create or forgot: ${job.metadata.name}`, "Warning");
    } else if (inActive && finished) {
      active = active.filter((r) => r.uid !== job.metadata.uid);
      note("SawCompletedJob", `Saw completed job: ${job.metadata.name}, condition: ${finished}`);
    }
    if (finished === "Complete" && job.status?.completionTime) {
      const done = parseInstant(job.status.completionTime)!;
      const last = parseInstant(status.lastSuccessfulTime ?? "");
      if (last === undefined || done > last) status.lastSuccessfulTime = job.status.completionTime;
    }
  }
  const children = new Set(jobs.map((j) => j.metadata.uid));
  for (const ref of active) {
    if (children.has(ref.uid) || view.get(objectKey("Job", ref.namespace, ref.name))) continue;
    note("MissingJob", `Active job went missing: ${ref.name}`);
    active = active.filter((r) => r.uid !== ref.uid);
  }
  return active;
}

interface Scheduled {
  readonly active: JobRef[];
  readonly requeueAfter?: Duration;
  /** The Job to create for the time that came, its lastScheduleTime, and the notes of its create. */
  readonly start?: { job: KubeObject; time: string; created: EventNote; failed: OnRejected["events"] };
}

/** syncCronJob's second half: start the Job of the most recent unmet schedule time, if due. */
function schedule(
  cj: KubeObject,
  jobs: readonly KubeObject[],
  now: Instant,
  refs: JobRef[],
  status: Record<string, any>,
  note: Note,
  deleteJob: (job: KubeObject) => void,
): Scheduled {
  let active = refs;
  const stop = (requeueAfter?: Duration): Scheduled => (requeueAfter === undefined ? { active } : { active, requeueAfter });
  if (cj.metadata.deletionTimestamp) return stop();
  const timeZone: string | undefined = cj.spec?.timeZone ?? undefined;
  if (timeZone !== undefined) {
    const err = loadLocationError(timeZone);
    if (err) {
      note("UnknownTimeZone", `invalid timeZone: ${JSON.stringify(timeZone)}: ${err}`, "Warning");
      return stop();
    }
  }
  if (cj.spec?.suspend === true) return stop();
  const spec: string = cj.spec?.schedule ?? "";
  const sched = parseSchedule(spec, timeZone);
  if ("error" in sched) {
    note("UnparseableSchedule", `unparseable schedule: ${JSON.stringify(spec)} : ${sched.error}`, "Warning");
    return stop();
  }
  const deadline: number | undefined = cj.spec?.startingDeadlineSeconds ?? undefined;
  const last = parseInstant(status.lastScheduleTime ?? "") ?? parseInstant(cj.metadata.creationTimestamp ?? "") ?? now;
  const recent = mostRecentScheduleTime(sched, last, deadline, now);
  if (recent.error) {
    note("InvalidSchedule", `invalid schedule: ${spec} : ${recent.error}`, "Warning");
    return stop();
  }
  const requeue = () => stop(nextScheduleIn(sched, last, now));
  const t = recent.mostRecent;
  if (t === undefined) return requeue();
  if (recent.missed > 100) {
    note("TooManyMissedTimes", `too many missed start times: ${recent.missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`, "Warning");
  }
  if (deadline !== undefined && t + deadline * 1000 < now) {
    note("MissSchedule", `Missed scheduled time to start a job: ${toRFC1123Z(t)}`, "Warning");
    return requeue();
  }
  const name = jobNameFor(cj, t);
  if (active.some((r) => r.name === name) || parseInstant(status.lastScheduleTime ?? "") === t) return requeue();
  const policy = cj.spec?.concurrencyPolicy ?? "Allow";
  if (policy === "Forbid" && active.length > 0) {
    note("JobAlreadyActive", "Not starting job because prior execution is running and concurrency policy is Forbid");
    return requeue();
  }
  if (policy === "Replace") {
    for (const ref of active) {
      const job = jobs.find((j) => j.metadata.uid === ref.uid);
      if (job) deleteJob(job);
    }
    active = [];
  }
  const existing = jobs.find((j) => j.metadata.name === name);
  // AlreadyExists: a Job of ours for this time that the list lost is taken back.
  if (existing) {
    status.lastScheduleTime = toRFC3339(t);
    return { active: active.some((r) => r.uid === existing.metadata.uid) ? active : [...active, refOf(existing)], requeueAfter: nextScheduleIn(sched, t, now) };
  }
  const created = note("SuccessfulCreate", `Created job ${name}`);
  const failed = (err: RejectedWrite) => [{ ...created, type: "Warning", reason: "FailedCreate", message: `Error creating job: ${err.message}` }] as const;
  const start = { job: jobFromTemplate(cj, t, timeZone), time: toRFC3339(t), created, failed };
  return { active, requeueAfter: nextScheduleIn(sched, t, now), start };
}

/** nextScheduleTimeDuration: until just after the next activation after the most recent one. */
function nextScheduleIn(sched: Schedule, from: Instant, now: Instant): Duration | undefined {
  const recent = mostRecentScheduleTime(sched, from, undefined, now);
  const base = recent.error ? now : (recent.mostRecent ?? recent.earliest);
  const next = sched.next(base);
  if (next === undefined) return undefined;
  return duration(Math.max(1, next + NEXT_SCHEDULE_DELTA_MS - now));
}

/**
 * cleanupFinishedJobs: beyond the history limits, the finished Jobs that started first are
 * deleted (byJobStartTime: unstarted last, then by name).
 */
function cleanupFinishedJobs(cj: KubeObject, jobs: readonly KubeObject[], deleteJob: (job: KubeObject) => void): void {
  const byStart = (a: KubeObject, b: KubeObject): number => {
    const [sa, sb] = [parseInstant(a.status?.startTime ?? ""), parseInstant(b.status?.startTime ?? "")];
    if (sa === undefined || sb === undefined) return sa === sb ? 0 : sa === undefined ? 1 : -1;
    return sa === sb ? ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1) : sa - sb;
  };
  for (const [kind, limit] of [
    ["Complete", cj.spec?.successfulJobsHistoryLimit],
    ["Failed", cj.spec?.failedJobsHistoryLimit],
  ] as const) {
    if (typeof limit !== "number") continue;
    const finished = jobs.filter((j) => finishedAs(j) === kind && !j.metadata.deletionTimestamp);
    if (finished.length <= limit) continue; // nothing to delete: no need to sort
    for (const job of finished.sort(byStart).slice(0, finished.length - limit)) deleteJob(job);
  }
}

/** getJobFromTemplate2: the jobTemplate's labels, annotations and spec (shared: a create stores a copy), named for the time. */
function jobFromTemplate(cj: KubeObject, t: Instant, timeZone: string | undefined): KubeObject {
  const template = cj.spec?.jobTemplate ?? {};
  const metadata: KubeObject["metadata"] = {
    name: jobNameFor(cj, t),
    namespace: cj.metadata.namespace,
    labels: { ...(template.metadata?.labels ?? {}) },
    annotations: { ...(template.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP]: rfc3339InZone(t, timeZone) },
    ownerReferences: [newControllerRef(cj)],
  };
  if (Object.keys(metadata.labels!).length === 0) delete metadata.labels;
  return { apiVersion: "batch/v1", kind: "Job", metadata, spec: template.spec ?? {} };
}

function refOf(job: KubeObject): JobRef {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    name: job.metadata.name ?? "",
    namespace: job.metadata.namespace ?? "",
    resourceVersion: job.metadata.resourceVersion,
    uid: job.metadata.uid ?? "",
  };
}
