// Object builders for this folder's tests: just the fields the network reads.

import type { KubeObject } from "../../api/types/meta";

export const START = "2026-01-01T00:00:00Z";

export interface PodOptions {
  ns?: string;
  ip?: string;
  labels?: Record<string, string>;
  ready?: boolean;
  phase?: string;
  hostname?: string;
  subdomain?: string;
  containers?: any[];
  /** Container name → running.startedAt; default START for every container. */
  startedAt?: Record<string, string>;
}

export function pod(name: string, o: PodOptions = {}): KubeObject {
  const containers = o.containers ?? [{ name: "nginx", image: "nginx", ports: [{ containerPort: 80 }] }];
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: o.ns ?? "default", labels: o.labels ?? {} },
    spec: { containers, nodeName: "kind-control-plane", hostname: o.hostname, subdomain: o.subdomain },
    status: {
      phase: o.phase ?? "Running",
      podIP: o.ip,
      podIPs: o.ip ? [{ ip: o.ip }] : [],
      conditions: [{ type: "Ready", status: o.ready === false ? "False" : "True" }],
      containerStatuses: containers.map((c) => ({
        name: c.name,
        ready: o.ready !== false,
        state: { running: { startedAt: o.startedAt?.[c.name] ?? START } },
      })),
    },
  };
}

export function service(name: string, spec: Record<string, unknown>, ns = "default"): KubeObject {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace: ns }, spec: { type: "ClusterIP", ...spec } };
}
