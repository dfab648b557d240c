// Job checks, ported from validateJobSpec and ValidateJobSpecUpdate
// (pkg/apis/batch/validation/validation.go, kubernetes v1.32), for the fields a user gets wrong
// first: negative counts, a restartPolicy a Job cannot use, and changes to what a Job fixes at
// creation (completions, selector, pod template, completion mode).
// Templates are compared with the pod defaults both would have (a CronJob's jobTemplate is
// checked here before any defaulting), and an unset restartPolicy stands for "Always".
// Not ported: the pod template's own checks; podFailurePolicy, backoffLimitPerIndex,
// managedBy and successPolicy immutability.

import type { FieldIssue } from "../issues";
import { invalidValue, notSupported, required } from "../issues";
import { validateImmutableField, validateNonnegativeField, type Obj } from "./common";
import { setDefaultsPodTemplate } from "../../defaulting/pod-spec";
import { podTemplateSpecType } from "../go-types/pod-template";
import { deepCopy } from "../../deep-copy";

export function validateJob(job: Obj): FieldIssue[] {
  return validateJobSpec(job.spec ?? {}, "spec");
}

/** maxParallelismForIndexedJob. */
const MAX_INDEXED_PARALLELISM = 100000;

/** validateJobSpec, also run on a CronJob's jobTemplate.spec. */
export function validateJobSpec(spec: Obj, path: string): FieldIssue[] {
  const issues = ["parallelism", "completions", "activeDeadlineSeconds", "backoffLimit", "ttlSecondsAfterFinished"].flatMap((f) =>
    validateNonnegativeField(spec[f], `${path}.${f}`),
  );
  issues.push(...validateCompletionMode(spec, path));
  const restartPolicy = spec.template?.spec?.restartPolicy || "Always";
  if (restartPolicy !== "OnFailure" && restartPolicy !== "Never") {
    issues.push(notSupported(`${path}.template.spec.restartPolicy`, restartPolicy, ["OnFailure", "Never"]));
  }
  return issues;
}

/** An Indexed Job needs its completions (the indexes), and at most 100,000 pods at a time. */
function validateCompletionMode(spec: Obj, path: string): FieldIssue[] {
  const mode = spec.completionMode;
  if (mode === undefined || mode === null) return [];
  if (mode !== "NonIndexed" && mode !== "Indexed") return [notSupported(`${path}.completionMode`, mode, ["NonIndexed", "Indexed"])];
  if (mode !== "Indexed") return [];
  const issues: FieldIssue[] = [];
  if (spec.completions === undefined || spec.completions === null) issues.push(required(`${path}.completions`, "when completion mode is Indexed"));
  if (typeof spec.parallelism === "number" && spec.parallelism > MAX_INDEXED_PARALLELISM) {
    issues.push(invalidValue(`${path}.parallelism`, spec.parallelism, `must be less than or equal to ${MAX_INDEXED_PARALLELISM} when completion mode is Indexed`));
  }
  return issues;
}

/** ValidateJobSpecUpdate's immutable fields, in its order. */
export function validateJobUpdate(newObj: Obj, oldObj: Obj): FieldIssue[] {
  const [spec, old] = [newObj.spec ?? {}, oldObj.spec ?? {}];
  return [
    ...validateCompletions(newObj, oldObj),
    ...validateImmutableField(spec.selector, old.selector, "spec.selector", "*v1.LabelSelector"),
    ...validatePodTemplateUpdate(newObj, oldObj),
    ...validateImmutableField(spec.completionMode ?? "NonIndexed", old.completionMode ?? "NonIndexed", "spec.completionMode"),
  ];
}

/** validateCompletions: completions may change only for an Indexed Job (elastic Indexed Jobs). */
function validateCompletions(newObj: Obj, oldObj: Obj): FieldIssue[] {
  if (newObj.spec?.completionMode === "Indexed") return [];
  return validateImmutableField(newObj.spec?.completions, oldObj.spec?.completions, "spec.completions");
}

/**
 * validatePodTemplateUpdate: the template is fixed, but while a Job is suspended and has never
 * started, its pods' scheduling directives (node selector and affinity, tolerations, labels,
 * annotations, scheduling gates) may change: the old template takes the new one's before the
 * two are compared.
 */
function validatePodTemplateUpdate(newObj: Obj, oldObj: Obj): FieldIssue[] {
  const template = defaultedTemplate(newObj.spec?.template);
  const oldTemplate = defaultedTemplate(oldObj.spec?.template);
  if (oldObj.spec?.suspend === true && !oldObj.status?.startTime) takeSchedulingDirectives(oldTemplate, template);
  return validateImmutableField(template, oldTemplate, "spec.template", podTemplateSpecType);
}

/** The template as the API server holds it: with the pod defaults every template gets. */
function defaultedTemplate(template: Obj | undefined): Obj {
  const copy = deepCopy(template ?? {});
  setDefaultsPodTemplate(copy);
  return copy;
}

/** The old template with the new one's scheduling directives (upstream's AllowMutableSchedulingDirectives). */
function takeSchedulingDirectives(old: Obj, template: Obj): void {
  const [spec, oldSpec] = [template.spec, old.spec];
  if (!spec.affinity && oldSpec.affinity) {
    // The affinity may go when it held nothing but node affinity.
    const { nodeAffinity: _n, ...rest } = oldSpec.affinity;
    oldSpec.affinity = Object.keys(rest).length === 0 ? undefined : rest;
  } else if (spec.affinity && !oldSpec.affinity) oldSpec.affinity = { nodeAffinity: spec.affinity.nodeAffinity };
  else if (spec.affinity && oldSpec.affinity) oldSpec.affinity = { ...oldSpec.affinity, nodeAffinity: spec.affinity.nodeAffinity };
  oldSpec.nodeSelector = spec.nodeSelector;
  oldSpec.tolerations = spec.tolerations;
  oldSpec.schedulingGates = spec.schedulingGates;
  old.metadata.annotations = template.metadata.annotations;
  old.metadata.labels = template.metadata.labels;
}
