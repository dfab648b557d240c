import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { node } from "../../../test/builders/node";
import type { FilterPlugin, PluginContext } from "../types";
import { computePodResourceRequest } from "../resources";
import { nodeInfoFor } from "../schedule-one";
import { Store } from "../../api/store/store";
import { viewOf } from "../../api/store/view";
import { nodeName } from "./node-name";
import { nodeUnschedulable } from "./node-unschedulable";
import { taintToleration } from "./taint-toleration";
import { nodeAffinity } from "./node-affinity";
import { nodeResourcesFit } from "./node-resources-fit";

function pod(spec: Record<string, unknown> = {}, name = "web"): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", uid: `uid-${name}` },
    spec: { containers: [{ name: "nginx", image: "nginx" }], ...spec },
  };
}

function withCpu(cpu: string, extra: Record<string, unknown> = {}, name = "web"): KubeObject {
  return pod({ containers: [{ name: "nginx", image: "nginx", resources: { requests: { cpu } } }], ...extra }, name);
}

function ctxFor(p: KubeObject, n: KubeObject, others: KubeObject[] = []): PluginContext {
  const view = viewOf(new Store([n, ...others]), new Map());
  return { nodeInfo: nodeInfoFor(view, n), podRequest: computePodResourceRequest(p), podNonZeroRequest: computePodResourceRequest(p, true) };
}

const worker = node("kubesim-worker").build();
const onWorker = (p: KubeObject): KubeObject => ({ ...p, spec: { ...p.spec, nodeName: "kubesim-worker" } });

const cases: { name: string; plugin: FilterPlugin; pod: KubeObject; node: KubeObject; others?: KubeObject[]; want: string }[] = [
  { name: "NodeName passes a pod that names no node", plugin: nodeName, pod: pod(), node: worker, want: "Success" },
  { name: "NodeName rejects a node the pod does not name", plugin: nodeName, pod: pod({ nodeName: "other" }), node: worker, want: "UnschedulableAndUnresolvable: node(s) didn't match the requested node name" },
  { name: "NodeUnschedulable rejects a cordoned node", plugin: nodeUnschedulable, pod: pod(), node: node("n").cordoned().build(), want: "UnschedulableAndUnresolvable: node(s) were unschedulable" },
  {
    name: "NodeUnschedulable passes a pod tolerating the unschedulable taint",
    plugin: nodeUnschedulable,
    pod: pod({ tolerations: [{ key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" }] }),
    node: node("n").cordoned().build(),
    want: "Success",
  },
  {
    name: "TaintToleration names the first untolerated taint with an empty value",
    plugin: taintToleration,
    pod: pod(),
    node: node("cp").controlPlane().build(),
    want: "UnschedulableAndUnresolvable: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }",
  },
  {
    name: "TaintToleration prints a taint's value",
    plugin: taintToleration,
    pod: pod(),
    node: node("n").tainted("dedicated", "gpu", "NoExecute").build(),
    want: "UnschedulableAndUnresolvable: node(s) had untolerated taint {dedicated: gpu}",
  },
  { name: "TaintToleration ignores PreferNoSchedule taints", plugin: taintToleration, pod: pod(), node: node("n").tainted("soft", "", "PreferNoSchedule").build(), want: "Success" },
  {
    name: "TaintToleration passes an Equal toleration with the same value",
    plugin: taintToleration,
    pod: pod({ tolerations: [{ key: "dedicated", operator: "Equal", value: "gpu", effect: "NoSchedule" }] }),
    node: node("n").tainted("dedicated", "gpu").build(),
    want: "Success",
  },
  {
    name: "TaintToleration rejects an Equal toleration with another value",
    plugin: taintToleration,
    pod: pod({ tolerations: [{ key: "dedicated", value: "cpu" }] }),
    node: node("n").tainted("dedicated", "gpu").build(),
    want: "UnschedulableAndUnresolvable: node(s) had untolerated taint {dedicated: gpu}",
  },
  { name: "TaintToleration passes an empty-key Exists toleration for every taint", plugin: taintToleration, pod: pod({ tolerations: [{ operator: "Exists" }] }), node: node("cp").controlPlane().build(), want: "Success" },
  {
    name: "TaintToleration rejects a toleration for another effect",
    plugin: taintToleration,
    pod: pod({ tolerations: [{ key: "dedicated", operator: "Exists", effect: "NoExecute" }] }),
    node: node("n").tainted("dedicated", "gpu").build(),
    want: "UnschedulableAndUnresolvable: node(s) had untolerated taint {dedicated: gpu}",
  },
  { name: "NodeAffinity passes a matching nodeSelector", plugin: nodeAffinity, pod: pod({ nodeSelector: { disk: "ssd" } }), node: node("n").labels({ disk: "ssd" }).build(), want: "Success" },
  { name: "NodeAffinity rejects a nodeSelector the labels miss", plugin: nodeAffinity, pod: pod({ nodeSelector: { disk: "ssd" } }), node: worker, want: "UnschedulableAndUnresolvable: node(s) didn't match Pod's node affinity/selector" },
  {
    name: "NodeAffinity ORs the required terms",
    plugin: nodeAffinity,
    pod: pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [
      { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] },
      { matchExpressions: [{ key: "zone", operator: "In", values: ["b"] }] },
    ] } } } }),
    node: node("n").labels({ zone: "b" }).build(),
    want: "Success",
  },
  {
    name: "NodeAffinity compares Gt as integers",
    plugin: nodeAffinity,
    pod: pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [
      { matchExpressions: [{ key: "cores", operator: "Gt", values: ["8"] }] },
    ] } } } }),
    node: node("n").labels({ cores: "16" }).build(),
    want: "Success",
  },
  {
    name: "NodeAffinity matches metadata.name through matchFields",
    plugin: nodeAffinity,
    pod: pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [
      { matchFields: [{ key: "metadata.name", operator: "NotIn", values: ["kubesim-worker"] }] },
    ] } } } }),
    node: worker,
    want: "UnschedulableAndUnresolvable: node(s) didn't match Pod's node affinity/selector",
  },
  { name: "NodeResourcesFit passes a pod that requests nothing", plugin: nodeResourcesFit, pod: pod(), node: worker, want: "Success" },
  { name: "NodeResourcesFit passes a request that exactly fills the node", plugin: nodeResourcesFit, pod: withCpu("1"), node: worker, others: [onWorker(withCpu("3", {}, "big"))], want: "Success" },
  { name: "NodeResourcesFit reports Insufficient cpu", plugin: nodeResourcesFit, pod: withCpu("1001m"), node: worker, others: [onWorker(withCpu("3", {}, "big"))], want: "Unschedulable: Insufficient cpu" },
  {
    name: "NodeResourcesFit does not count finished pods",
    plugin: nodeResourcesFit,
    pod: withCpu("2"),
    node: worker,
    others: [{ ...onWorker(withCpu("3", {}, "done")), status: { phase: "Succeeded" } }],
    want: "Success",
  },
  {
    name: "NodeResourcesFit reports every insufficient resource",
    plugin: nodeResourcesFit,
    pod: pod({ containers: [{ name: "c", image: "x", resources: { requests: { cpu: "5", memory: "9Gi" } } }] }),
    node: worker,
    want: "Unschedulable: Insufficient cpu, Insufficient memory",
  },
  { name: "NodeResourcesFit reports Too many pods", plugin: nodeResourcesFit, pod: pod(), node: node("kubesim-worker").maxPods(1).build(), others: [onWorker(pod({}, "a"))], want: "Unschedulable: Too many pods" },
  {
    name: "NodeResourcesFit counts the largest init container when it exceeds the containers",
    plugin: nodeResourcesFit,
    pod: withCpu("100m", { initContainers: [{ name: "init", image: "busybox", resources: { requests: { cpu: "4500m" } } }] }),
    node: worker,
    want: "Unschedulable: Insufficient cpu",
  },
];

describe("filter plugins", () => {
  it.each(cases)("$name", ({ plugin, pod: p, node: n, others, want }) => {
    const status = plugin.filter(p, n, ctxFor(p, n, others));
    expect(status.code === "Success" ? "Success" : `${status.code}: ${status.reasons.join(", ")}`).toBe(want);
  });
});

describe("score plugins", () => {
  const cases = [
    { name: "LeastAllocated scores an empty 4-cpu node with a 1-cpu/1Gi pod at 81", pod: pod({ containers: [{ name: "c", image: "x", resources: { requests: { cpu: "1", memory: "1Gi" } } }] }), others: [], want: 81 },
    { name: "LeastAllocated counts 100m/200Mi for a pod without requests", pod: pod(), others: [], want: 97 },
    { name: "LeastAllocated counts the pods already on the node", pod: withCpu("1"), others: [onWorker(withCpu("2", {}, "a"))], want: 60 },
  ];
  it.each(cases)("$name", ({ pod: p, others, want }) => {
    expect(nodeResourcesFit.score(p, worker, ctxFor(p, worker, others))).toBe(want);
  });

  it("TaintToleration gives the node with fewer untolerated PreferNoSchedule taints the higher score", () => {
    const tainted = node("a").tainted("x", "", "PreferNoSchedule").tainted("y", "", "PreferNoSchedule").build();
    const raw = [taintToleration.score(pod(), tainted, ctxFor(pod(), tainted)), taintToleration.score(pod(), worker, ctxFor(pod(), worker))];
    expect(taintToleration.normalize!(raw)).toEqual([0, 100]);
  });
});
