import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { infoForKind } from "../registry";
import { validateUpdateSemantics } from "./semantics";
import { applyDefaults } from "../defaulting";
import { renderInvalid } from "./render";

type Obj = Record<string, any>;

const deployment = (selector: Obj, labels: Obj = selector): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "nginx", namespace: "default", uid: "u1" },
  spec: {
    selector: { matchLabels: selector },
    template: { metadata: { labels }, spec: { containers: [{ name: "nginx", image: "nginx" }] } },
  },
});
const pod = (spec: Obj, meta: Obj = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "nginx", namespace: "default", ...meta },
  spec: { containers: [{ name: "nginx", image: "nginx:1.25" }], ...spec },
});
const with_ = (o: KubeObject, f: (o: Obj) => void): KubeObject => {
  const c = structuredClone(o);
  f(c);
  return c;
};

const POD_FORBIDDEN =
  "spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

/** As the API server validates: the new object after defaulting, against the stored (defaulted) one. */
const render = (old: KubeObject, obj: KubeObject) =>
  renderInvalid(obj.kind, obj.metadata.name ?? "", validateUpdateSemantics(applyDefaults(old), applyDefaults(obj), infoForKind(obj.kind)!));

const cases: { name: string; old: KubeObject; obj: KubeObject; want: string }[] = [
  {
    name: "allows a deployment update that keeps the selector",
    old: deployment({ app: "nginx" }),
    obj: with_(deployment({ app: "nginx" }), (d) => (d.spec.replicas = 5)),
    want: 'The Deployment "nginx" is invalid',
  },
  {
    name: "forbids changing a deployment's selector, printing it with %#v",
    old: deployment({ app: "nginx" }),
    obj: deployment({ app: "nginx2" }),
    want:
      'The Deployment "nginx" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"nginx2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
  },
  {
    name: "forbids changing a replica set's selector",
    old: { ...deployment({ app: "a" }), kind: "ReplicaSet" },
    obj: { ...deployment({ app: "a", tier: "b" }), kind: "ReplicaSet" },
    want:
      'The ReplicaSet "nginx" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"a", "tier":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
  },
  {
    name: "forbids changing the uid",
    old: deployment({ app: "nginx" }),
    obj: with_(deployment({ app: "nginx" }), (d) => (d.metadata.uid = "u2")),
    want: 'The Deployment "nginx" is invalid: metadata.uid: Invalid value: "u2": field is immutable',
  },
  {
    name: "forbids changing the namespace",
    old: deployment({ app: "nginx" }),
    obj: with_(deployment({ app: "nginx" }), (d) => (d.metadata.namespace = "other")),
    want: 'The Deployment "nginx" is invalid: metadata.namespace: Invalid value: "other": field is immutable',
  },
  {
    name: "allows changing a pod's image",
    old: pod({}),
    obj: pod({ containers: [{ name: "nginx", image: "nginx:1.26" }] }),
    want: 'The Pod "nginx" is invalid',
  },
  {
    name: "allows adding a toleration to a pod",
    old: pod({}),
    obj: pod({ tolerations: [{ key: "k", operator: "Exists", effect: "NoSchedule" }] }),
    want: 'The Pod "nginx" is invalid',
  },
  {
    name: "forbids removing a toleration from a pod",
    old: pod({ tolerations: [{ key: "k", operator: "Exists", effect: "NoSchedule" }] }),
    obj: pod({}),
    want: 'The Pod "nginx" is invalid: spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
  },
  {
    name: "allows lowering activeDeadlineSeconds",
    old: pod({ activeDeadlineSeconds: 100 }),
    obj: pod({ activeDeadlineSeconds: 50 }),
    want: 'The Pod "nginx" is invalid',
  },
  {
    name: "forbids raising activeDeadlineSeconds",
    old: pod({ activeDeadlineSeconds: 50 }),
    obj: pod({ activeDeadlineSeconds: 100 }),
    want: 'The Pod "nginx" is invalid: spec.activeDeadlineSeconds: Invalid value: 100: must be less than or equal to previous value',
  },
  {
    name: "forbids changing any other pod spec field",
    old: pod({}),
    obj: pod({ containers: [{ name: "nginx", image: "nginx:1.25", ports: [{ containerPort: 80 }] }] }),
    want: `The Pod "nginx" is invalid: ${POD_FORBIDDEN}\n  core.PodSpec{\n- \tContainers: [{"name":"nginx","image":"nginx:1.25","imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],\n+ \tContainers: [{"name":"nginx","image":"nginx:1.25","ports":[{"containerPort":80,"protocol":"TCP"}],"imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],\n  }`,
  },
  {
    name: "forbids changing data of an immutable config map",
    old: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "nginx" }, immutable: true, data: { a: "1" } },
    obj: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "nginx" }, immutable: true, data: { a: "2" } },
    want: 'The ConfigMap "nginx" is invalid: data: Forbidden: field is immutable when `immutable` is set',
  },
  {
    name: "allows changing data of a mutable config map",
    old: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "nginx" }, data: { a: "1" } },
    obj: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "nginx" }, data: { a: "2" } },
    want: 'The ConfigMap "nginx" is invalid',
  },
  {
    name: "forbids changing a secret's type",
    old: { apiVersion: "v1", kind: "Secret", metadata: { name: "nginx" }, data: {} },
    obj: { apiVersion: "v1", kind: "Secret", metadata: { name: "nginx" }, type: "example.com/x", data: {} },
    want: 'The Secret "nginx" is invalid: type: Invalid value: "example.com/x": field is immutable',
  },
];

describe("validateUpdateSemantics", () => {
  it.each(cases)("$name", ({ old, obj, want }) => expect(render(old, obj)).toBe(want));

  it("defaults the stored object itself, as upstream defaults what it reads: one saved without a default still compares alike", () => {
    const sts = (spec: Obj): KubeObject => ({
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata: { name: "db", namespace: "default" },
      spec: { serviceName: "db", selector: { matchLabels: { app: "db" } }, template: { metadata: { labels: { app: "db" } }, spec: { containers: [{ name: "c", image: "nginx" }] } }, ...spec },
    });
    const storedBare = sts({}); // no updateStrategy, podManagementPolicy, retention policy ...
    expect(validateUpdateSemantics(storedBare, applyDefaults(sts({ replicas: 3 })), infoForKind("StatefulSet")!)).toEqual([]);
  });
});
