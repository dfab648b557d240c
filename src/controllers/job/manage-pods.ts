// manageJob (pkg/controller/job/job_controller.go, v1.32): how many pods a Job wants active,
// creating the missing ones in slow-start batches after the failure back-off, deleting the
// surplus, and deleting every active pod of a suspended Job.

import type { KubeObject } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import type { Duration, Instant } from "../../sim/time";
import type { Rng } from "../../sim/random";
import type { EventNote, RejectedWrite, Write } from "../types";
import { newControllerRef } from "../shared/owner-refs";
import { getPodFromTemplate } from "../shared/pod-template";
import { getPodsToDelete } from "../shared/pod-ranking";
import { COMPLETION_INDEX, firstPendingIndexes, getCompletionIndex } from "./completion-index";
import { JOB_TRACKING_FINALIZER, backoffRemaining, onlyReplaceFailedPods } from "./pod-accounting";
import { deepCopy } from "../../api/deep-copy";

export const JOB_CONTROLLER = "job-controller";
/** MaxPodCreateDeletePerSync. */
const MAX_PER_SYNC = 500;
/** names.MaxGeneratedNameLength. */
const MAX_GENERATED_PREFIX = 58;

export interface JobPods {
  readonly pods: readonly KubeObject[];
  readonly active: readonly KubeObject[];
  readonly terminating: number;
  readonly succeeded: number;
  readonly completedIndexes: ReadonlySet<number>;
}

export interface Managed {
  /** Active pods once the writes are done. */
  readonly active: number;
  readonly requeueAfter?: Duration;
}

/** manageJob: appends its writes and events; returns the active count it leaves. */
export function manageJob(job: KubeObject, jp: JobPods, view: ClusterView, now: Instant, rng: Rng, writes: Write[], events: EventNote[]): Managed {
  const active = jp.active.length;
  if (job.spec?.suspend === true) return { active: active - deletePods(job, jp.active, writes, events) };
  const parallelism = job.spec?.parallelism ?? 1;
  const completions: number | undefined = job.spec?.completions ?? undefined;
  let wantActive: number;
  // A work queue keeps parallelism pods until one succeeds, then lets the rest finish.
  if (completions === undefined) wantActive = jp.succeeded > 0 ? active : parallelism;
  else wantActive = Math.max(0, Math.min(completions - jp.succeeded, parallelism));

  const surplus = podsForRemoval(job, jp.active, Math.max(0, active - wantActive), now).slice(0, MAX_PER_SYNC);
  if (surplus.length > 0) return { active: active - deletePods(job, surplus, writes, events) };

  const terminating = onlyReplaceFailedPods(job) ? jp.terminating : 0;
  let diff = wantActive - terminating - active;
  if (diff <= 0) return { active };
  const wait = backoffRemaining(job, jp.pods, now);
  if (wait > 0) return { active, requeueAfter: wait };
  diff = Math.min(diff, MAX_PER_SYNC);
  const indexes = job.spec?.completionMode === "Indexed" ? firstPendingIndexes(jp.completedIndexes, jp.active, diff, completions ?? 0) : undefined;
  const count = indexes ? indexes.length : diff;
  const taken = new Set<string>();
  const failedCreate = (err: RejectedWrite) =>
    [{ regarding: job, type: "Warning", reason: "FailedCreate", message: `Error creating: ${err.message}`, source: JOB_CONTROLLER }] as const;
  for (let i = 0; i < count; i++) {
    const pod = podForJob(job, indexes?.[i], view, rng, taken);
    const created = note(job, "SuccessfulCreate", `Created pod: ${pod.metadata.name}`);
    // slowStartBatch stops at the first failed create; the rest wait for the next sync.
    writes.push({ op: "create", object: pod, onRejected: { events: failedCreate, replaces: created, batch: "pod-creates" } });
    events.push(created);
  }
  return { active: active + count };
}

/** Deletes the pods (RealPodControl.DeletePod records each); returns how many. */
export function deletePods(job: KubeObject, pods: readonly KubeObject[], writes: Write[], events: EventNote[]): number {
  for (const pod of pods) {
    writes.push({ op: "delete", ref: { kind: "Pod", namespace: pod.metadata.namespace ?? "", name: pod.metadata.name ?? "" } });
    events.push(note(job, "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`));
  }
  return pods.length;
}

/**
 * activePodsForRemoval: for an Indexed Job first the pods whose index is out of range or
 * repeated, then the rest ranked as a ReplicaSet ranks pods.
 */
function podsForRemoval(job: KubeObject, active: readonly KubeObject[], atLeast: number, now: Instant): KubeObject[] {
  const out: KubeObject[] = [];
  let rest = [...active];
  if (job.spec?.completionMode === "Indexed") {
    const seen = new Set<number>();
    rest = [];
    for (const pod of active) {
      const ix = getCompletionIndex(pod);
      if (ix === undefined || ix >= (job.spec?.completions ?? 0) || seen.has(ix)) out.push(pod);
      else {
        seen.add(ix);
        rest.push(pod);
      }
    }
  }
  if (out.length >= atLeast) return out;
  return [...out, ...getPodsToDelete(rest, rest, atLeast - out.length, now)];
}

/** A pod from the Job's template, with the tracking finalizer and, for Indexed Jobs, its index. */
function podForJob(job: KubeObject, index: number | undefined, view: ClusterView, rng: Rng, taken: Set<string>): KubeObject {
  // The Job's template, shared (a create stores a copy) but for what this pod changes.
  const meta = job.spec?.template?.metadata ?? {};
  const template: KubeObject["spec"] = {
    metadata: { ...meta, finalizers: [...(meta.finalizers ?? []).filter((f: string) => f !== JOB_TRACKING_FINALIZER), JOB_TRACKING_FINALIZER] },
    spec: job.spec?.template?.spec,
  };
  const name = job.metadata.name ?? "";
  let parent = name;
  if (index !== undefined) {
    template.metadata.annotations = { ...template.metadata.annotations, [COMPLETION_INDEX]: `${index}` };
    template.metadata.labels = { ...template.metadata.labels, [COMPLETION_INDEX]: `${index}` };
    template.spec = deepCopy(template.spec ?? {});
    template.spec.hostname = `${name}-${index}`;
    for (const c of [...(template.spec.initContainers ?? []), ...(template.spec.containers ?? [])]) addCompletionIndexEnv(c);
    // podGenerateNameWithIndex: the Job's name is cut so the index always fits.
    const appendix = `-${index}-`;
    parent = (name + appendix).length > MAX_GENERATED_PREFIX ? `${name.slice(0, MAX_GENERATED_PREFIX - appendix.length)}-${index}` : `${name}-${index}`;
  }
  return getPodFromTemplate(template, parent, job.metadata.namespace ?? "", newControllerRef(job), view, rng, taken);
}

function addCompletionIndexEnv(container: any): void {
  container.env ??= [];
  if (container.env.some((e: { name: string }) => e.name === "JOB_COMPLETION_INDEX")) return;
  container.env.push({ name: "JOB_COMPLETION_INDEX", valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${COMPLETION_INDEX}']` } } });
}

export function note(job: KubeObject, reason: string, message: string, type: "Normal" | "Warning" = "Normal"): EventNote {
  return { regarding: job, type, reason, message, source: JOB_CONTROLLER };
}
