import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { Store } from "../store/store";
import { ApiServer, loadWritePipeline } from "../server";
import { createRng } from "../../sim/random";
import { instant } from "../../sim/time";

await loadWritePipeline();

const ns: KubeObject = { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" }, status: { phase: "Active" } };
const template = { spec: { restartPolicy: "Never", containers: [{ name: "c", image: "busybox" }] } };
const create = (obj: KubeObject) => new ApiServer(new Store([ns]), () => instant(0), createRng(1)).create(obj);

describe("a new Job as the API server stores it", () => {
  const job = create({ apiVersion: "batch/v1", kind: "Job", metadata: { name: "pi" }, spec: { template } });
  const uid = job.metadata.uid!;
  const generated = { "batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": "pi", "controller-uid": uid, "job-name": "pi" };

  it("gets SetDefaults_Job's counts, an empty status, and a selector on its own uid", () => {
    const { template: _t, ...spec } = job.spec;
    expect(spec).toEqual({
      backoffLimit: 6,
      completionMode: "NonIndexed",
      completions: 1,
      parallelism: 1,
      podReplacementPolicy: "TerminatingOrFailed",
      selector: { matchLabels: { "batch.kubernetes.io/controller-uid": uid } },
      suspend: false,
    });
    expect(job.status).toEqual({});
  });

  it("labels its template, and itself when it had no labels, with its name and uid", () => {
    expect(job.spec.template.metadata.labels).toEqual(generated);
    expect(job.metadata.labels).toEqual(generated);
  });

  it.each([
    { name: "parallelism alone leaves completions unset (a work queue)", spec: { parallelism: 3 }, want: { parallelism: 3, completions: undefined } },
    { name: "a podFailurePolicy makes the replacement policy Failed", spec: { podFailurePolicy: { rules: [] } }, want: { podReplacementPolicy: "Failed" } },
    { name: "backoffLimitPerIndex lifts the Job-wide limit", spec: { completionMode: "Indexed", completions: 2, backoffLimitPerIndex: 1 }, want: { backoffLimit: 2147483647 } },
  ])("$name", ({ spec, want }) => {
    const made = create({ apiVersion: "batch/v1", kind: "Job", metadata: { name: "w" }, spec: { template, ...spec } });
    for (const [k, v] of Object.entries(want)) expect(made.spec[k]).toEqual(v);
  });
});

describe("a new CronJob as the API server stores it", () => {
  it("gets SetDefaults_CronJob's policy and limits and an empty status; its jobTemplate only pod defaults", () => {
    const cj = create({ apiVersion: "batch/v1", kind: "CronJob", metadata: { name: "c" }, spec: { schedule: "* * * * *", jobTemplate: { spec: { template } } } });
    const { jobTemplate, ...spec } = cj.spec;
    expect(spec).toEqual({ schedule: "* * * * *", concurrencyPolicy: "Allow", suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(Object.keys(jobTemplate.spec)).toEqual(["template"]);
    expect(jobTemplate.spec.template.spec.dnsPolicy).toBe("ClusterFirst");
    expect(cj.status).toEqual({});
  });
});
