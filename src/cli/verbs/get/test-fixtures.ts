// Test fixtures for the reading verbs: objects written straight into a harness's state file,
// shaped so that no control loop changes what the tests print (pods name a scheduler that does
// not exist, so they stay Pending and unbound; the deployment is paused with no ReplicaSet).

import type { KubeObject } from "../../../api/types";
import { readState, writeState } from "../../../state/file";
import { T0_MS } from "../../../../test/cli-harness";
import type { Harness } from "../../../../test/cli-harness";
import { deepCopy } from "../../../api/deep-copy";

/** RFC 3339 for `seconds` before the harness's T0. */
export function before(seconds: number): string {
  return new Date(T0_MS - seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * Adds objects to the harness's state with uid, resourceVersion and creationTimestamp. The
 * resourceVersions start at 1001 and the uids count from 1, whatever the cluster already holds,
 * so printed objects do not change when other components write more objects at reset.
 */
export function seed(h: Harness, objects: readonly KubeObject[]): void {
  const state = readState(h.state)!;
  objects.forEach((obj, i) => {
    const o = deepCopy(obj);
    o.metadata.uid ??= `00000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`;
    o.metadata.resourceVersion = String(1001 + i);
    o.metadata.creationTimestamp ??= before(300);
    state.objects.push(o);
  });
  state.resourceVersion = Math.max(state.resourceVersion, 1000 + objects.length);
  writeState(h.state, state);
}

export function pendingPod(name: string, namespace: string, labels: Record<string, string>, ageSeconds: number): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace, labels, creationTimestamp: before(ageSeconds) },
    spec: {
      containers: [{ name: "app", image: "nginx:1.27" }],
      schedulerName: "manual-scheduler",
      restartPolicy: "Always",
    },
    status: { phase: "Pending", qosClass: "BestEffort" },
  };
}

export function namespace(name: string): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name, labels: { "kubernetes.io/metadata.name": name }, creationTimestamp: before(600) },
    spec: { finalizers: ["kubernetes"] },
    status: { phase: "Active" },
  };
}

export function configMap(name: string, namespace: string, data: Record<string, string>): KubeObject {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace, creationTimestamp: before(120) }, data };
}

/** A paused Deployment with no ReplicaSet: its status stays all zeros. */
export function pausedDeployment(name: string, replicas: number): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "default", labels: { app: name }, generation: 1, creationTimestamp: before(240) },
    spec: {
      paused: true,
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: "app", image: "nginx:1.27" }], schedulerName: "manual-scheduler" },
      },
    },
    status: {},
  };
}

/** The objects most get/describe tests share: three pods, a dev namespace with one pod, a config map, a deployment. */
export function standardObjects(): KubeObject[] {
  return [
    namespace("dev"),
    pendingPod("web-1", "default", { app: "web", tier: "frontend" }, 90),
    pendingPod("web-2", "default", { app: "web" }, 30),
    pendingPod("db-10", "default", { app: "db" }, 600),
    pendingPod("api-1", "dev", { app: "api" }, 45),
    configMap("settings", "default", { mode: "fast", level: "3" }),
    pausedDeployment("web", 2),
  ];
}
