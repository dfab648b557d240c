// The default cluster, like a three-node kind cluster (DESIGN.md "Default cluster"): one
// tainted control-plane node and workers, the four system namespaces, the `kubernetes`
// Service and a default StorageClass. Built as a state from a seed and a start instant.

import type { KubeObject } from "../api/types";
import type { ClusterState } from "../sim/state-shape";
import { SCHEMA_VERSION } from "../sim/state-shape";
import type { Instant } from "../sim/time";
import { toRFC3339 } from "../sim/time";
import { createRng } from "../sim/random";
import { newUid } from "../api/uid";
import { buildNode } from "./default-node";

export interface ResetOptions {
  readonly nodes: number; // total, the control plane included
  readonly seed: number;
  readonly start: Instant;
  readonly tick: string;
}

export const SYSTEM_NAMESPACES = ["default", "kube-node-lease", "kube-public", "kube-system"];

/** Node names as kind names them: kubesim-control-plane, kubesim-worker, kubesim-worker2, … */
export function nodeName(index: number): string {
  if (index === 0) return "kubesim-control-plane";
  return index === 1 ? "kubesim-worker" : `kubesim-worker${index}`;
}

export function defaultClusterState(opts: ResetOptions): ClusterState {
  const rng = createRng(opts.seed);
  const created = toRFC3339(opts.start);
  let rv = 0;
  const stamp = (obj: KubeObject): KubeObject => {
    obj.metadata.uid = newUid(rng);
    obj.metadata.resourceVersion = String(++rv);
    obj.metadata.creationTimestamp = created;
    return obj;
  };
  const objects: KubeObject[] = [];
  for (const ns of SYSTEM_NAMESPACES) {
    objects.push(
      stamp({
        apiVersion: "v1",
        kind: "Namespace",
        metadata: { name: ns, labels: { "kubernetes.io/metadata.name": ns } },
        spec: { finalizers: ["kubernetes"] },
        status: { phase: "Active" },
      }),
    );
  }
  for (let i = 0; i < Math.max(1, opts.nodes); i++) objects.push(stamp(buildNode(i, nodeName(i), created, rng)));
  objects.push(stamp(kubernetesService()));
  // The API server's endpoint reconciler fills these at start-up (controllers/endpoints/
  // kubernetes-service.ts keeps them so). They are built here, sharing the Service's revision
  // and drawing their uids from a generator of their own, so that adding them left the seeded
  // sequence (names, uids, placements) and the resourceVersions of everything after unchanged.
  const apiRng = createRng(opts.seed ^ 0x6b756265);
  const controlPlane = objects.find((o) => o.kind === "Node")!;
  const controlPlaneIP = (controlPlane.status.addresses as { type: string; address: string }[]).find((a) => a.type === "InternalIP")!.address;
  for (const obj of kubernetesEndpoints(controlPlaneIP)) {
    obj.metadata.uid = newUid(apiRng);
    obj.metadata.resourceVersion = String(rv);
    obj.metadata.creationTimestamp = created;
    objects.push(obj);
  }
  objects.push(stamp(standardStorageClass()));
  return {
    schemaVersion: SCHEMA_VERSION,
    clock: { now: new Date(opts.start).toISOString(), tick: opts.tick },
    seed: opts.seed,
    rngState: rng.state(),
    resourceVersion: rv,
    objects,
    agenda: [],
    runtime: {},
  };
}

function kubernetesService(): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name: "kubernetes",
      namespace: "default",
      labels: { component: "apiserver", provider: "kubernetes" },
    },
    spec: {
      clusterIP: "10.96.0.1",
      clusterIPs: ["10.96.0.1"],
      internalTrafficPolicy: "Cluster",
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
      ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
      sessionAffinity: "None",
      type: "ClusterIP",
    },
    status: { loadBalancer: {} },
  };
}

/** default/kubernetes Endpoints and EndpointSlice: the API server at the control plane's :6443. */
function kubernetesEndpoints(ip: string): KubeObject[] {
  const port = { name: "https", port: 6443, protocol: "TCP" };
  return [
    {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: { name: "kubernetes", namespace: "default", labels: { "endpointslice.kubernetes.io/skip-mirror": "true" } },
      subsets: [{ addresses: [{ ip }], ports: [port] }],
    } as KubeObject,
    {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { name: "kubernetes", namespace: "default", generation: 1, labels: { "kubernetes.io/service-name": "kubernetes" } },
      addressType: "IPv4",
      endpoints: [{ addresses: [ip], conditions: { ready: true } }],
      ports: [port],
    } as KubeObject,
  ];
}

/** kind's default StorageClass (rancher local-path), which provisions volumes on first use. */
function standardStorageClass(): KubeObject {
  return {
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: {
      name: "standard",
      annotations: { "storageclass.kubernetes.io/is-default-class": "true" },
    },
    provisioner: "rancher.io/local-path",
    reclaimPolicy: "Delete",
    volumeBindingMode: "WaitForFirstConsumer",
  };
}
