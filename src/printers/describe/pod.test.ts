// describe pod's own sections (the header, conditions, QoS, node selectors, tolerations,
// topology spread), each checked on a pod that has it and one that has not. Output is compared
// with its column alignment collapsed ("Name:  x" → "Name:\tx"): the tabwriter has its own tests.
import { describe, expect, it } from "vitest";
import { Store } from "../../api/store/store";
import { viewOf } from "../../api/store/view";
import type { KubeObject } from "../../api/types";
import { T0 } from "../test-objects";
import { describePod, podQOS } from "./pod";

const base = (spec: Record<string, unknown> = {}, status: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "p", namespace: "default", uid: "uid-p", creationTimestamp: "2024-12-31T23:55:00Z", ...meta },
  spec: { priority: 0, serviceAccountName: "default", containers: [{ name: "c", image: "nginx" }], ...spec },
  status: { phase: "Pending", ...status },
});

const text = (pod: KubeObject): string => describePod(pod, { now: T0, view: viewOf(new Store([pod]), new Map()) }).replace(/(\S) {2,}/g, "$1\t").replace(/^ {8,}/gm, "\t");

describe("describe pod sections", () => {
  const cases = [
    { name: "an unscheduled pod: Node <none>, no Start Time, empty IP, IPs <none>", pod: base(), has: ["Priority:\t0\nService Account:\tdefault\nNode:\t<none>\nLabels:\t<none>\nAnnotations:\t<none>\nStatus:\tPending\nIP:\t\nIPs:\t<none>\nContainers:"] },
    { name: "a priority class name after the priority", pod: base({ priority: 1000, priorityClassName: "high" }), has: ["Priority:\t1000\nPriority Class Name:\thigh\nService Account:"] },
    { name: "a runtime class name", pod: base({ runtimeClassName: "gvisor" }), has: ["Runtime Class Name:\tgvisor\n"] },
    {
      name: "a scheduled pod's node with its host IP, start time and pod IPs",
      pod: base({ nodeName: "kubesim-worker" }, { phase: "Running", hostIP: "172.18.0.3", startTime: "2025-01-01T00:00:05Z", podIP: "10.244.1.2", podIPs: [{ ip: "10.244.1.2" }] }),
      has: ["Node:\tkubesim-worker/172.18.0.3\nStart Time:\tWed, 01 Jan 2025 00:00:05 +0000\n", "Status:\tRunning\nIP:\t10.244.1.2\nIPs:\n  IP:\t10.244.1.2\n"],
    },
    { name: "a pod-level reason and message (an eviction)", pod: base({}, { phase: "Failed", reason: "Evicted", message: "The node was low on resource: memory." }), has: ["Status:\tFailed\nReason:\tEvicted\nMessage:\tThe node was low on resource: memory.\nIP:"] },
    { name: "its controller", pod: base({}, {}, { ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-7d9", uid: "u", controller: true }] }), has: ["IPs:\t<none>\nControlled By:\tReplicaSet/web-7d9\n"] },
    { name: "a nominated node", pod: base({}, { nominatedNodeName: "kubesim-worker2" }), has: ["NominatedNodeName:\tkubesim-worker2\n"] },
    { name: "labels and annotations, one a line", pod: base({}, {}, { labels: { b: "2", a: "1" }, annotations: { note: "hi" } }), has: ["Labels:\ta=1\n\tb=2\nAnnotations:\tnote: hi\n"] },
    { name: "init containers before containers", pod: base({ initContainers: [{ name: "init", image: "busybox" }] }), has: ["Init Containers:\n  init:\n    Image:\tbusybox\n", "Containers:\n  c:\n"] },
    { name: "ephemeral containers after containers", pod: base({ ephemeralContainers: [{ name: "debugger", image: "busybox" }] }), has: ["Ephemeral Containers:\n  debugger:\n    Image:\tbusybox\n"] },
    { name: "pod-level resources", pod: base({ resources: { limits: { cpu: "1" } } }), has: ["Resources:\n  Limits:\n    cpu:\t1\nContainers:"] },
    {
      name: "readiness gates and conditions, each value followed by a space",
      pod: base({ readinessGates: [{ conditionType: "example.com/ready" }] }, { conditions: [{ type: "PodScheduled", status: "True" }] }),
      has: ["Readiness Gates:\n  Type\tStatus\n  example.com/ready\t<none> \nConditions:\n  Type\tStatus\n  PodScheduled\tTrue \n"],
    },
    { name: "no Conditions section before the pod has any", pod: base(), not: ["Conditions:"] },
    { name: "the QoS class, node selectors and the default tolerations", pod: base({ nodeSelector: { disktype: "ssd" }, tolerations: [{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }, { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }] }), has: ["QoS Class:\tBestEffort\nNode-Selectors:\tdisktype=ssd\nTolerations:\tnode.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n\tnode.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n"] },
    { name: "a toleration of everything", pod: base({ tolerations: [{ operator: "Exists" }] }), has: ["Tolerations:\top=Exists\n"] },
    {
      name: "topology spread constraints sorted by key, with their selectors",
      pod: base({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "web" } } }, { maxSkew: 2, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway" }] }),
      has: ["Topology Spread Constraints:\tkubernetes.io/hostname:ScheduleAnyway when max skew 2 is exceeded\n\tzone:DoNotSchedule when max skew 1 is exceeded for selector app=web\n"],
    },
    { name: "a terminating pod", pod: base({}, { phase: "Running" }, { deletionTimestamp: "2024-12-31T23:59:53Z", deletionGracePeriodSeconds: 30 }), has: ["Status:\tTerminating (lasts 7s)\nTermination Grace Period:\t30s\n"] },
  ];
  it.each(cases)("$name", ({ pod, has, not }) => {
    const out = text(pod);
    for (const h of has ?? []) expect(out).toContain(h);
    for (const n of not ?? []) expect(out).not.toContain(n);
  });

  it("a pod without events still ends with Events: <none>", () => expect(text(base()).endsWith("Events:\t<none>\n")).toBe(true));
});

describe("podQOS", () => {
  const c = (resources?: Record<string, unknown>) => ({ name: "c", image: "x", ...(resources && { resources }) });
  const cases = [
    { name: "BestEffort without requests or limits", containers: [c()], want: "BestEffort" },
    { name: "Guaranteed when limits equal requests for cpu and memory", containers: [c({ limits: { cpu: "1", memory: "1Gi" }, requests: { cpu: "1", memory: "1Gi" } })], want: "Guaranteed" },
    { name: "Guaranteed when only limits are set (requests default to them)", containers: [c({ limits: { cpu: "1", memory: "1Gi" } })], want: "Guaranteed" },
    { name: "Burstable with a memory request below the limit", containers: [c({ limits: { memory: "100Mi" }, requests: { memory: "50Mi" } })], want: "Burstable" },
  ];
  it.each(cases)("$name", ({ containers, want }) => expect(podQOS(base({ containers }))).toBe(want));
});
