// Small fixtures for the node lifecycle tests: a view over given objects and runtime records.

import type { KubeObject } from "../../src/api/types";
import { Store } from "../../src/api/store/store";
import type { ClusterView } from "../../src/api/store/view";
import { viewOf } from "../../src/api/store/view";
import type { Instant } from "../../src/sim/time";
import { instant, toRFC3339 } from "../../src/sim/time";

export const T0 = instant(Date.UTC(2025, 0, 1, 0, 0, 0));
export const at = (s: number): Instant => instant(T0 + s * 1000);
export const stamp = (s: number): string => toRFC3339(at(s));

export function viewOver(objects: readonly KubeObject[], runtime: Record<string, unknown> = {}): ClusterView {
  return viewOf(new Store(objects.map((o) => structuredClone(o))), new Map(Object.entries(runtime)));
}

export function workerNode(opts: { ready?: "True" | "False" | "Unknown"; taints?: unknown[] } = {}): KubeObject {
  const cond = (type: string, status: string, reason: string) => ({ type, status, reason, message: "m", lastHeartbeatTime: stamp(0), lastTransitionTime: stamp(0) });
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: "kubesim-worker", uid: "uid-node", resourceVersion: "1" },
    spec: { podCIDR: "10.244.1.0/24", ...(opts.taints ? { taints: opts.taints } : {}) },
    status: {
      conditions: [
        cond("MemoryPressure", opts.ready === "Unknown" ? "Unknown" : "False", "KubeletHasSufficientMemory"),
        cond("DiskPressure", opts.ready === "Unknown" ? "Unknown" : "False", "KubeletHasNoDiskPressure"),
        cond("PIDPressure", opts.ready === "Unknown" ? "Unknown" : "False", "KubeletHasSufficientPID"),
        cond("Ready", opts.ready ?? "True", opts.ready === "Unknown" ? "NodeStatusUnknown" : "KubeletReady"),
      ],
    },
  };
}

export function boundPod(name: string, opts: { tolerations?: unknown[]; ready?: boolean; boundAt?: number; deleting?: boolean; node?: string } = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: "default",
      uid: `uid-${name}`,
      resourceVersion: "1",
      creationTimestamp: stamp(opts.boundAt ?? 0),
      ...(opts.deleting ? { deletionTimestamp: stamp(0), deletionGracePeriodSeconds: 30 } : {}),
    },
    spec: { nodeName: opts.node ?? "kubesim-worker", containers: [{ name: "c", image: "nginx" }], ...(opts.tolerations ? { tolerations: opts.tolerations } : {}) },
    status: {
      phase: "Running",
      conditions: [
        { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: stamp(opts.boundAt ?? 0) },
        { type: "Ready", status: opts.ready === false ? "False" : "True", lastProbeTime: null, lastTransitionTime: stamp(opts.boundAt ?? 0) },
      ],
    },
  };
}

/** The tolerations DefaultTolerationSeconds gives every pod. */
export const DEFAULT_TOLERATIONS = [
  { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
  { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
];

export const UNREACHABLE_TAINTS = (addedAt: number) => [
  { key: "node.kubernetes.io/unreachable", effect: "NoSchedule" },
  { key: "node.kubernetes.io/unreachable", effect: "NoExecute", timeAdded: stamp(addedAt) },
];
