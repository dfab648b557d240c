import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { Store } from "../../api/store/store";
import { viewOf } from "../../api/store/view";
import { node } from "../../../test/builders/node";
import { T0 } from "../../../test/builders/time";
import { createRng } from "../../sim/random";
import { computePodResourceRequest } from "../resources";
import { nodeInfoFor } from "../schedule-one";
import { scheduler } from "../scheduler";
import type { PluginStatus } from "../types";
import { volumeBinding } from "./volume-binding";

const wffc = { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "standard" }, provisioner: "rancher.io/local-path", volumeBindingMode: "WaitForFirstConsumer" } as KubeObject;
const manual = { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "local" }, provisioner: "kubernetes.io/no-provisioner", volumeBindingMode: "WaitForFirstConsumer" } as KubeObject;
const immediate = { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "fast" }, provisioner: "rancher.io/local-path", volumeBindingMode: "Immediate" } as KubeObject;

function claim(name: string, cls: string, extra: { volumeName?: string; annotations?: Record<string, string>; deleting?: boolean } = {}): KubeObject {
  const bound = extra.volumeName !== undefined;
  return {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: {
      name,
      namespace: "default",
      uid: `uid-${name}`,
      annotations: { ...(bound && { "pv.kubernetes.io/bind-completed": "yes" }), ...extra.annotations },
      ...(extra.deleting && { deletionTimestamp: "2025-01-01T00:00:00Z" }),
    },
    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, storageClassName: cls, ...(bound && { volumeName: extra.volumeName }), volumeMode: "Filesystem" },
    status: { phase: bound ? "Bound" : "Pending" },
  };
}

function volumeOn(name: string, cls: string, nodeName: string, claimName?: string): KubeObject {
  return {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: { name },
    spec: {
      accessModes: ["ReadWriteOnce"],
      capacity: { storage: "5Gi" },
      storageClassName: cls,
      volumeMode: "Filesystem",
      ...(claimName && { claimRef: { namespace: "default", name: claimName, uid: `uid-${claimName}` } }),
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: [nodeName] }] }] } },
    },
    status: { phase: claimName ? "Bound" : "Available" },
  };
}

const pod = (claims: string[], name = "web"): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default", uid: `uid-${name}` },
  spec: { containers: [{ name: "c", image: "busybox" }], volumes: claims.map((c, i) => ({ name: `v${i}`, persistentVolumeClaim: { claimName: c } })) },
  status: { phase: "Pending" },
});

const w1 = node("w1", 1).build();
const w2 = node("w2", 2).build();

/** PreFilter, then Filter on each node: "prefilter: <msg>" or "<node>: <status>". */
function verdicts(p: KubeObject, objects: KubeObject[]): string[] {
  const view = viewOf(new Store([w1, w2, ...objects]), new Map());
  const pre = volumeBinding.preFilter!(p, view);
  if (pre.status) return [`prefilter: ${pre.status.code}: ${pre.status.reasons.join("; ")}`];
  const cycleState = new Map([[volumeBinding.name, pre.state]]);
  return [w1, w2].map((n) => {
    const ctx = { nodeInfo: nodeInfoFor(view, n), podRequest: computePodResourceRequest(p), podNonZeroRequest: computePodResourceRequest(p, true), cycleState };
    const s: PluginStatus = volumeBinding.filter(p, n, ctx);
    return `${n.metadata.name}: ${s.code}${s.reasons.length ? `: ${s.reasons.join("; ")}` : ""}`;
  });
}

describe("VolumeBinding plugin", () => {
  const cases: { name: string; pod: KubeObject; objects: KubeObject[]; want: string[] }[] = [
    { name: "passes a pod without claims on every node", pod: pod([]), objects: [], want: ["w1: Success", "w2: Success"] },
    { name: "rejects a pod whose claim does not exist, before any node", pod: pod(["data"]), objects: [], want: ['prefilter: UnschedulableAndUnresolvable: persistentvolumeclaim "data" not found'] },
    { name: "rejects a pod with an unbound Immediate claim", pod: pod(["data"]), objects: [immediate, claim("data", "fast")], want: ["prefilter: UnschedulableAndUnresolvable: pod has unbound immediate PersistentVolumeClaims"] },
    { name: "rejects a pod whose claim is being deleted", pod: pod(["data"]), objects: [wffc, claim("data", "standard", { deleting: true })], want: ['prefilter: UnschedulableAndUnresolvable: persistentvolumeclaim "data" is being deleted'] },
    {
      name: "keeps a pod with a bound claim on its volume's node",
      pod: pod(["data"]),
      objects: [wffc, claim("data", "standard", { volumeName: "pv1" }), volumeOn("pv1", "standard", "w2", "data")],
      want: ["w1: UnschedulableAndUnresolvable: node(s) had volume node affinity conflict", "w2: Success"],
    },
    {
      name: "fails every node when the bound volume is gone",
      pod: pod(["data"]),
      objects: [wffc, claim("data", "standard", { volumeName: "pv1" })],
      want: ["w1: UnschedulableAndUnresolvable: node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)", "w2: UnschedulableAndUnresolvable: node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)"],
    },
    { name: "lets a WaitForFirstConsumer claim with a provisioner go anywhere", pod: pod(["data"]), objects: [wffc, claim("data", "standard")], want: ["w1: Success", "w2: Success"] },
    {
      name: "holds a claim already being provisioned to its selected node",
      pod: pod(["data"]),
      objects: [wffc, claim("data", "standard", { annotations: { "volume.kubernetes.io/selected-node": "w1" } })],
      want: ["w1: Success", "w2: UnschedulableAndUnresolvable: node(s) didn't find available persistent volumes to bind"],
    },
    {
      name: "without a provisioner only nodes with a matching static volume fit",
      pod: pod(["data"]),
      objects: [manual, claim("data", "local"), volumeOn("local-w2", "local", "w2")],
      want: ["w1: UnschedulableAndUnresolvable: node(s) didn't find available persistent volumes to bind", "w2: Success"],
    },
  ];
  it.each(cases)("$name", ({ pod: p, objects, want }) => expect(verdicts(p, objects)).toEqual(want));
});

describe("VolumeBinding in the scheduling cycle", () => {
  const kind = [node("kubesim-worker", 1).build()];
  const run = (objects: KubeObject[], runtime = new Map<string, unknown>()) =>
    scheduler.reconcile(viewOf(new Store([...kind, ...objects]), runtime), "Pod/default/web", T0, createRng(1));

  it("prints a PreFilter failure alone, with preemption not helpful anywhere", () => {
    const out = run([pod(["data"])]);
    expect(out.events.map((e) => e.message)).toEqual([
      '0/1 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    ]);
  });

  it("selects the node on a WaitForFirstConsumer claim instead of binding the pod", () => {
    const out = run([wffc, claim("data", "standard"), pod(["data"])]);
    expect(out.writes.map((w) => (w.op === "update" ? `${w.object.kind} ${w.object.metadata.annotations?.["volume.kubernetes.io/selected-node"]}` : w.op))).toEqual(["PersistentVolumeClaim kubesim-worker"]);
    expect(out.events).toEqual([]);
    expect(out.runtime).toContainEqual({ podUid: "volumebinding:Pod/default/web", record: { uid: "uid-web", node: "kubesim-worker" } });
  });

  it("binds a static volume it chose by setting its claimRef", () => {
    const out = run([manual, claim("data", "local"), volumeOn("local-1", "local", "kubesim-worker"), pod(["data"])]);
    expect(out.writes.map((w) => (w.op === "update" ? `${w.object.kind} ${w.object.metadata.name} claimRef=${w.object.spec?.claimRef?.name}` : w.op))).toEqual(["PersistentVolume local-1 claimRef=data"]);
  });

  it("waits while the assumed claims are unbound, then binds the pod to the assumed node", () => {
    const runtime = new Map<string, unknown>([["volumebinding:Pod/default/web", { uid: "uid-web", node: "kubesim-worker" }]]);
    expect(run([wffc, claim("data", "standard", { annotations: { "volume.kubernetes.io/selected-node": "kubesim-worker" } }), pod(["data"])], runtime)).toMatchObject({ writes: [], events: [] });
    const bound = run([wffc, claim("data", "standard", { volumeName: "pv1" }), volumeOn("pv1", "standard", "kubesim-worker", "data"), pod(["data"])], runtime);
    expect(bound.writes).toEqual([{ op: "bind", ref: { kind: "Pod", namespace: "default", name: "web" }, nodeName: "kubesim-worker", uid: "uid-web" }]);
    expect(bound.events.map((e) => e.reason)).toEqual(["Scheduled"]);
    expect(bound.runtime).toContainEqual({ podUid: "volumebinding:Pod/default/web", record: undefined });
  });
});
