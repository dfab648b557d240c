import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { applyDefaults } from "./index";

const container = { name: "nginx", image: "nginx" };
const defaultedContainer = {
  name: "nginx",
  image: "nginx",
  imagePullPolicy: "Always",
  terminationMessagePath: "/dev/termination-log",
  terminationMessagePolicy: "File",
  resources: {},
};
const defaultedTemplateSpec = {
  containers: [defaultedContainer],
  dnsPolicy: "ClusterFirst",
  restartPolicy: "Always",
  schedulerName: "default-scheduler",
  securityContext: {},
  terminationGracePeriodSeconds: 30,
};
const template = { metadata: { labels: { app: "nginx" } }, spec: { containers: [container] } };
const defaultedTemplate = { metadata: { creationTimestamp: null, labels: { app: "nginx" } }, spec: defaultedTemplateSpec };

const cases: { name: string; given: KubeObject; want: Record<string, unknown> }[] = [
  {
    name: "defaults a pod as a v1.32 API server with default admission does",
    given: { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ ...container, ports: [{ containerPort: 80 }] }] } },
    want: {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p" },
      spec: {
        ...defaultedTemplateSpec,
        containers: [{ ...defaultedContainer, ports: [{ containerPort: 80, protocol: "TCP" }] }],
        enableServiceLinks: true,
        preemptionPolicy: "PreemptLowerPriority",
        priority: 0,
        serviceAccount: "default",
        serviceAccountName: "default",
        tolerations: [
          { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 },
          { effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 },
        ],
      },
    },
  },
  {
    name: "deployment: replicas 1, RollingUpdate 25%/25%, history 10, deadline 600, defaulted template",
    given: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { selector: { matchLabels: { app: "nginx" } }, template } },
    want: {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "d" },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: "nginx" } },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
        template: defaultedTemplate,
      },
    },
  },
  {
    name: "replica set: replicas 1 and a defaulted template",
    given: { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "r" }, spec: { selector: { matchLabels: { app: "nginx" } }, template } },
    want: {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name: "r" },
      spec: { replicas: 1, selector: { matchLabels: { app: "nginx" } }, template: defaultedTemplate },
    },
  },
  {
    name: "replication controller: selector and labels default to the template labels",
    given: { apiVersion: "v1", kind: "ReplicationController", metadata: { name: "rc" }, spec: { template } },
    want: {
      apiVersion: "v1",
      kind: "ReplicationController",
      metadata: { name: "rc", labels: { app: "nginx" } },
      spec: { replicas: 1, selector: { app: "nginx" }, template: defaultedTemplate },
    },
  },
  {
    name: "service: ClusterIP, no affinity, TCP, targetPort = port, single-stack IPv4",
    given: { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { selector: { app: "nginx" }, ports: [{ port: 80 }] } },
    want: {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "s" },
      spec: {
        selector: { app: "nginx" },
        ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
        type: "ClusterIP",
        sessionAffinity: "None",
        internalTrafficPolicy: "Cluster",
        ipFamilies: ["IPv4"],
        ipFamilyPolicy: "SingleStack",
      },
    },
  },
  {
    name: "NodePort service also gets externalTrafficPolicy Cluster",
    given: { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { type: "NodePort", ports: [{ port: 80, targetPort: "http" }] } },
    want: {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "s" },
      spec: {
        ports: [{ port: 80, protocol: "TCP", targetPort: "http" }],
        type: "NodePort",
        sessionAffinity: "None",
        externalTrafficPolicy: "Cluster",
        internalTrafficPolicy: "Cluster",
        ipFamilies: ["IPv4"],
        ipFamilyPolicy: "SingleStack",
      },
    },
  },
  {
    name: "namespace: kubernetes finalizer, Active phase and the metadata.name label",
    given: { apiVersion: "v1", kind: "Namespace", metadata: { name: "dev" } },
    want: {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: "dev", labels: { "kubernetes.io/metadata.name": "dev" } },
      spec: { finalizers: ["kubernetes"] },
      status: { phase: "Active" },
    },
  },
  {
    name: "secret: type Opaque",
    given: { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, data: { a: "Yg==" } },
    want: { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, data: { a: "Yg==" }, type: "Opaque" },
  },
  {
    name: "leaves kinds without defaults unchanged",
    given: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "b" } },
    want: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "b" } },
  },
];

describe("applyDefaults", () => {
  it.each(cases)("$name", ({ given, want }) => {
    const before = structuredClone(given);
    expect(applyDefaults(given)).toEqual(want);
    expect(given).toEqual(before);
  });
});

type Container = Record<string, unknown>;
const podWith = (c: Container, spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "p" },
  spec: { containers: [{ name: "c", ...c }], ...spec },
});
const firstContainer = (o: KubeObject) => applyDefaults(o).spec.containers[0];

const pullCases: { name: string; image: string; want: string }[] = [
  { name: "pulls Always for an image without a tag", image: "nginx", want: "Always" },
  { name: "pulls Always for the latest tag", image: "nginx:latest", want: "Always" },
  { name: "pulls IfNotPresent for a pinned tag", image: "nginx:1.25", want: "IfNotPresent" },
  { name: "pulls IfNotPresent for a digest", image: "nginx@sha256:abc", want: "IfNotPresent" },
  { name: "reads a registry port as part of the name, not a tag", image: "localhost:5000/app", want: "Always" },
  { name: "reads a tag after a registry port", image: "localhost:5000/app:v1", want: "IfNotPresent" },
];

describe("imagePullPolicy defaulting", () => {
  it.each(pullCases)("$name", ({ image, want }) => expect(firstContainer(podWith({ image })).imagePullPolicy).toBe(want));

  it("keeps an explicit policy", () => expect(firstContainer(podWith({ image: "nginx", imagePullPolicy: "Never" })).imagePullPolicy).toBe("Never"));
});

const podRuleCases: { name: string; given: KubeObject; pick: (o: KubeObject) => unknown; want: unknown }[] = [
  {
    name: "copies limits into missing requests on a pod",
    given: podWith({ image: "x", resources: { limits: { cpu: "1" }, requests: { memory: "1Gi" } } }),
    pick: (o) => o.spec.containers[0].resources,
    want: { limits: { cpu: "1" }, requests: { memory: "1Gi", cpu: "1" } },
  },
  {
    name: "does not add the default toleration a pod already has",
    given: podWith({ image: "x" }, { tolerations: [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" }] }),
    pick: (o) => o.spec.tolerations.map((t: { key: string }) => t.key),
    want: ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"],
  },
  {
    name: "keeps a named service account and mirrors it into serviceAccount",
    given: podWith({ image: "x" }, { serviceAccountName: "builder" }),
    pick: (o) => [o.spec.serviceAccountName, o.spec.serviceAccount],
    want: ["builder", "builder"],
  },
  {
    name: "defaults probe timings and the httpGet path and scheme",
    given: podWith({ image: "x", livenessProbe: { httpGet: { port: 80 } } }),
    pick: (o) => o.spec.containers[0].livenessProbe,
    want: { httpGet: { port: 80, path: "/", scheme: "HTTP" }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
  },
  {
    name: "defaults configMap volume mode to 420 and a bare volume to emptyDir",
    given: podWith({ image: "x" }, { volumes: [{ name: "a", configMap: { name: "c" } }, { name: "b" }] }),
    pick: (o) => o.spec.volumes,
    want: [{ name: "a", configMap: { name: "c", defaultMode: 420 } }, { name: "b", emptyDir: {} }],
  },
];

describe("pod-only defaults", () => {
  it.each(podRuleCases)("$name", ({ given, pick, want }) => expect(pick(applyDefaults(given))).toEqual(want));

  it("does not give workload templates the pod-only admission defaults", () => {
    const d = applyDefaults({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { template } });
    expect(Object.keys(d.spec.template.spec).sort()).toEqual(Object.keys(defaultedTemplateSpec).sort());
  });
});
