// Each invariant can fail: a hand-made broken state makes it report, a healthy one does not.

import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../src/api/types";
import {
  danglingOwnerReferences,
  fenceposts,
  overfullReplicaSets,
  overparallelJobs,
  oversurgedDeployments,
  strandedJobPods,
  strayDeploymentPods,
  underAvailable,
} from "./invariants";

const owner = (kind: string, name: string, uid: string) => ({ apiVersion: "apps/v1", kind, name, uid, controller: true });

const deployment = (rollingUpdate?: object, replicas = 4): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default", uid: "d1" },
  spec: { replicas, selector: { matchLabels: { app: "web" } }, strategy: { type: "RollingUpdate", rollingUpdate } },
});
const rs = (name: string, uid: string, replicas: number): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "ReplicaSet",
  metadata: { name, namespace: "default", uid, ownerReferences: [owner("Deployment", "web", "d1")] },
  spec: { replicas, selector: { matchLabels: { app: "web", "pod-template-hash": name } } },
});
const pod = (name: string, rsName: string | undefined, rsUid: string, extra: { ready?: boolean; deleting?: boolean } = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name,
    namespace: "default",
    uid: `p-${name}`,
    labels: { app: "web", "pod-template-hash": rsName ?? "h1" },
    ...(rsName ? { ownerReferences: [owner("ReplicaSet", rsName, rsUid)] } : {}),
    ...(extra.deleting ? { deletionTimestamp: "2025-01-01T00:00:00Z" } : {}),
  },
  status: { phase: "Running", conditions: [{ type: "Ready", status: extra.ready === false ? "False" : "True" }] },
});

describe("danglingOwnerReferences", () => {
  it("accepts references to owners that exist with that uid", () => {
    expect(danglingOwnerReferences([deployment(), rs("h1", "r1", 1), pod("a", "h1", "r1")])).toEqual([]);
  });
  it("reports a live pod whose ReplicaSet is gone", () => {
    expect(danglingOwnerReferences([pod("a", "h1", "r1")])).toEqual([
      "Pod/default/a is owned by ReplicaSet/h1 uid r1, which does not exist",
    ]);
  });
  it("reports a reference to a recreated owner (same name, another uid)", () => {
    expect(danglingOwnerReferences([deployment(), rs("h1", "r2", 1), pod("a", "h1", "r1")])).toEqual([
      "Pod/default/a is owned by ReplicaSet/h1 uid r1, which has uid r2",
    ]);
  });
  it("excuses an object that is being deleted", () => {
    expect(danglingOwnerReferences([pod("a", "h1", "r1", { deleting: true })])).toEqual([]);
  });
});

describe("overfullReplicaSets", () => {
  it("reports a ReplicaSet controlling more active pods than it wants", () => {
    expect(overfullReplicaSets([rs("h1", "r1", 1), pod("a", "h1", "r1"), pod("b", "h1", "r1")])).toEqual([
      "ReplicaSet/default/h1 controls 2 active pods but wants 1",
    ]);
  });
  it("does not count terminating pods", () => {
    expect(overfullReplicaSets([rs("h1", "r1", 1), pod("a", "h1", "r1"), pod("b", "h1", "r1", { deleting: true })])).toEqual([]);
  });
});

describe("strayDeploymentPods", () => {
  it("reports an orphan pod the Deployment's ReplicaSets should have adopted", () => {
    expect(strayDeploymentPods([deployment(), rs("h1", "r1", 1), pod("a", undefined, "")])).toEqual([
      "Pod/default/a matches a ReplicaSet of Deployment/default/web but is not controlled by one",
    ]);
  });
  it("ignores a pod relabelled out of every ReplicaSet's selector", () => {
    const relabelled = pod("a", undefined, "");
    relabelled.metadata.labels = { app: "web", "pod-template-hash": "other" };
    expect(strayDeploymentPods([deployment(), rs("h1", "r1", 1), relabelled])).toEqual([]);
  });
  it("accepts pods controlled by the Deployment's ReplicaSets", () => {
    expect(strayDeploymentPods([deployment(), rs("h1", "r1", 1), pod("a", "h1", "r1")])).toEqual([]);
  });
});

describe("oversurgedDeployments", () => {
  it("reports more pods than replicas + maxSurge", () => {
    const objs = [deployment({ maxSurge: 1, maxUnavailable: 0 }, 1), rs("h1", "r1", 1), rs("h2", "r2", 2), pod("a", "h1", "r1"), pod("b", "h2", "r2"), pod("c", "h2", "r2")];
    expect(oversurgedDeployments(objs)).toEqual(["Deployment/default/web has 3 active pods, above replicas + maxSurge = 2"]);
  });
});

describe("fenceposts and underAvailable", () => {
  it.each([
    { name: "defaults to 25% each: surge rounds up, unavailable down", ru: undefined, replicas: 3, want: { maxSurge: 1, maxUnavailable: 0 } },
    { name: "turns 0 and 0 into maxUnavailable 1", ru: { maxSurge: 0, maxUnavailable: 0 }, replicas: 3, want: { maxSurge: 0, maxUnavailable: 1 } },
    { name: "resolves 50% of 5 to surge 3, unavailable 2", ru: { maxSurge: "50%", maxUnavailable: "50%" }, replicas: 5, want: { maxSurge: 3, maxUnavailable: 2 } },
  ])("$name", ({ ru, replicas, want }) => {
    expect(fenceposts(deployment(ru, replicas))).toEqual(want);
  });
  it("reports too few available pods, counting neither unready nor terminating ones", () => {
    const d = deployment({ maxSurge: 1, maxUnavailable: 1 }, 3);
    const objs = [d, rs("h1", "r1", 3), pod("a", "h1", "r1"), pod("b", "h1", "r1", { ready: false }), pod("c", "h1", "r1", { deleting: true })];
    expect(underAvailable(objs, d)).toEqual(["Deployment/default/web has 1 available pods, below 3 - maxUnavailable = 2"]);
    expect(underAvailable([...objs, pod("d", "h1", "r1")], d)).toEqual([]);
  });
});

const job = (extra: { parallelism?: number; suspend?: boolean; complete?: boolean } = {}): KubeObject => ({
  apiVersion: "batch/v1",
  kind: "Job",
  metadata: { name: "pi", namespace: "default", uid: "j1" },
  spec: { parallelism: extra.parallelism ?? 1, suspend: extra.suspend ?? false },
  ...(extra.complete ? { status: { conditions: [{ type: "Complete", status: "True" }] } } : {}),
});
const jobPod = (name: string, extra: { tracked?: boolean; phase?: string } = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name,
    namespace: "default",
    uid: `p-${name}`,
    ownerReferences: [{ apiVersion: "batch/v1", kind: "Job", name: "pi", uid: "j1", controller: true }],
    ...(extra.tracked ? { finalizers: ["batch.kubernetes.io/job-tracking"] } : {}),
  },
  status: { phase: extra.phase ?? "Running" },
});

describe("strandedJobPods", () => {
  it.each([
    { name: "a running Job's pod may keep the finalizer", objects: [job(), jobPod("a", { tracked: true })], want: [] },
    { name: "a finished Job's pod may not", objects: [job({ complete: true }), jobPod("a", { tracked: true, phase: "Succeeded" })], want: ["Pod/default/a keeps batch.kubernetes.io/job-tracking but Job/default/pi has finished"] },
    { name: "nor a pod whose Job is gone", objects: [jobPod("a", { tracked: true })], want: ["Pod/default/a keeps batch.kubernetes.io/job-tracking but its Job is gone"] },
  ])("$name", ({ objects, want }) => {
    expect(strandedJobPods(objects)).toEqual(want);
  });
});

describe("overparallelJobs", () => {
  it.each([
    { name: "as many active pods as parallelism", objects: [job({ parallelism: 2 }), jobPod("a"), jobPod("b"), jobPod("c", { phase: "Succeeded" })], want: [] },
    { name: "more active pods than parallelism", objects: [job(), jobPod("a"), jobPod("b")], want: ["Job/default/pi has 2 active pods, more than 1"] },
    { name: "an active pod of a suspended Job", objects: [job({ suspend: true }), jobPod("a")], want: ["Job/default/pi has 1 active pods, more than 0"] },
  ])("$name", ({ objects, want }) => {
    expect(overparallelJobs(objects)).toEqual(want);
  });
});
