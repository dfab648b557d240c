// The API server's own endpoint reconciler for default/kubernetes (pkg/controlplane/reconcilers
// lease.go with the EndpointsAdapter, kubernetes v1.32): the Service has no selector, so no
// controller fills it; each API server writes its address and port (6443 on kind) into the
// `kubernetes` Endpoints and the EndpointSlice of the same name. kubesim's API server is the
// control-plane node's InternalIP.

import type { KubeObject, ObjectKey } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import type { Controller, Outcome, Trigger, Write } from "../types";
import { NOTHING } from "../types";
import { sameJSON } from "../shared/canonical";

const KEY: ObjectKey = "Service/default/kubernetes";
const SECURE_PORT = 6443;
const CONTROL_PLANE_LABEL = "node-role.kubernetes.io/control-plane";

const wakeFor = (kind: string, match: (obj: KubeObject) => boolean): Trigger => ({ kind, keysFor: (obj) => (match(obj) ? [KEY] : []) });
const isKubernetes = (obj: KubeObject) => obj.metadata.namespace === "default" && obj.metadata.name === "kubernetes";

export const kubernetesEndpointsReconciler = {
  name: "apiserver-endpoint-reconciler",
  primary: "Service",
  wakeOn: [
    wakeFor("Service", isKubernetes),
    wakeFor("Endpoints", isKubernetes),
    wakeFor("EndpointSlice", isKubernetes),
    wakeFor("Node", (n) => CONTROL_PLANE_LABEL in (n.metadata.labels ?? {})),
  ],
  reconcile: (view, key) => (key === KEY ? reconcileKubernetesEndpoints(view) : NOTHING),
} satisfies Controller;

/** Puts the API servers' addresses into default/kubernetes Endpoints and EndpointSlice. */
export function reconcileKubernetesEndpoints(view: ClusterView): Outcome {
  const svc = view.get(KEY);
  if (!svc) return NOTHING;
  const ips = apiServerIPs(view);
  if (ips.length === 0) return NOTHING;
  const port = { name: "https", port: SECURE_PORT, protocol: "TCP" };
  const writes: Write[] = [];
  const ep = view.get("Endpoints/default/kubernetes");
  const subsets = [{ addresses: ips.map((ip) => ({ ip })), ports: [port] }];
  const epLabels = { "endpointslice.kubernetes.io/skip-mirror": "true" };
  if (!ep || !sameJSON(ep.subsets, subsets) || !sameJSON(ep.metadata.labels, epLabels)) {
    const object = { apiVersion: "v1", kind: "Endpoints", metadata: { ...(ep?.metadata ?? {}), name: "kubernetes", namespace: "default", labels: epLabels }, subsets } as KubeObject;
    writes.push({ op: ep ? "update" : "create", object });
  }
  const slice = view.get("EndpointSlice/default/kubernetes");
  const endpoints = ips.map((ip) => ({ addresses: [ip], conditions: { ready: true } }));
  const sliceLabels = { "kubernetes.io/service-name": "kubernetes" };
  if (!slice || !sameJSON(slice.endpoints, endpoints) || !sameJSON(slice.ports, [port]) || !sameJSON(slice.metadata.labels, sliceLabels)) {
    const object = {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { ...(slice?.metadata ?? {}), name: "kubernetes", namespace: "default", labels: sliceLabels },
      addressType: "IPv4",
      endpoints,
      ports: [port],
    } as KubeObject;
    writes.push({ op: slice ? "update" : "create", object });
  }
  return writes.length > 0 ? { writes, events: [] } : NOTHING;
}

/** The InternalIP of every control-plane node that is not being deleted, sorted. */
function apiServerIPs(view: ClusterView): string[] {
  const ips: string[] = [];
  for (const node of view.list("Node")) {
    if (!(CONTROL_PLANE_LABEL in (node.metadata.labels ?? {})) || node.metadata.deletionTimestamp) continue;
    const ip = ((node.status?.addresses ?? []) as { type: string; address: string }[]).find((a) => a.type === "InternalIP")?.address;
    if (ip) ips.push(ip);
  }
  return ips.sort();
}
