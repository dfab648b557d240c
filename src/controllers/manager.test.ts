import { describe, expect, it } from "vitest";
import { CONTROLLERS, WORKLOAD_CONTROLLERS, triggersByKind } from "./manager";

describe("the controller manager table", () => {
  it("runs the controllers in order: deployment, replicaset, replicationcontroller, statefulset, cronjob, job, garbage collector, then the namespace-level ones", () => {
    expect(CONTROLLERS.map((c) => c.name)).toEqual(["deployment-controller", "replicaset-controller", "replication-controller", "statefulset-controller", "cronjob-controller", "job-controller", "job-controller-orphan-pods", "garbage-collector", "namespace", "serviceaccount", "node-lifecycle-controller", "taint-eviction-controller", "pod-garbage-collector", "persistentvolume-controller", "pvc-protection-controller", "pv-protection-controller", "rancher.io/local-path_local-path-provisioner", "endpoint-controller", "endpointslice-controller", "apiserver-endpoint-reconciler", "ttlafterfinished-controller"]);
  });

  it.each([
    { kind: "Pod", want: ["deployment-controller", "replicaset-controller", "replication-controller", "statefulset-controller", "job-controller", "job-controller-orphan-pods", "garbage-collector"] },
    { kind: "Job", want: ["cronjob-controller", "job-controller", "job-controller-orphan-pods", "garbage-collector"] },
    { kind: "CronJob", want: ["cronjob-controller", "garbage-collector"] },
    { kind: "ReplicaSet", want: ["deployment-controller", "replicaset-controller", "garbage-collector"] },
    { kind: "Deployment", want: ["deployment-controller", "garbage-collector"] },
    { kind: "ReplicationController", want: ["replication-controller", "garbage-collector"] },
  ])("wakes $want on a $kind change", ({ kind, want }) => {
    expect(triggersByKind(WORKLOAD_CONTROLLERS).get(kind)!.map((r) => r.controller.name)).toEqual(want);
  });

  it("gives every controller a unique name", () => {
    expect(new Set(CONTROLLERS.map((c) => c.name)).size).toBe(CONTROLLERS.length);
  });
});
