// Seed states for the conformance suites: small clusters driven to quiescence through the
// real API server and engine (no fakes), each a different situation the components must handle.

import { Cluster, loadEngine } from "../../src/sim/cluster";
import { defaultClusterState } from "../../src/state/default-cluster";
import { instant, seconds } from "../../src/sim/time";
import type { KubeObject } from "../../src/api/types";

// These clusters run their control loops, which load on demand.
await loadEngine();

export const T0 = instant(Date.parse("2025-01-01T00:00:00Z"));

export function freshCluster(): Cluster {
  const c = new Cluster(defaultClusterState({ nodes: 3, seed: 1, start: T0, tick: "5s" }));
  c.bootstrap();
  return c;
}

const deployment = (name: string, replicas: number, image = "nginx:1.27"): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, labels: { app: name } },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "app", image }] } },
  },
});

const replicationController = (name: string, replicas: number): KubeObject => ({
  apiVersion: "v1",
  kind: "ReplicationController",
  metadata: { name },
  spec: { replicas, selector: { app: name }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "app", image: "nginx" }] } } },
});

const statefulSet = (name: string, replicas: number): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "StatefulSet",
  metadata: { name },
  spec: {
    serviceName: name,
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "app", image: "nginx:1.27", volumeMounts: [{ name: "data", mountPath: "/data" }] }] } },
    volumeClaimTemplates: [{ metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }],
  },
});

export interface SeedState {
  readonly name: string;
  readonly build: () => Cluster;
}

/** Each seed settles: advanced long enough that nothing more is due soon. */
export const SEED_STATES: readonly SeedState[] = [
  { name: "the default cluster", build: () => freshCluster() },
  {
    name: "a running three-replica Deployment",
    build: () => {
      const c = freshCluster();
      c.api.create(deployment("web", 3));
      c.settle();
      c.advance(seconds(120));
      return c;
    },
  },
  {
    name: "a Deployment scaled down and a ReplicationController",
    build: () => {
      const c = freshCluster();
      c.api.create(deployment("web", 4));
      c.api.create(replicationController("legacy", 2));
      c.settle();
      c.advance(seconds(60));
      const d = structuredClone(c.api.get("Deployment", "default", "web"));
      d.spec.replicas = 1;
      c.api.update(d);
      c.settle();
      c.advance(seconds(120));
      return c;
    },
  },
  {
    name: "a Deployment behind ClusterIP, NodePort and headless Services, scaled down",
    build: () => {
      const c = freshCluster();
      c.api.create(deployment("web", 3));
      for (const [name, spec] of [
        ["web", {}],
        ["web-np", { type: "NodePort" }],
        ["web-headless", { clusterIP: "None" }],
        ["empty", { selector: { app: "nothing" } }],
      ] as const) {
        c.api.create({ apiVersion: "v1", kind: "Service", metadata: { name }, spec: { selector: { app: "web" }, ports: [{ port: 80 }], ...spec } } as KubeObject);
      }
      c.settle();
      c.advance(seconds(60));
      const d = structuredClone(c.api.get("Deployment", "default", "web"));
      d.spec.replicas = 1;
      c.api.update(d);
      c.settle();
      c.advance(seconds(120));
      return c;
    },
  },
  {
    name: "a Deployment deleted with the foreground policy",
    build: () => {
      const c = freshCluster();
      c.api.create(deployment("web", 2));
      c.settle();
      c.advance(seconds(60));
      c.api.delete({ kind: "Deployment", namespace: "default", name: "web" }, { propagationPolicy: "Foreground" });
      c.settle();
      c.advance(seconds(120));
      return c;
    },
  },  {
    name: "a StatefulSet with claims, rolled to a new image and scaled down",
    build: () => {
      const c = freshCluster();
      c.api.create(statefulSet("web", 3));
      c.settle();
      c.advance(seconds(60));
      const s = structuredClone(c.api.get("StatefulSet", "default", "web"));
      s.spec.replicas = 2;
      s.spec.template.spec.containers[0].image = "nginx:1.26";
      c.api.update(s);
      c.settle();
      c.advance(seconds(180));
      return c;
    },
  },
];
