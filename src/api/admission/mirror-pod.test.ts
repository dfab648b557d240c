import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { infoForKind } from "../registry";
import { admitMirrorPod, mirrorPodRefusal } from "./mirror-pod";

const pod = (spec: Record<string, unknown>, mirror = true): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "p-node", namespace: "default", ...(mirror ? { annotations: { "kubernetes.io/config.mirror": "abc" } } : {}) },
  spec: { containers: [{ name: "c", image: "nginx" }], ...spec },
});
const c = (extra: Record<string, unknown>) => ({ containers: [{ name: "c", image: "nginx", ...extra }] });

describe("mirror pod admission", () => {
  it.each([
    { name: "a plain pod", spec: {}, want: undefined },
    { name: "an emptyDir and a hostPath", spec: { volumes: [{ name: "a", emptyDir: {} }, { name: "b", hostPath: { path: "/x" } }] }, want: undefined },
    { name: "a service account", spec: { serviceAccountName: "default" }, want: "a mirror pod may not reference service accounts" },
    { name: "imagePullSecrets", spec: { imagePullSecrets: [{ name: "r" }] }, want: "a mirror pod may not reference secrets" },
    { name: "env from a secret key", spec: c({ env: [{ name: "X", valueFrom: { secretKeyRef: { name: "s", key: "k" } } }] }), want: "a mirror pod may not reference secrets" },
    { name: "a projected secret", spec: { volumes: [{ name: "p", projected: { sources: [{ secret: { name: "s" } }] } }] }, want: "a mirror pod may not reference secrets" },
    { name: "a token projection", spec: { volumes: [{ name: "p", projected: { sources: [{ serviceAccountToken: { path: "t" } }] } }] }, want: "a mirror pod may not use ServiceAccountToken volume projections" },
    { name: "a configMap volume", spec: { volumes: [{ name: "v", configMap: { name: "cm" } }] }, want: 'node "n1" can not create pods that reference configmaps' },
    { name: "env from a configMap key", spec: c({ env: [{ name: "X", valueFrom: { configMapKeyRef: { name: "cm", key: "k" } } }] }), want: 'node "n1" can not create pods that reference configmaps' },
    { name: "a PVC", spec: { volumes: [{ name: "v", persistentVolumeClaim: { claimName: "data" } }] }, want: 'node "n1" can not create pods that reference persistentvolumeclaims' },
  ])("the kubelet's request for $name", ({ spec, want }) => {
    expect(mirrorPodRefusal(pod(spec), "n1")).toBe(want === undefined ? undefined : `pods "p-node" is forbidden: ${want}`);
  });

  it("refuses a user's mirror pod that references a secret, with the API server's words", () => {
    expect(() => admitMirrorPod(pod({ volumes: [{ name: "s", secret: { secretName: "x" } }] }), infoForKind("Pod")!)).toThrow('pods "p-node" is forbidden: a mirror pod may not reference secrets');
  });

  it("leaves ordinary pods to the other plugins", () => {
    expect(() => admitMirrorPod(pod({ serviceAccountName: "default" }, false), infoForKind("Pod")!)).not.toThrow();
  });
});
