import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../api/types/meta";
import { lookupFrom } from "../../env/config-lookup";
import { fakeServiceAccountToken } from "./sources";
import { projectVolume } from "./project-volume";
import type { ProjectionInput } from "./payload";
import { KUBE_API_ACCESS } from "../../../../test/builders/kube-api-access";

const b64 = (s: string) => Buffer.from(s).toString("base64");

const pod: KubeObject = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name: "kubernetes-downwardapi-volume-example",
    namespace: "default",
    uid: "6f1c3b1e-0000-4000-8000-000000000001",
    labels: { zone: "us-est-coast", cluster: "test-cluster1", rack: "rack-22" },
    annotations: { build: "two", builder: 'john "doe"' },
  },
  spec: {
    serviceAccountName: "default",
    containers: [{ name: "client-container", resources: { limits: { cpu: "500m" }, requests: { cpu: "250m", memory: "32Mi" } } }],
  },
};

const objects: KubeObject[] = [
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "game", namespace: "default" }, data: { "game.properties": "lives=3\n", "ui.properties": "color=red\n" } },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "bin", namespace: "default" }, binaryData: { blob: b64("raw") } },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "kube-root-ca.crt", namespace: "default" }, data: { "ca.crt": "-----BEGIN CERTIFICATE-----\n" } },
  { apiVersion: "v1", kind: "Secret", metadata: { name: "creds", namespace: "default" }, data: { username: b64("admin"), password: b64("1f2d1e2e67df") } },
];

const input: ProjectionInput = { pod, lookup: lookupFrom(objects), allocatable: { cpu: "8", memory: "16Gi" } };


describe("projectVolume", () => {
  const ok = [
    {
      name: "writes one file per ConfigMap key with the default mode",
      volume: { name: "config", configMap: { name: "game" } },
      files: { "game.properties": "lives=3\n", "ui.properties": "color=red\n" },
      modes: { "game.properties": 0o644, "ui.properties": 0o644 },
    },
    {
      name: "writes only the listed items under their paths, with the volume's defaultMode",
      volume: { name: "config", configMap: { name: "game", defaultMode: 0o400, items: [{ key: "game.properties", path: "conf/game" }] } },
      files: { "conf/game": "lives=3\n" },
      modes: { "conf/game": 0o400 },
    },
    {
      name: "takes an item's own mode over the defaultMode",
      volume: { name: "config", configMap: { name: "game", items: [{ key: "ui.properties", path: "ui", mode: 0o600 }] } },
      files: { ui: "color=red\n" },
      modes: { ui: 0o600 },
    },
    {
      name: "decodes a ConfigMap's binaryData",
      volume: { name: "bin", configMap: { name: "bin" } },
      files: { blob: "raw" },
      modes: { blob: 0o644 },
    },
    {
      name: "gives an empty volume for a missing optional ConfigMap",
      volume: { name: "config", configMap: { name: "nope", optional: true } },
      files: {},
      modes: {},
    },
    {
      name: "skips a missing key of an optional ConfigMap",
      volume: { name: "config", configMap: { name: "game", optional: true, items: [{ key: "nope", path: "n" }] } },
      files: {},
      modes: {},
    },
    {
      name: "writes a Secret's decoded data",
      volume: { name: "secret-volume", secret: { secretName: "creds" } },
      files: { username: "admin", password: "1f2d1e2e67df" },
      modes: { username: 0o644, password: 0o644 },
    },
    {
      name: "gives an empty volume for a missing optional Secret",
      volume: { name: "s", secret: { secretName: "nope", optional: true } },
      files: {},
      modes: {},
    },
    {
      name: "writes downward API labels and annotations as sorted quoted lines",
      volume: {
        name: "podinfo",
        downwardAPI: {
          items: [
            { path: "labels", fieldRef: { fieldPath: "metadata.labels" } },
            { path: "annotations", fieldRef: { fieldPath: "metadata.annotations" } },
          ],
        },
      },
      files: {
        labels: 'cluster="test-cluster1"\nrack="rack-22"\nzone="us-est-coast"',
        annotations: 'build="two"\nbuilder="john \\"doe\\""',
      },
      modes: { labels: 0o644, annotations: 0o644 },
    },
    {
      name: "writes downward API name, namespace, uid and one label",
      volume: {
        name: "podinfo",
        downwardAPI: {
          items: [
            { path: "name", fieldRef: { fieldPath: "metadata.name" } },
            { path: "namespace", fieldRef: { fieldPath: "metadata.namespace" } },
            { path: "uid", fieldRef: { fieldPath: "metadata.uid" } },
            { path: "zone", fieldRef: { fieldPath: "metadata.labels['zone']" }, mode: 0o400 },
          ],
        },
      },
      files: {
        name: "kubernetes-downwardapi-volume-example",
        namespace: "default",
        uid: "6f1c3b1e-0000-4000-8000-000000000001",
        zone: "us-est-coast",
      },
      modes: { name: 0o644, namespace: 0o644, uid: 0o644, zone: 0o400 },
    },
    {
      name: "writes downward API resources with divisors, unset limits from the node",
      volume: {
        name: "podinfo",
        downwardAPI: {
          items: [
            { path: "cpu_limit", resourceFieldRef: { containerName: "client-container", resource: "limits.cpu", divisor: "1m" } },
            { path: "cpu_request", resourceFieldRef: { containerName: "client-container", resource: "requests.cpu", divisor: "1m" } },
            { path: "mem_limit", resourceFieldRef: { containerName: "client-container", resource: "limits.memory", divisor: "1Mi" } },
            { path: "mem_request", resourceFieldRef: { containerName: "client-container", resource: "requests.memory", divisor: "1Mi" } },
          ],
        },
      },
      files: { cpu_limit: "500", cpu_request: "250", mem_limit: "16384", mem_request: "32" },
      modes: { cpu_limit: 0o644, cpu_request: 0o644, mem_limit: 0o644, mem_request: 0o644 },
    },
    {
      name: "projects the kube-api-access volume every pod gets",
      volume: KUBE_API_ACCESS,
      files: { token: fakeServiceAccountToken(pod), "ca.crt": "-----BEGIN CERTIFICATE-----\n", namespace: "default" },
      modes: { token: 420, "ca.crt": 420, namespace: 420 },
    },
  ];
  it.each(ok)("$name", ({ volume, files, modes }) => {
    const r = projectVolume(volume, input);
    expect(r).toEqual({ ok: true, data: { files, dirs: [], modes } });
  });

  it("creates an empty blob for an emptyDir", () => {
    expect(projectVolume({ name: "cache", emptyDir: {} }, input)).toEqual({ ok: true, data: { files: {}, dirs: [] } });
  });

  it("leaves a persistentVolumeClaim to the caller's stored blob", () => {
    expect(projectVolume({ name: "www", persistentVolumeClaim: { claimName: "www-web-0" } }, input)).toEqual({ ok: "external" });
  });

  it("writes the token it is given instead of the fake one", () => {
    const r = projectVolume(KUBE_API_ACCESS, { ...input, serviceAccountToken: "tok" });
    expect(r.ok === true && r.data.files.token).toBe("tok");
  });

  it.each([
    { name: "a pod with a name and a uid", metadata: { name: "web-0", namespace: "shop", uid: "0f3c2a1b-1111-4222-8333-444455556666" }, sa: "builder" },
    { name: "no uid", metadata: { name: "web-0", namespace: "default" }, sa: undefined },
    { name: "no name", metadata: { namespace: "default", uid: "u-1" }, sa: undefined },
    { name: "neither", metadata: {}, sa: undefined },
    { name: "text JSON escapes", metadata: { name: 'we"b\\\u00e9', namespace: "a\nb", uid: "\u2028" }, sa: "s\"a" },
  ])("writes the claims as JSON.stringify of the claims object would ($name)", ({ metadata, sa }) => {
    const p = { apiVersion: "v1", kind: "Pod", metadata, spec: { ...(sa && { serviceAccountName: sa }) } } as KubeObject;
    const ns = metadata.namespace ?? "default";
    const account = sa ?? "default";
    const want = JSON.stringify({
      aud: ["https://kubernetes.default.svc.cluster.local"],
      iss: "https://kubernetes.default.svc.cluster.local",
      "kubernetes.io": { namespace: ns, pod: { name: metadata.name, uid: metadata.uid }, serviceaccount: { name: account } },
      sub: `system:serviceaccount:${ns}:${account}`,
    });
    expect(Buffer.from(fakeServiceAccountToken(p).split(".")[1], "base64url").toString()).toBe(want);
  });

  it("makes a fake token with the service account's subject", () => {
    const claims = JSON.parse(Buffer.from(fakeServiceAccountToken(pod).split(".")[1], "base64url").toString());
    expect(claims.sub).toBe("system:serviceaccount:default:default");
  });

  const failures = [
    {
      name: "fails on a missing ConfigMap",
      volume: { name: "config", configMap: { name: "x" } },
      message: 'MountVolume.SetUp failed for volume "config" : configmap "x" not found',
    },
    {
      name: "fails on a missing ConfigMap key listed in items",
      volume: { name: "config", configMap: { name: "game", items: [{ key: "nope", path: "n" }] } },
      message: 'MountVolume.SetUp failed for volume "config" : configmap references non-existent config key: nope',
    },
    {
      name: "fails on a missing Secret",
      volume: { name: "secret-volume", secret: { secretName: "x" } },
      message: 'MountVolume.SetUp failed for volume "secret-volume" : secret "x" not found',
    },
    {
      name: "fails on a missing Secret key listed in items",
      volume: { name: "s", secret: { secretName: "creds", items: [{ key: "token", path: "t" }] } },
      message: 'MountVolume.SetUp failed for volume "s" : references non-existent secret key: token',
    },
    {
      name: "fails on a downward API field the volume cannot serve",
      volume: { name: "podinfo", downwardAPI: { items: [{ path: "node", fieldRef: { fieldPath: "spec.nodeName" } }] } },
      message: 'MountVolume.SetUp failed for volume "podinfo" : unsupported fieldPath: spec.nodeName',
    },
    {
      name: "fails a projected volume with every source's error in brackets",
      volume: { name: "all", projected: { sources: [{ configMap: { name: "a" } }, { secret: { name: "b" } }] } },
      message: 'MountVolume.SetUp failed for volume "all" : [configmap "a" not found, secret "b" not found]',
    },
    {
      name: "fails the kube-api-access volume until kube-root-ca.crt exists",
      volume: KUBE_API_ACCESS,
      objects: [],
      message: 'MountVolume.SetUp failed for volume "kube-api-access-x7k2p" : configmap "kube-root-ca.crt" not found',
    },
  ];
  it.each(failures)("$name", ({ volume, message, objects: own }) => {
    const r = projectVolume(volume, own ? { ...input, lookup: lookupFrom(own) } : input);
    expect(r).toEqual({ ok: false, reason: "FailedMount", message });
  });
});
