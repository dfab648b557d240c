// Plain objects for the Endpoints and EndpointSlice controller tests: just the fields they read.

import type { KubeObject } from "../../api/types";
import { Store } from "../../api/store/store";
import { viewOf, type ClusterView } from "../../api/store/view";

export const T0 = "2025-01-01T00:00:00Z";

export interface PodShape {
  ip?: string;
  ready?: boolean;
  labels?: Record<string, string>;
  terminating?: boolean;
  phase?: string;
  restartPolicy?: string;
  hostname?: string;
  subdomain?: string;
  node?: string;
  ports?: { name?: string; containerPort: number }[];
  readySince?: string;
}

export function pod(name: string, s: PodShape = {}): KubeObject {
  const metadata: Record<string, unknown> = { name, namespace: "default", uid: `uid-${name}`, labels: s.labels ?? { app: "web" }, creationTimestamp: T0 };
  if (s.terminating) metadata.deletionTimestamp = "2025-01-01T00:01:00Z";
  const spec: Record<string, unknown> = {
    nodeName: s.node ?? "kubesim-worker",
    restartPolicy: s.restartPolicy ?? "Always",
    containers: [{ name: "c", image: "nginx", ports: s.ports ?? [] }],
  };
  if (s.hostname) spec.hostname = s.hostname;
  if (s.subdomain) spec.subdomain = s.subdomain;
  const status: Record<string, unknown> = {
    phase: s.phase ?? "Running",
    conditions: [{ type: "Ready", status: s.ready === false ? "False" : "True", lastTransitionTime: s.readySince ?? T0 }],
  };
  if (s.ip !== undefined) {
    status.podIP = s.ip;
    status.podIPs = [{ ip: s.ip }];
  }
  return { apiVersion: "v1", kind: "Pod", metadata, spec, status } as unknown as KubeObject;
}

export function service(name: string, spec: Record<string, unknown> = {}, labels?: Record<string, string>): KubeObject {
  const metadata: Record<string, unknown> = { name, namespace: "default", uid: `uid-svc-${name}`, creationTimestamp: T0 };
  if (labels) metadata.labels = labels;
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata,
    spec: { selector: { app: "web" }, clusterIP: "10.96.1.1", type: "ClusterIP", ports: [{ port: 80, protocol: "TCP", targetPort: 8080 }], ...spec },
  } as unknown as KubeObject;
}

export function viewOver(objects: readonly KubeObject[]): ClusterView {
  return viewOf(new Store(objects.map((o, i) => ({ ...o, metadata: { ...o.metadata, resourceVersion: String(i + 1) } }))), new Map());
}
