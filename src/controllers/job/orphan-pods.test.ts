import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import type { Write } from "../types";
import { jobOrphanPodController } from "./orphan-pods";
import { pod, replicaSet, rfc, rng, summarize, T0, viewWith } from "../../../test/builders";
import type { Buildable } from "../../../test/builders";
import { JOB_TRACKING_FINALIZER } from "./pod-accounting";

const job = (conditions?: object[]): KubeObject => ({
  apiVersion: "batch/v1",
  kind: "Job",
  metadata: { name: "pi", namespace: "default", uid: "uid-job-pi", resourceVersion: "1", creationTimestamp: rfc(T0) },
  spec: {},
  ...(conditions ? { status: { conditions } } : {}),
});
const tracked = (owner?: KubeObject | Buildable) => {
  const p = pod("pi-a").phase("Failed");
  if (owner) p.ownedBy(owner as KubeObject);
  const built = p.build();
  built.metadata.finalizers = [JOB_TRACKING_FINALIZER];
  return built;
};
const detail = (w: Write) => (w.op === "update" ? `finalizers=[${(w.object.metadata.finalizers ?? []).join(",")}]` : "");

describe("the Job controller's orphan pods", () => {
  it.each([
    { name: "a pod no one controls (orphaned by delete --cascade=orphan) loses the finalizer", given: [tracked()], want: ["update Pod pi-a finalizers=[]"] },
    { name: "so does a pod whose Job is gone", given: [tracked(job())], want: ["update Pod pi-a finalizers=[]"] },
    { name: "and a pod whose Job has finished", given: [job([{ type: "Complete", status: "True" }]), tracked(job())], want: ["update Pod pi-a finalizers=[]"] },
    { name: "a pod of a running Job keeps it: the Job counts it first", given: [job(), tracked(job())], want: [] },
    { name: "a pod another kind controls keeps it: not the Job controller's to take", given: [tracked(replicaSet("web").build())], want: [] },
  ])("$name", ({ given, want }) => {
    const { view } = viewWith(...given);
    expect(summarize(jobOrphanPodController.reconcile(view, "Pod/default/pi-a", T0, rng()), detail)).toEqual(want);
  });
});
