import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { infoForKind } from "../registry";
import { validateSemantics } from "./semantics";
import { applyDefaults } from "../defaulting";
import { renderInvalid } from "./render";

type Obj = Record<string, any>;

const template = (spec: Obj = {}, labels: Obj | undefined = { app: "nginx" }): Obj => ({
  metadata: { labels },
  spec: { containers: [{ name: "nginx", image: "nginx" }], ...spec },
});
const deployment = (spec: Obj): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "nginx" },
  spec: { selector: { matchLabels: { app: "nginx" } }, template: template(), ...spec },
});
const replicaSet = (spec: Obj): KubeObject => ({ ...deployment(spec), kind: "ReplicaSet" });
const rc = (spec: Obj): KubeObject => ({
  apiVersion: "v1",
  kind: "ReplicationController",
  metadata: { name: "nginx" },
  spec: { selector: { app: "nginx" }, template: template(), ...spec },
});
const pod = (spec: Obj): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "nginx" }, spec });
const svc = (spec: Obj): KubeObject => ({ apiVersion: "v1", kind: "Service", metadata: { name: "nginx" }, spec });

/** As the API server validates: after defaulting. */
const render = (obj: KubeObject) => renderInvalid(obj.kind, obj.metadata.name ?? "", validateSemantics(applyDefaults(obj), infoForKind(obj.kind)!));
const ok = (kind: string) => `The ${kind} "nginx" is invalid`;

const cases: { name: string; obj: KubeObject; want: string }[] = [
  // Pods
  { name: "accepts a minimal pod", obj: pod({ containers: [{ name: "a", image: "nginx" }] }), want: ok("Pod") },
  { name: "requires containers", obj: pod({}), want: 'The Pod "nginx" is invalid: spec.containers: Required value' },
  {
    name: "requires a container image",
    obj: pod({ containers: [{ name: "a" }] }),
    want: 'The Pod "nginx" is invalid: spec.containers[0].image: Required value',
  },
  {
    name: "requires a container name",
    obj: pod({ containers: [{ image: "nginx" }] }),
    want: 'The Pod "nginx" is invalid: spec.containers[0].name: Required value',
  },
  {
    name: "requires container names to be DNS labels",
    obj: pod({ containers: [{ name: "Web", image: "nginx" }] }),
    want:
      "The Pod \"nginx\" is invalid: spec.containers[0].name: Invalid value: \"Web\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
  },
  {
    name: "rejects duplicate container names",
    obj: pod({ containers: [{ name: "app", image: "a" }, { name: "app", image: "b" }] }),
    want: 'The Pod "nginx" is invalid: spec.containers[1].name: Duplicate value: "app"',
  },
  {
    name: "rejects an init container named like a container",
    obj: pod({ containers: [{ name: "app", image: "a" }], initContainers: [{ name: "app", image: "b" }] }),
    want: 'The Pod "nginx" is invalid: spec.initContainers[0].name: Duplicate value: "app"',
  },
  {
    name: "rejects an unknown restartPolicy",
    obj: pod({ containers: [{ name: "a", image: "b" }], restartPolicy: "Sometimes" }),
    want: 'The Pod "nginx" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
  },
  {
    name: "rejects an unknown imagePullPolicy",
    obj: pod({ containers: [{ name: "a", image: "b", imagePullPolicy: "Sometimes" }] }),
    want: 'The Pod "nginx" is invalid: spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
  },
  {
    name: "rejects a container port out of range",
    obj: pod({ containers: [{ name: "a", image: "b", ports: [{ containerPort: 70000 }] }] }),
    want: 'The Pod "nginx" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
  },
  {
    name: "rejects an unknown port protocol",
    obj: pod({ containers: [{ name: "a", image: "b", ports: [{ containerPort: 80, protocol: "HTTP" }] }] }),
    want: 'The Pod "nginx" is invalid: spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
  },
  {
    name: "rejects duplicate port names",
    obj: pod({ containers: [{ name: "a", image: "b", ports: [{ containerPort: 80, name: "http" }, { containerPort: 81, name: "http" }] }] }),
    want: 'The Pod "nginx" is invalid: spec.containers[0].ports[1].name: Duplicate value: "http"',
  },
  {
    name: "rejects a port name that is too long",
    obj: pod({ containers: [{ name: "a", image: "b", ports: [{ containerPort: 80, name: "a-very-long-port-name" }] }] }),
    want: 'The Pod "nginx" is invalid: spec.containers[0].ports[0].name: Invalid value: "a-very-long-port-name": must be no more than 15 characters',
  },
  {
    name: "rejects a request above its limit",
    obj: pod({ containers: [{ name: "a", image: "b", resources: { requests: { cpu: "2" }, limits: { cpu: "1" } } }] }),
    want: 'The Pod "nginx" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
  },
  {
    name: "compares quantities with different suffixes",
    obj: pod({ containers: [{ name: "a", image: "b", resources: { requests: { memory: "2Gi" }, limits: { memory: "1024Mi" } } }] }),
    want: 'The Pod "nginx" is invalid: spec.containers[0].resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1024Mi',
  },
  {
    name: "accepts a request below its limit in millicores",
    obj: pod({ containers: [{ name: "a", image: "b", resources: { requests: { cpu: "500m" }, limits: { cpu: "1" } } }] }),
    want: ok("Pod"),
  },
  {
    name: "requires extended resources' requests to equal their limits",
    obj: pod({ containers: [{ name: "a", image: "b", resources: { requests: { "example.com/gpu": "1" }, limits: { "example.com/gpu": "2" } } }] }),
    want: 'The Pod "nginx" is invalid: spec.containers[0].resources.requests: Invalid value: "1": must be equal to example.com/gpu limit of 2',
  },
  // Deployments
  { name: "accepts a valid deployment", obj: deployment({ replicas: 3 }), want: ok("Deployment") },
  {
    name: "rejects negative replicas",
    obj: deployment({ replicas: -1 }),
    want: 'The Deployment "nginx" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
  },
  {
    name: "requires a selector, and then no template labels match",
    obj: deployment({ selector: undefined }),
    want:
      'The Deployment "nginx" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`',
  },
  {
    name: "rejects an empty selector",
    obj: deployment({ selector: {} }),
    want:
      'The Deployment "nginx" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
  },
  {
    name: "rejects a selector that does not match the template labels",
    obj: deployment({ template: template({}, { app: "web" }) }),
    want: 'The Deployment "nginx" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
  },
  {
    name: "matches selectors with expressions",
    obj: deployment({ selector: { matchExpressions: [{ key: "app", operator: "In", values: ["nginx", "web"] }] } }),
    want: ok("Deployment"),
  },
  {
    name: "requires values for an In expression",
    obj: deployment({ selector: { matchLabels: { app: "nginx" }, matchExpressions: [{ key: "tier", operator: "NotIn" }] } }),
    want: "The Deployment \"nginx\" is invalid: spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
  },
  {
    name: "rejects a template restartPolicy other than Always",
    obj: deployment({ template: template({ restartPolicy: "Never" }) }),
    want: 'The Deployment "nginx" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
  },
  {
    name: "rejects maxSurge and maxUnavailable both 0",
    obj: deployment({ strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }),
    want:
      'The Deployment "nginx" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
  },
  {
    name: "rejects 0% surge with 0% unavailable",
    obj: deployment({ strategy: { rollingUpdate: { maxSurge: "0%", maxUnavailable: "0%" } } }),
    want:
      'The Deployment "nginx" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0',
  },
  {
    name: "rejects a malformed percentage",
    obj: deployment({ strategy: { rollingUpdate: { maxSurge: "25" } } }),
    want:
      "The Deployment \"nginx\" is invalid: spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"25\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
  },
  {
    name: "rejects maxUnavailable above 100%",
    obj: deployment({ strategy: { rollingUpdate: { maxUnavailable: "150%" } } }),
    want:
      'The Deployment "nginx" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
  },
  {
    name: "rejects rollingUpdate with the Recreate strategy",
    obj: deployment({ strategy: { type: "Recreate", rollingUpdate: { maxSurge: 1 } } }),
    want: "The Deployment \"nginx\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
  },
  {
    name: "rejects a negative revisionHistoryLimit",
    obj: deployment({ revisionHistoryLimit: -2 }),
    want: 'The Deployment "nginx" is invalid: spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0',
  },
  {
    name: "requires progressDeadlineSeconds above minReadySeconds",
    obj: deployment({ minReadySeconds: 700 }),
    want: 'The Deployment "nginx" is invalid: spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds',
  },
  // ReplicaSets and ReplicationControllers
  {
    name: "rejects negative replicas on a ReplicaSet",
    obj: replicaSet({ replicas: -3 }),
    want: 'The ReplicaSet "nginx" is invalid: spec.replicas: Invalid value: -3: must be greater than or equal to 0',
  },
  {
    name: "rejects a ReplicaSet template with restartPolicy OnFailure",
    obj: replicaSet({ template: template({ restartPolicy: "OnFailure" }) }),
    want: 'The ReplicaSet "nginx" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
  },
  {
    name: "defaults a ReplicationController's selector from its template",
    obj: rc({ selector: undefined }),
    want: ok("ReplicationController"),
  },
  {
    name: "rejects a ReplicationController selector that does not match",
    obj: rc({ selector: { app: "web" } }),
    want: 'The ReplicationController "nginx" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`',
  },
  // Services
  { name: "accepts a simple service", obj: svc({ selector: { app: "nginx" }, ports: [{ port: 80 }] }), want: ok("Service") },
  { name: "requires ports on a service", obj: svc({ selector: { app: "nginx" } }), want: 'The Service "nginx" is invalid: spec.ports: Required value' },
  {
    name: "requires names when a service has several ports",
    obj: svc({ ports: [{ port: 80, name: "http" }, { port: 443 }] }),
    want: 'The Service "nginx" is invalid: spec.ports[1].name: Required value',
  },
  {
    name: "rejects a service port out of range",
    obj: svc({ ports: [{ port: 0 }] }),
    // targetPort defaults to port, so the API server reports it too.
    want:
      'The Service "nginx" is invalid: \n* spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
  },
  {
    name: "rejects an unknown service type",
    obj: svc({ type: "Internal", ports: [{ port: 80 }] }),
    want: 'The Service "nginx" is invalid: spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
  },
  {
    name: "forbids a nodePort on a ClusterIP service",
    obj: svc({ ports: [{ port: 80, nodePort: 30080 }] }),
    want: "The Service \"nginx\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
  },
  {
    name: "rejects duplicate protocol and port pairs",
    obj: svc({ ports: [{ port: 80, name: "a" }, { port: 80, name: "b" }] }),
    want:
      'The Service "nginx" is invalid: spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
  },
  // ConfigMaps and Secrets
  {
    name: "rejects a config map key with a slash",
    obj: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "nginx" }, data: { "a/b": "x" } },
    want:
      "The ConfigMap \"nginx\" is invalid: data[a/b]: Invalid value: \"a/b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
  },
  {
    name: "rejects a key present in both data and binaryData",
    obj: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "nginx" }, data: { k: "x" }, binaryData: { k: "eA==" } },
    want:
      'The ConfigMap "nginx" is invalid: \n* data[k]: Invalid value: "k": duplicate of key present in binaryData\n* binaryData[k]: Invalid value: "k": duplicate of key present in data',
  },
  {
    name: "rejects a secret key of '..'",
    obj: { apiVersion: "v1", kind: "Secret", metadata: { name: "nginx" }, stringData: { "..": "x" } },
    want: "The Secret \"nginx\" is invalid: data[..]: Invalid value: \"..\": must not be '..'",
  },
  {
    name: "requires tls.crt and tls.key in a TLS secret",
    obj: { apiVersion: "v1", kind: "Secret", metadata: { name: "nginx" }, type: "kubernetes.io/tls", data: {} },
    want: 'The Secret "nginx" is invalid: \n* data[tls.crt]: Required value\n* data[tls.key]: Required value',
  },
];

describe("validateSemantics", () => {
  it.each(cases)("$name", ({ obj, want }) => expect(render(obj)).toBe(want));
});
