// Job checks, ported from validateJobSpec and ValidateJobSpecUpdate
// (pkg/apis/batch/validation/validation.go, kubernetes v1.32), for the fields a user gets wrong
// first: negative counts, a restartPolicy a Job cannot use, and a changed completions count.
// kubesim does not default Jobs, so an unset restartPolicy stands for the defaulted "Always".
// Not ported: the pod template's own checks, and the template's immutability, whose message
// prints a core.PodTemplateSpec with pointer addresses no simulator can reproduce.

import type { FieldIssue } from "../issues";
import { notSupported } from "../issues";
import { validateImmutableField, validateNonnegativeField, type Obj } from "./common";

export function validateJob(job: Obj): FieldIssue[] {
  return validateJobSpec(job.spec ?? {}, "spec");
}

/** validateJobSpec, also run on a CronJob's jobTemplate.spec. */
export function validateJobSpec(spec: Obj, path: string): FieldIssue[] {
  const issues = ["parallelism", "completions", "activeDeadlineSeconds", "backoffLimit"].flatMap((f) =>
    validateNonnegativeField(spec[f], `${path}.${f}`),
  );
  const restartPolicy = spec.template?.spec?.restartPolicy || "Always";
  if (restartPolicy !== "OnFailure" && restartPolicy !== "Never") {
    issues.push(notSupported(`${path}.template.spec.restartPolicy`, restartPolicy, ["OnFailure", "Never"]));
  }
  return issues;
}

/** validateCompletions: completions may change only for an Indexed Job (elastic Indexed Jobs). */
export function validateJobUpdate(newObj: Obj, oldObj: Obj): FieldIssue[] {
  if (newObj.spec?.completionMode === "Indexed") return [];
  return validateImmutableField(newObj.spec?.completions, oldObj.spec?.completions, "spec.completions");
}
