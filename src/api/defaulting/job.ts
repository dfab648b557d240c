// Job and CronJob defaults: SetDefaults_Job and SetDefaults_CronJob
// (pkg/apis/batch/v1/defaults.go), and the Job strategy's selector generation
// (pkg/registry/batch/job/strategy.go), which needs the uid the server has just given.

import type { KubeObject } from "../types";
import { setDefaultsPodTemplate } from "./pod-spec";

/** MaxInt32: a Job with backoffLimitPerIndex has no Job-wide limit. */
const NO_BACKOFF_LIMIT = 2147483647;

export function defaultJob(job: KubeObject): void {
  job.spec ??= {};
  const spec = job.spec;
  // Both unset is a plain one-pod Job; parallelism alone is a work queue (completions stays null).
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex != null ? NO_BACKOFF_LIMIT : 6;
  const templateLabels = spec.template?.metadata?.labels;
  if (templateLabels && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...templateLabels };
  spec.completionMode ??= "NonIndexed";
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? "Failed" : "TerminatingOrFailed";
  setDefaultsPodTemplate(spec.template);
}

export function defaultCronJob(cj: KubeObject): void {
  cj.spec ??= {};
  const spec = cj.spec;
  spec.concurrencyPolicy ||= "Allow";
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  // The jobTemplate's JobSpec is not a Job: only its pod template takes defaults.
  setDefaultsPodTemplate(spec.jobTemplate?.spec?.template);
}

/**
 * generateSelector: unless manualSelector, the pods of a Job are labelled with its name and uid
 * and selected by the uid. The Job's own labels come from the template when it had none: the
 * API server defaults them again when it reads the Job back, after the labels were added.
 */
export function generateJobSelector(job: KubeObject): void {
  const spec = job.spec;
  if (!spec || spec.manualSelector === true) return;
  const name = job.metadata.name ?? "";
  const uid = job.metadata.uid ?? "";
  spec.template ??= {};
  spec.template.metadata ??= {};
  const labels: Record<string, string> = (spec.template.metadata.labels ??= {});
  for (const key of ["job-name", "batch.kubernetes.io/job-name"]) labels[key] ??= name;
  for (const key of ["controller-uid", "batch.kubernetes.io/controller-uid"]) labels[key] ??= uid;
  spec.selector ??= {};
  spec.selector.matchLabels ??= {};
  spec.selector.matchLabels["batch.kubernetes.io/controller-uid"] ??= uid;
  if (Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...labels };
}
