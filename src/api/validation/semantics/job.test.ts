import { describe, expect, it } from "vitest";
import { validateJob, validateJobUpdate } from "./job";
import { podTemplateSpecType } from "../go-types/pod-template";

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

describe("validateJobUpdate: the pod template", () => {
  const job = (containers: object[], extra: Record<string, unknown> = {}, templateExtra: Record<string, unknown> = {}) => ({
    spec: { ...extra, template: { ...templateExtra, spec: { restartPolicy: "Never", containers, ...((templateExtra.spec as object) ?? {}) } } },
  });
  const perl = { name: "pi", image: "perl:5.34" };
  const paths = (issues: { path: string }[]) => issues.map((i) => i.path);

  it.each([
    { name: "refuses a new image", next: job([{ ...perl, image: "perl:5.36" }]), old: job([perl]), want: ["spec.template"] },
    { name: "takes a default spelled out as unchanged", next: job([{ ...perl, imagePullPolicy: "IfNotPresent" }]), old: job([perl]), want: [] },
    {
      name: "lets a suspended Job that never started change its node selector and labels",
      next: job([perl], { suspend: true }, { metadata: { labels: { tier: "batch" } }, spec: { nodeSelector: { disk: "ssd" } } }),
      old: job([perl], { suspend: true }),
      want: [],
    },
    {
      name: "but not its containers",
      next: job([{ ...perl, image: "perl:5.36" }], { suspend: true }),
      old: job([perl], { suspend: true }),
      want: ["spec.template"],
    },
    {
      name: "refuses a node selector once the Job started",
      next: job([perl], {}, { spec: { nodeSelector: { disk: "ssd" } } }),
      old: { ...job([perl]), status: { startTime: "2025-01-01T00:00:00Z" } },
      want: ["spec.template"],
    },
    { name: "refuses a new selector", next: job([perl], { selector: { matchLabels: { a: "b" } } }), old: job([perl]), want: ["spec.selector"] },
    { name: "takes NonIndexed spelled out as the unset completion mode", next: job([perl], { completionMode: "NonIndexed" }), old: job([perl]), want: [] },
    { name: "refuses a new completion mode", next: job([perl], { completionMode: "Indexed", completions: 1 }), old: job([perl], { completions: 1 }), want: ["spec.completionMode"] },
  ])("$name", ({ next, old, want }) => expect(paths(validateJobUpdate(next, old))).toEqual(want));

  it("reports the new template, defaulted, as the invalid value", () => {
    const [issue] = validateJobUpdate(job([{ ...perl, image: "perl:5.36" }]), job([perl]));
    expect(issue).toMatchObject({ type: "Invalid", path: "spec.template", detail: "field is immutable", goType: podTemplateSpecType });
    expect(issue.value).toMatchObject({ metadata: { creationTimestamp: null }, spec: { dnsPolicy: "ClusterFirst", containers: [{ image: "perl:5.36", imagePullPolicy: "IfNotPresent" }] } });
  });
});
