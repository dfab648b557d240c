import { describe, expect, it } from "vitest";
import { validateJob, validateJobUpdate } from "./job";

const template = (restartPolicy?: string) => ({ spec: { ...(restartPolicy ? { restartPolicy } : {}), containers: [{ name: "c", image: "busybox" }] } });

describe("validateJob", () => {
  it.each([
    { name: "accepts Never", job: { spec: { template: template("Never") } }, want: [] },
    { name: "accepts OnFailure", job: { spec: { template: template("OnFailure") } }, want: [] },
    {
      name: "refuses an unset restartPolicy as the defaulted Always",
      job: { spec: { template: template() } },
      want: [{ type: "NotSupported", path: "spec.template.spec.restartPolicy", value: "Always", supported: ["OnFailure", "Never"] }],
    },
    {
      name: "refuses a negative backoffLimit",
      job: { spec: { backoffLimit: -1, template: template("Never") } },
      want: [{ type: "Invalid", path: "spec.backoffLimit", value: -1, detail: "must be greater than or equal to 0", goType: undefined }],
    },
  ])("$name", ({ job, want }) => {
    expect(validateJob(job)).toEqual(want);
  });
});

describe("validateJobUpdate", () => {
  it("refuses a new completions count on a NonIndexed Job", () => {
    expect(validateJobUpdate({ spec: { completions: 3 } }, { spec: { completions: 2 } })).toEqual([
      { type: "Invalid", path: "spec.completions", value: 3, detail: "field is immutable", goType: undefined },
    ]);
  });

  it("lets an Indexed Job change completions (elastic Indexed Jobs)", () => {
    expect(validateJobUpdate({ spec: { completionMode: "Indexed", completions: 3 } }, { spec: { completionMode: "Indexed", completions: 2 } })).toEqual([]);
  });
});
