// CronJob checks, ported from ValidateCronJobCreate, validateCronJobSpec, validateScheduleFormat,
// validateTimeZone, validateConcurrencyPolicy and ValidateJobTemplateSpec
// (pkg/apis/batch/validation/validation.go, kubernetes v1.32). kubesim does not default
// CronJobs, so an unset concurrencyPolicy stands for the defaulted "Allow".
// Not ported: TZ in a schedule that the old object already had (allowed on update upstream).

import type { FieldIssue } from "../issues";
import { invalidValue, notSupported, required } from "../issues";
import { validateNonnegativeField, type Obj } from "./common";
import { validateJobSpec } from "./job";
import { loadLocationError, parseStandardError } from "./cron-schedule";

const CONCURRENCY_POLICIES = ["Allow", "Forbid", "Replace"];

/** The Job controller appends an 11-character "-<timestamp>" to the name; Job names stop at 63. */
const MAX_CRONJOB_NAME_LENGTH = 52;

/** https://data.iana.org/time-zones/theory.html#naming, tolerating digits and '+'. */
const validTimeZoneCharacters = /^[A-Za-z.\-_0-9+]{1,14}$/;

function validateScheduleFormat(schedule: string, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const err = parseStandardError(schedule);
  if (err) issues.push(invalidValue(path, schedule, err));
  if (schedule.includes("TZ")) {
    issues.push(invalidValue(path, schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
  }
  return issues;
}

export function validateTimeZone(timeZone: unknown, path: string): FieldIssue[] {
  if (timeZone === undefined || timeZone === null) return [];
  const tz = String(timeZone);
  if (tz === "") return [invalidValue(path, tz, "timeZone must be nil or non-empty string")];
  for (const part of tz.split("/")) {
    if (part === "." || part === ".." || part.startsWith("-") || !validTimeZoneCharacters.test(part)) {
      return [invalidValue(path, tz, `unknown time zone ${tz}`)];
    }
  }
  const issues: FieldIssue[] = [];
  if (tz.toLowerCase() === "local") {
    issues.push(invalidValue(path, tz, "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"));
  }
  const err = loadLocationError(tz);
  if (err) issues.push(invalidValue(path, tz, err));
  return issues;
}

function validateConcurrencyPolicy(policy: unknown, path: string): FieldIssue[] {
  const p = policy === undefined ? "Allow" : String(policy);
  if (p === "") return [required(path, "")];
  return CONCURRENCY_POLICIES.includes(p) ? [] : [notSupported(path, p, CONCURRENCY_POLICIES)];
}

/** ValidateJobTemplateSpec: the Job checks, and no selector of the user's own. */
function validateJobTemplateSpec(template: Obj, path: string): FieldIssue[] {
  const spec: Obj = template.spec ?? {};
  const issues = validateJobSpec(spec, `${path}.spec`);
  if (spec.selector) issues.push(invalidValue(`${path}.spec.selector`, spec.selector, "`selector` will be auto-generated", "*v1.LabelSelector"));
  if (spec.manualSelector === true) issues.push(notSupported(`${path}.spec.manualSelector`, true, ["nil", "false"]));
  return issues;
}

function validateCronJobSpec(spec: Obj): FieldIssue[] {
  const schedule = spec.schedule === undefined || spec.schedule === null ? "" : String(spec.schedule);
  return [
    ...(schedule === "" ? [required("spec.schedule", "")] : validateScheduleFormat(schedule, "spec.schedule")),
    ...validateNonnegativeField(spec.startingDeadlineSeconds, "spec.startingDeadlineSeconds"),
    ...validateTimeZone(spec.timeZone, "spec.timeZone"),
    ...validateConcurrencyPolicy(spec.concurrencyPolicy, "spec.concurrencyPolicy"),
    ...validateJobTemplateSpec(spec.jobTemplate ?? {}, "spec.jobTemplate"),
    ...validateNonnegativeField(spec.successfulJobsHistoryLimit, "spec.successfulJobsHistoryLimit"),
    ...validateNonnegativeField(spec.failedJobsHistoryLimit, "spec.failedJobsHistoryLimit"),
  ];
}

export function validateCronJob(cronJob: Obj): FieldIssue[] {
  const issues = validateCronJobSpec(cronJob.spec ?? {});
  const name = String(cronJob.metadata?.name ?? "");
  if (name.length > MAX_CRONJOB_NAME_LENGTH) {
    issues.push(invalidValue("metadata.name", name, `must be no more than ${MAX_CRONJOB_NAME_LENGTH} characters`));
  }
  return issues;
}
