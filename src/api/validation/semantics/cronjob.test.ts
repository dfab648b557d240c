import { describe, expect, it } from "vitest";
import { validateCronJob } from "./cronjob";

const template = { spec: { template: { spec: { restartPolicy: "OnFailure", containers: [{ name: "c", image: "busybox" }] } } } };
const cronJob = (spec: object, name = "c") => ({ metadata: { name }, spec: { schedule: "*/5 * * * *", jobTemplate: template, ...spec } });
const invalid = (path: string, value: unknown, detail: string) => ({ type: "Invalid", path, value, detail, goType: undefined });

describe("validateCronJob", () => {
  it.each([
    { name: "accepts a valid CronJob", cj: cronJob({}), want: [] },
    { name: "accepts a real time zone", cj: cronJob({ timeZone: "Europe/Paris" }), want: [] },
    { name: "requires a schedule", cj: cronJob({ schedule: "" }), want: [{ type: "Required", path: "spec.schedule", detail: "" }] },
    {
      name: "refuses a schedule that does not parse",
      cj: cronJob({ schedule: "not a schedule" }),
      want: [invalid("spec.schedule", "not a schedule", "expected exactly 5 fields, found 3: [not a schedule]")],
    },
    {
      name: "refuses TZ in the schedule",
      cj: cronJob({ schedule: "CRON_TZ=UTC 0 * * * *" }),
      want: [invalid("spec.schedule", "CRON_TZ=UTC 0 * * * *", "cannot use TZ or CRON_TZ in schedule, use timeZone field instead")],
    },
    { name: "refuses an empty time zone", cj: cronJob({ timeZone: "" }), want: [invalid("spec.timeZone", "", "timeZone must be nil or non-empty string")] },
    {
      name: "refuses Local, which is not an explicit zone",
      cj: cronJob({ timeZone: "Local" }),
      want: [invalid("spec.timeZone", "Local", "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones")],
    },
    { name: "refuses a zone with a dot-dot part", cj: cronJob({ timeZone: "../etc" }), want: [invalid("spec.timeZone", "../etc", "unknown time zone ../etc")] },
    {
      name: "refuses a negative startingDeadlineSeconds",
      cj: cronJob({ startingDeadlineSeconds: -1 }),
      want: [invalid("spec.startingDeadlineSeconds", -1, "must be greater than or equal to 0")],
    },
    {
      name: "refuses an unknown concurrencyPolicy",
      cj: cronJob({ concurrencyPolicy: "Sometimes" }),
      want: [{ type: "NotSupported", path: "spec.concurrencyPolicy", value: "Sometimes", supported: ["Allow", "Forbid", "Replace"] }],
    },
    {
      name: "refuses negative history limits",
      cj: cronJob({ successfulJobsHistoryLimit: -1, failedJobsHistoryLimit: -2 }),
      want: [
        invalid("spec.successfulJobsHistoryLimit", -1, "must be greater than or equal to 0"),
        invalid("spec.failedJobsHistoryLimit", -2, "must be greater than or equal to 0"),
      ],
    },
    {
      name: "refuses the job template's defaulted restartPolicy Always",
      cj: cronJob({ jobTemplate: { spec: { template: { spec: { containers: [] } } } } }),
      want: [{ type: "NotSupported", path: "spec.jobTemplate.spec.template.spec.restartPolicy", value: "Always", supported: ["OnFailure", "Never"] }],
    },
    {
      name: "refuses a manual selector in the job template",
      cj: cronJob({ jobTemplate: { spec: { ...template.spec, manualSelector: true } } }),
      want: [{ type: "NotSupported", path: "spec.jobTemplate.spec.manualSelector", value: true, supported: ["nil", "false"] }],
    },
    {
      name: "refuses a name the Job controller could not extend",
      cj: cronJob({}, "x".repeat(53)),
      want: [invalid("metadata.name", "x".repeat(53), "must be no more than 52 characters")],
    },
  ])("$name", ({ cj, want }) => {
    expect(validateCronJob(cj)).toEqual(want);
  });
});
