import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import { daemonSetStatus, deploymentStatus, statefulSetStatus, statusViewerFor } from "./rollout-status";

function deploy(spec: Record<string, unknown>, status: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", generation: 2, annotations: { "deployment.kubernetes.io/revision": "2" }, ...meta }, spec: { replicas: 3, ...spec }, status: { observedGeneration: 2, ...status } } as KubeObject;
}

const progressing = (reason: string) => ({ conditions: [{ type: "Available", status: "True" }, { type: "Progressing", status: "True", reason }] });

const deploymentCases = [
  {
    name: "waits for the spec update to be observed while the generation is ahead",
    d: deploy({}, { observedGeneration: 1, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }),
    want: { message: "Waiting for deployment spec update to be observed...", done: false },
  },
  {
    name: "waits for updated replicas while the new ReplicaSet scales up",
    d: deploy({}, { replicas: 4, updatedReplicas: 1, availableReplicas: 3 }),
    want: { message: 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...', done: false },
  },
  {
    name: "reports zero updated replicas for a paused deployment with a pending template",
    d: deploy({ paused: true }, { replicas: 3, availableReplicas: 3 }),
    want: { message: 'Waiting for deployment "web" rollout to finish: 0 out of 3 new replicas have been updated...', done: false },
  },
  {
    name: "waits for old replicas to terminate once all are updated",
    d: deploy({}, { replicas: 4, updatedReplicas: 3, availableReplicas: 3 }),
    want: { message: 'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...', done: false },
  },
  {
    name: "waits for updated replicas to become available",
    d: deploy({}, { replicas: 3, updatedReplicas: 3, availableReplicas: 2 }),
    want: { message: 'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...', done: false },
  },
  {
    name: "is done when every replica is updated and available",
    d: deploy({}, { replicas: 3, updatedReplicas: 3, availableReplicas: 3, ...progressing("NewReplicaSetAvailable") }),
    want: { message: 'deployment "web" successfully rolled out', done: true },
  },
  {
    name: "fails once the progress deadline is exceeded",
    d: deploy({}, { replicas: 4, updatedReplicas: 1, availableReplicas: 3, ...progressing("ProgressDeadlineExceeded") }),
    want: { message: "", done: false, error: 'deployment "web" exceeded its progress deadline' },
  },
  {
    name: "does not report the deadline before the new generation is observed",
    d: deploy({}, { observedGeneration: 1, ...progressing("ProgressDeadlineExceeded") }),
    want: { message: "Waiting for deployment spec update to be observed...", done: false },
  },
];

describe("deploymentStatus", () => {
  it.each(deploymentCases)("$name", ({ d, want }) => expect(deploymentStatus(d)).toEqual(want));

  it.each([
    { name: "accepts the running revision", revision: 2, want: { message: 'deployment "web" successfully rolled out', done: true } },
    { name: "rejects a revision that is not the running one", revision: 3, want: { message: "", done: false, error: "desired revision (3) is different from the running revision (2)" } },
  ])("$name", ({ revision, want }) => {
    expect(deploymentStatus(deploy({}, { replicas: 3, updatedReplicas: 3, availableReplicas: 3 }), revision)).toEqual(want);
  });
});

const ds = (spec: Record<string, unknown>, status: Record<string, unknown>): KubeObject =>
  ({ apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "fluentd", generation: 1 }, spec, status: { observedGeneration: 1, ...status } }) as KubeObject;
const sts = (spec: Record<string, unknown>, status: Record<string, unknown>): KubeObject =>
  ({ apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "web", generation: 1 }, spec: { replicas: 3, ...spec }, status: { observedGeneration: 1, ...status } }) as KubeObject;

describe("daemonSetStatus and statefulSetStatus", () => {
  it.each([
    { name: "daemon set waits for updated pods", got: daemonSetStatus(ds({}, { desiredNumberScheduled: 2, updatedNumberScheduled: 1 })), want: 'Waiting for daemon set "fluentd" rollout to finish: 1 out of 2 new pods have been updated...' },
    { name: "daemon set waits for available pods", got: daemonSetStatus(ds({}, { desiredNumberScheduled: 2, updatedNumberScheduled: 2, numberAvailable: 1 })), want: 'Waiting for daemon set "fluentd" rollout to finish: 1 of 2 updated pods are available...' },
    { name: "daemon set is rolled out", got: daemonSetStatus(ds({}, { desiredNumberScheduled: 2, updatedNumberScheduled: 2, numberAvailable: 2 })), want: 'daemon set "fluentd" successfully rolled out' },
    { name: "stateful set waits for ready pods", got: statefulSetStatus(sts({ updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } } }, { readyReplicas: 2 })), want: "Waiting for 1 pods to be ready..." },
    { name: "stateful set waits for the partitioned roll out", got: statefulSetStatus(sts({ updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } } }, { readyReplicas: 3, updatedReplicas: 1 })), want: "Waiting for partitioned roll out to finish: 1 out of 3 new pods have been updated..." },
    { name: "stateful set completes the partitioned roll out", got: statefulSetStatus(sts({ updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } } }, { readyReplicas: 3, updatedReplicas: 3 })), want: "partitioned roll out complete: 3 new pods have been updated..." },
  ])("$name", ({ got, want }) => expect(got.error ?? got.message).toBe(want));

  it("refuses OnDelete stateful sets", () => {
    expect(statefulSetStatus(sts({ updateStrategy: { type: "OnDelete" } }, {}))).toEqual({ message: "", done: true, error: "rollout status is only available for RollingUpdate strategy type" });
  });

  it("has viewers for exactly the three kinds kubectl has", () => {
    expect(["Deployment", "DaemonSet", "StatefulSet", "ReplicaSet", "Pod"].map((k) => statusViewerFor(k) !== undefined)).toEqual([true, true, true, false, false]);
  });
});
