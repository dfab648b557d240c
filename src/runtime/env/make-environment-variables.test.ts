import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types/meta";
import { lookupFrom } from "./config-lookup";
import { isRelaxedEnvVarName, makeEnvironmentVariables } from "./make-environment-variables";
import type { EnvInput } from "./make-environment-variables";

const b64 = (s: string) => Buffer.from(s).toString("base64");

const pod: KubeObject = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name: "dapi-envars-fieldref",
    namespace: "default",
    uid: "0b7c5d2e-0000-4000-8000-000000000002",
    labels: { app: "web", tier: "front" },
    annotations: { owner: "team-a" },
  },
  spec: {
    nodeName: "kind-worker",
    serviceAccountName: "builder",
    containers: [
      { name: "test-container", resources: { limits: { cpu: "250m", memory: "64Mi" }, requests: { cpu: "125m", memory: "32Mi" } } },
      { name: "sidecar" },
    ],
  },
};

const objects: KubeObject[] = [
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "special-config", namespace: "default" }, data: { "special.how": "very", "special.type": "charm" } },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "env-config", namespace: "default" }, data: { LOG_LEVEL: "INFO", "BAD=KEY": "x", SPECIAL_LEVEL: "low" } },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "other-ns", namespace: "kube-system" }, data: { A: "1" } },
  { apiVersion: "v1", kind: "Secret", metadata: { name: "db", namespace: "default" }, data: { username: b64("admin"), password: b64("s3cr=t") } },
];

function input(env: any[], envFrom?: any[], container = "test-container"): EnvInput {
  return {
    pod,
    container: { name: container, env, envFrom },
    lookup: lookupFrom(objects),
    addresses: { podIPs: ["10.244.1.7", "fd00::7"], hostIPs: ["172.18.0.3", "fc00::3"] },
    allocatable: { cpu: "8", memory: "16Gi" },
  };
}

const fieldRef = (name: string, fieldPath: string) => ({ name, valueFrom: { fieldRef: { fieldPath } } });
const resourceRef = (name: string, resource: string, divisor?: string, containerName?: string) => ({
  name,
  valueFrom: { resourceFieldRef: { resource, divisor, containerName } },
});

describe("makeEnvironmentVariables", () => {
  const cases: { name: string; env?: any[]; envFrom?: any[]; container?: string; want: Record<string, string> }[] = [
    { name: "takes plain values", env: [{ name: "A", value: "1" }, { name: "B", value: "two" }], want: { A: "1", B: "two" } },
    { name: "gives an empty string to a variable with neither value nor source", env: [{ name: "E" }], want: { E: "" } },
    {
      name: "expands references to variables defined earlier only",
      env: [
        { name: "FIRST", value: "$(SECOND)-a" },
        { name: "SECOND", value: "b" },
        { name: "THIRD", value: "$(SECOND)-$(FIRST)-$$(SECOND)" },
      ],
      want: { FIRST: "$(SECOND)-a", SECOND: "b", THIRD: "b-$(SECOND)-a-$(SECOND)" },
    },
    {
      name: "expands references to envFrom variables",
      env: [{ name: "MSG", value: "level=$(LOG_LEVEL)" }],
      envFrom: [{ configMapRef: { name: "env-config" } }],
      want: { LOG_LEVEL: "INFO", SPECIAL_LEVEL: "low", MSG: "level=INFO" },
    },
    {
      name: "reads a configMapKeyRef",
      env: [{ name: "SPECIAL_LEVEL_KEY", valueFrom: { configMapKeyRef: { name: "special-config", key: "special.how" } } }],
      want: { SPECIAL_LEVEL_KEY: "very" },
    },
    {
      name: "reads a secretKeyRef decoded",
      env: [{ name: "SECRET_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } }],
      want: { SECRET_PASSWORD: "s3cr=t" },
    },
    {
      name: "omits an optional configMapKeyRef whose ConfigMap is missing",
      env: [{ name: "X", valueFrom: { configMapKeyRef: { name: "nope", key: "k", optional: true } } }],
      want: {},
    },
    {
      name: "omits an optional configMapKeyRef whose key is missing",
      env: [{ name: "X", valueFrom: { configMapKeyRef: { name: "special-config", key: "nope", optional: true } } }],
      want: {},
    },
    {
      name: "omits an optional secretKeyRef whose Secret is missing",
      env: [{ name: "X", valueFrom: { secretKeyRef: { name: "nope", key: "k", optional: true } } }],
      want: {},
    },
    {
      name: "does not read another namespace's ConfigMap",
      env: [{ name: "X", valueFrom: { configMapKeyRef: { name: "other-ns", key: "A", optional: true } } }],
      want: {},
    },
    {
      name: "adds the prefix to every envFrom key",
      envFrom: [{ prefix: "CFG_", configMapRef: { name: "special-config" } }],
      want: { "CFG_special.how": "very", "CFG_special.type": "charm" },
    },
    {
      name: "decodes envFrom Secret values",
      envFrom: [{ secretRef: { name: "db" } }],
      want: { password: "s3cr=t", username: "admin" },
    },
    {
      name: "skips a missing optional envFrom source",
      envFrom: [{ configMapRef: { name: "nope", optional: true } }, { secretRef: { name: "nope2", optional: true } }],
      want: {},
    },
    {
      name: "lets later envFrom sources and then env override earlier ones",
      envFrom: [{ configMapRef: { name: "env-config" } }, { prefix: "SPECIAL_", configMapRef: { name: "env-config" } }],
      env: [{ name: "LOG_LEVEL", value: "DEBUG" }],
      want: { LOG_LEVEL: "DEBUG", SPECIAL_LEVEL: "low", SPECIAL_LOG_LEVEL: "INFO", SPECIAL_SPECIAL_LEVEL: "low" },
    },
    {
      name: "reads the metadata fieldRefs",
      env: [
        fieldRef("MY_POD_NAME", "metadata.name"),
        fieldRef("MY_POD_NAMESPACE", "metadata.namespace"),
        fieldRef("MY_POD_UID", "metadata.uid"),
        fieldRef("APP", "metadata.labels['app']"),
        fieldRef("OWNER", "metadata.annotations['owner']"),
        fieldRef("MISSING_LABEL", "metadata.labels['nope']"),
      ],
      want: {
        MY_POD_NAME: "dapi-envars-fieldref",
        MY_POD_NAMESPACE: "default",
        MY_POD_UID: "0b7c5d2e-0000-4000-8000-000000000002",
        APP: "web",
        OWNER: "team-a",
        MISSING_LABEL: "",
      },
    },
    {
      name: "reads the spec and status fieldRefs",
      env: [
        fieldRef("MY_NODE_NAME", "spec.nodeName"),
        fieldRef("MY_POD_SERVICE_ACCOUNT", "spec.serviceAccountName"),
        fieldRef("MY_POD_IP", "status.podIP"),
        fieldRef("MY_POD_IPS", "status.podIPs"),
        fieldRef("MY_HOST_IP", "status.hostIP"),
        fieldRef("MY_HOST_IPS", "status.hostIPs"),
      ],
      want: {
        MY_NODE_NAME: "kind-worker",
        MY_POD_SERVICE_ACCOUNT: "builder",
        MY_POD_IP: "10.244.1.7",
        MY_POD_IPS: "10.244.1.7,fd00::7",
        MY_HOST_IP: "172.18.0.3",
        MY_HOST_IPS: "172.18.0.3,fc00::3",
      },
    },
    {
      name: "rounds limits.cpu up to whole cores without a divisor",
      env: [resourceRef("CPU", "limits.cpu")],
      want: { CPU: "1" },
    },
    {
      name: "reads resources with divisors",
      env: [
        resourceRef("MY_CPU_REQUEST", "requests.cpu", "1m"),
        resourceRef("MY_CPU_LIMIT", "limits.cpu", "1m"),
        resourceRef("MY_MEM_REQUEST", "requests.memory", "1Mi"),
        resourceRef("MY_MEM_LIMIT", "limits.memory", "1Mi"),
        resourceRef("MEM_BYTES", "limits.memory"),
      ],
      want: { MY_CPU_REQUEST: "125", MY_CPU_LIMIT: "250", MY_MEM_REQUEST: "32", MY_MEM_LIMIT: "64", MEM_BYTES: "67108864" },
    },
    {
      name: "defaults unset limits to the node allocatable and unset requests to zero",
      container: "sidecar",
      env: [resourceRef("CPU", "limits.cpu", "1m"), resourceRef("MEM", "limits.memory", "1Gi"), resourceRef("REQ", "requests.cpu")],
      want: { CPU: "8000", MEM: "16", REQ: "0" },
    },
    {
      name: "reads another container's resources by containerName",
      container: "sidecar",
      env: [resourceRef("CPU", "limits.cpu", "1m", "test-container")],
      want: { CPU: "250" },
    },
  ];
  it.each(cases)("$name", ({ env, envFrom, container, want }) => {
    const r = makeEnvironmentVariables(input(env ?? [], envFrom, container));
    if (!r.ok) throw new Error(r.message);
    expect(Object.fromEntries(r.env.map((e) => [e.name, e.value]))).toEqual(want);
    expect(r.env.length).toBe(Object.keys(want).length);
  });

  const errors: { name: string; env?: any[]; envFrom?: any[]; message: string }[] = [
    {
      name: "fails on a missing ConfigMap",
      env: [{ name: "X", valueFrom: { configMapKeyRef: { name: "x", key: "k" } } }],
      message: 'configmap "x" not found',
    },
    {
      name: "fails on a missing ConfigMap key",
      env: [{ name: "X", valueFrom: { configMapKeyRef: { name: "special-config", key: "y" } } }],
      message: "couldn't find key y in ConfigMap default/special-config",
    },
    {
      name: "fails on a missing Secret",
      env: [{ name: "X", valueFrom: { secretKeyRef: { name: "x", key: "k" } } }],
      message: 'secret "x" not found',
    },
    {
      name: "fails on a missing Secret key",
      env: [{ name: "X", valueFrom: { secretKeyRef: { name: "db", key: "token" } } }],
      message: "couldn't find key token in Secret default/db",
    },
    {
      name: "fails on a missing envFrom ConfigMap",
      envFrom: [{ configMapRef: { name: "x" } }],
      message: 'configmap "x" not found',
    },
    {
      name: "fails on a missing envFrom Secret",
      envFrom: [{ secretRef: { name: "x" } }],
      message: 'secret "x" not found',
    },
    {
      name: "fails on an unsupported fieldRef",
      env: [fieldRef("X", "spec.hostname")],
      message: "unsupported fieldPath: spec.hostname",
    },
    {
      name: "fails on an unsupported resource",
      env: [resourceRef("X", "limits.gpu")],
      message: "unsupported container resource : limits.gpu",
    },
  ];
  it.each(errors)("$name", ({ env, envFrom, message }) => {
    expect(makeEnvironmentVariables(input(env ?? [], envFrom))).toEqual({ ok: false, reason: "CreateContainerConfigError", message, events: [] });
  });

  it("skips invalid envFrom keys with the kubelet's event", () => {
    const r = makeEnvironmentVariables(input([], [{ configMapRef: { name: "env-config" } }]));
    expect(r.ok && r.env.map((e) => e.name)).toEqual(["LOG_LEVEL", "SPECIAL_LEVEL"]);
    expect(r.events).toEqual([
      {
        type: "Warning",
        reason: "InvalidEnvironmentVariableNames",
        message:
          "Keys [BAD=KEY] from the EnvFrom configMap default/env-config were skipped since they are considered invalid environment variable names.",
      },
    ]);
  });

  it("puts service variables last, under the container's own, and expands them", () => {
    const r = makeEnvironmentVariables({
      ...input([{ name: "URL", value: "http://$(WEB_SERVICE_HOST)" }, { name: "WEB_PORT", value: "mine" }]),
      serviceEnv: { WEB_SERVICE_HOST: "10.96.0.5", WEB_PORT: "tcp://10.96.0.5:80" },
    });
    expect(r.ok && r.env).toEqual([
      { name: "URL", value: "http://10.96.0.5" },
      { name: "WEB_PORT", value: "mine" },
      { name: "WEB_SERVICE_HOST", value: "10.96.0.5" },
    ]);
  });
});

describe("isRelaxedEnvVarName", () => {
  const cases = [
    { name: "accepts a C identifier", key: "LOG_LEVEL", want: true },
    { name: "accepts dots, dashes and spaces", key: "special.how-x y", want: true },
    { name: "rejects an equals sign", key: "A=B", want: false },
    { name: "rejects the empty name", key: "", want: false },
    { name: "rejects a non-ASCII character", key: "naïve", want: false },
    { name: "rejects a control character", key: "A\tB", want: false },
  ];
  it.each(cases)("$name", ({ key, want }) => expect(isRelaxedEnvVarName(key)).toBe(want));
});
