import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { Store } from "../../api/store/store";
import { viewOf } from "../../api/store/view";
import { summarize } from "../../../test/builders/outcome";
import { T0 } from "../../../test/builders/time";
import type { Outcome, Write } from "../types";
import { persistentVolumeController, pvcProtectionController, pvProtectionController, localPathProvisioner } from "./index";
import { findMatchingVolume } from "./matching";
import { PROVISIONING_MS } from "./provisioner";
import { createRng } from "../../sim/random";
import { instant } from "../../sim/time";

const wffc: KubeObject = { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "standard" }, provisioner: "rancher.io/local-path", reclaimPolicy: "Delete", volumeBindingMode: "WaitForFirstConsumer" } as KubeObject;
const immediate: KubeObject = { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "fast" }, provisioner: "rancher.io/local-path", volumeBindingMode: "Immediate" } as KubeObject;

function claim(name: string, opts: { size?: string; cls?: string; modes?: string[]; annotations?: Record<string, string>; volumeName?: string; phase?: string; deleting?: boolean; finalizers?: string[] } = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: {
      name,
      namespace: "default",
      uid: `uid-${name}`,
      resourceVersion: "1",
      ...(opts.annotations && { annotations: opts.annotations }),
      ...(opts.deleting && { deletionTimestamp: "2025-01-01T00:00:00Z" }),
      ...(opts.finalizers && { finalizers: opts.finalizers }),
    },
    spec: {
      accessModes: opts.modes ?? ["ReadWriteOnce"],
      resources: { requests: { storage: opts.size ?? "1Gi" } },
      ...(opts.cls !== undefined && { storageClassName: opts.cls }),
      ...(opts.volumeName && { volumeName: opts.volumeName }),
      volumeMode: "Filesystem",
    },
    status: { phase: opts.phase ?? "Pending" },
  };
}

function volume(name: string, opts: { size?: string; cls?: string; modes?: string[]; claimRef?: { name: string; uid?: string }; phase?: string; policy?: string; annotations?: Record<string, string>; deleting?: boolean; finalizers?: string[] } = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: {
      name,
      resourceVersion: "1",
      uid: `uid-${name}`,
      ...(opts.annotations && { annotations: opts.annotations }),
      ...(opts.deleting && { deletionTimestamp: "2025-01-01T00:00:00Z" }),
      ...(opts.finalizers && { finalizers: opts.finalizers }),
    },
    spec: {
      accessModes: opts.modes ?? ["ReadWriteOnce"],
      capacity: { storage: opts.size ?? "5Gi" },
      ...(opts.cls !== undefined && { storageClassName: opts.cls }),
      ...(opts.claimRef && { claimRef: { kind: "PersistentVolumeClaim", namespace: "default", ...opts.claimRef } }),
      persistentVolumeReclaimPolicy: opts.policy ?? "Retain",
      volumeMode: "Filesystem",
      hostPath: { path: `/mnt/${name}` },
    },
    status: { phase: opts.phase ?? "Available" },
  };
}

const pod = (name: string, claimName: string, nodeName?: string, phase = "Running"): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default", uid: `uid-${name}` },
  spec: { ...(nodeName && { nodeName }), containers: [{ name: "c", image: "busybox" }], volumes: [{ name: "d", persistentVolumeClaim: { claimName } }] },
  status: { phase },
});

/** A write with the fields the rules set. */
function detail(w: Write): string {
  if (w.op === "delete" || w.op === "bind") return "";
  const o = w.object;
  if (w.op === "updateStatus") return `phase=${o.status?.phase}`;
  if (o.kind === "PersistentVolumeClaim") {
    const a = o.metadata.annotations ?? {};
    return [o.spec?.volumeName && `volumeName=${o.spec.volumeName}`, ...Object.keys(a).sort().map((k) => `${k}=${a[k]}`), o.metadata.finalizers && `finalizers=${o.metadata.finalizers.join(",")}`].filter(Boolean).join(" ");
  }
  return [o.spec?.claimRef && `claimRef=${o.spec.claimRef.name}`, o.metadata.annotations?.["pv.kubernetes.io/bound-by-controller"] && "bound-by-controller", o.metadata.finalizers && `finalizers=${o.metadata.finalizers.join(",")}`].filter(Boolean).join(" ");
}

function run(controller: { reconcile: (...a: any[]) => Outcome }, objects: KubeObject[], key: string, runtime: Map<string, unknown> = new Map(), now = T0): Outcome {
  return controller.reconcile(viewOf(new Store(objects), runtime), key, now, createRng(1));
}

describe("PV controller: claims", () => {
  const cases: { name: string; objects: KubeObject[]; key: string; want: string[] }[] = [
    {
      name: "binds an Immediate claim to the smallest Available volume of its class that fits",
      objects: [immediate, claim("data", { cls: "fast", size: "2Gi" }), volume("big", { cls: "fast", size: "10Gi" }), volume("small", { cls: "fast", size: "3Gi" }), volume("tiny", { cls: "fast", size: "1Gi" })],
      key: "PersistentVolumeClaim/default/data",
      want: [
        "update PersistentVolume small claimRef=data bound-by-controller",
        "updateStatus PersistentVolume small phase=Bound",
        "update PersistentVolumeClaim data volumeName=small pv.kubernetes.io/bind-completed=yes pv.kubernetes.io/bound-by-controller=yes",
        "updateStatus PersistentVolumeClaim data phase=Bound",
      ],
    },
    {
      name: "does not bind a volume whose access modes do not cover the claim's",
      objects: [claim("data", { cls: "", modes: ["ReadWriteMany"] }), volume("rwo", { cls: "" })],
      key: "PersistentVolumeClaim/default/data",
      want: ["event FailedBinding no persistent volumes available for this claim and no storage class is set"],
    },
    {
      name: "keeps a WaitForFirstConsumer claim Pending until a consumer exists",
      objects: [wffc, claim("data", { cls: "standard" }), volume("pv1", { cls: "standard" })],
      key: "PersistentVolumeClaim/default/data",
      want: ["event WaitForFirstConsumer waiting for first consumer to be created before binding"],
    },
    {
      name: "names the unscheduled pod a WaitForFirstConsumer claim waits for",
      objects: [wffc, claim("data", { cls: "standard" }), pod("web", "data")],
      key: "PersistentVolumeClaim/default/data",
      want: ["event WaitForPodScheduled waiting for pod web to be scheduled"],
    },
    {
      name: "hands a claim with a selected node to the external provisioner",
      objects: [wffc, claim("data", { cls: "standard", annotations: { "volume.kubernetes.io/selected-node": "w1" } })],
      key: "PersistentVolumeClaim/default/data",
      want: [
        "update PersistentVolumeClaim data volume.beta.kubernetes.io/storage-provisioner=rancher.io/local-path volume.kubernetes.io/selected-node=w1 volume.kubernetes.io/storage-provisioner=rancher.io/local-path",
        "event ExternalProvisioning Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
      ],
    },
    {
      name: "reports a missing class as ProvisioningFailed",
      objects: [claim("data", { cls: "gold" })],
      key: "PersistentVolumeClaim/default/data",
      want: ['event ProvisioningFailed storageclass.storage.k8s.io "gold" not found'],
    },
    {
      name: "binds a provisioned volume pre-bound to the claim without marking the volume bound-by-controller",
      objects: [wffc, claim("data", { cls: "standard" }), volume("pvc-uid-data", { cls: "standard", claimRef: { name: "data", uid: "uid-data" }, phase: "Pending" })],
      key: "PersistentVolumeClaim/default/data",
      want: [
        "updateStatus PersistentVolume pvc-uid-data phase=Bound",
        "update PersistentVolumeClaim data volumeName=pvc-uid-data pv.kubernetes.io/bind-completed=yes pv.kubernetes.io/bound-by-controller=yes",
        "updateStatus PersistentVolumeClaim data phase=Bound",
      ],
    },
    {
      name: "binds a claim that names its volume without marking the claim bound-by-controller",
      objects: [claim("data", { cls: "", volumeName: "pv1" }), volume("pv1", { cls: "" })],
      key: "PersistentVolumeClaim/default/data",
      want: [
        "update PersistentVolume pv1 claimRef=data bound-by-controller",
        "updateStatus PersistentVolume pv1 phase=Bound",
        "update PersistentVolumeClaim data volumeName=pv1 pv.kubernetes.io/bind-completed=yes",
        "updateStatus PersistentVolumeClaim data phase=Bound",
      ],
    },
    {
      name: "marks a bound claim Lost when its volume is gone",
      objects: [claim("data", { cls: "", volumeName: "pv1", phase: "Bound", annotations: { "pv.kubernetes.io/bind-completed": "yes" } })],
      key: "PersistentVolumeClaim/default/data",
      want: ["updateStatus PersistentVolumeClaim data phase=Lost", "event ClaimLost Bound claim has lost its PersistentVolume. Data on the volume is lost!"],
    },
  ];
  it.each(cases)("$name", ({ objects, key, want }) => {
    expect(summarize(run(persistentVolumeController, objects, key), detail)).toEqual(want);
  });

  it("does not repeat a waiting event it already emitted", () => {
    const objects = [wffc, claim("data", { cls: "standard" })];
    const first = run(persistentVolumeController, objects, "PersistentVolumeClaim/default/data");
    const runtime = new Map(first.runtime!.map((r) => [r.podUid, r.record]));
    expect(run(persistentVolumeController, objects, "PersistentVolumeClaim/default/data", runtime).events).toEqual([]);
  });
});

describe("PV controller: volumes and reclaim", () => {
  const bound = { name: "data", uid: "uid-data" };
  const cases: { name: string; objects: KubeObject[]; key: string; want: string[] }[] = [
    { name: "makes a new free volume Available", objects: [volume("pv1", { phase: "Pending" })], key: "PersistentVolume//pv1", want: ["updateStatus PersistentVolume pv1 phase=Available"] },
    { name: "releases a volume whose claim is gone", objects: [volume("pv1", { claimRef: bound, phase: "Bound" })], key: "PersistentVolume//pv1", want: ["updateStatus PersistentVolume pv1 phase=Released"] },
    { name: "keeps a Released volume with the Retain policy", objects: [volume("pv1", { claimRef: bound, phase: "Released" })], key: "PersistentVolume//pv1", want: [] },
    {
      name: "fails a Released static volume with the Delete policy (no deleter plugin)",
      objects: [volume("pv1", { claimRef: bound, phase: "Released", policy: "Delete" })],
      key: "PersistentVolume//pv1",
      want: ["updateStatus PersistentVolume pv1 phase=Failed", 'event VolumeFailedDelete error getting deleter volume plugin for volume "pv1": no deletable volume plugin matched'],
    },
    {
      name: "leaves a Released provisioned volume with the Delete policy to its provisioner",
      objects: [volume("pv1", { claimRef: bound, phase: "Released", policy: "Delete", annotations: { "pv.kubernetes.io/provisioned-by": "rancher.io/local-path" } })],
      key: "PersistentVolume//pv1",
      want: [],
    },
    {
      name: "a claim recreated with the same name does not re-take a Released volume",
      objects: [volume("pv1", { claimRef: bound, phase: "Bound" }), claim("data", { cls: "" })].map((o) => (o.kind === "PersistentVolumeClaim" ? { ...o, metadata: { ...o.metadata, uid: "uid-new" } } : o)),
      key: "PersistentVolume//pv1",
      want: ["updateStatus PersistentVolume pv1 phase=Released"],
    },
  ];
  it.each(cases)("$name", ({ objects, key, want }) => {
    expect(summarize(run(persistentVolumeController, objects, key), detail)).toEqual(want);
  });

  it("forgets a deleted volume's data", () => {
    const out = run(persistentVolumeController, [], "PersistentVolume//pv1", new Map([["pv:pv1", { data: { files: {}, dirs: [] } }]]));
    expect(out.runtime).toEqual([{ podUid: "pv:pv1", record: undefined }]);
  });
});

describe("local-path provisioner", () => {
  const handed = { "volume.kubernetes.io/storage-provisioner": "rancher.io/local-path", "volume.beta.kubernetes.io/storage-provisioner": "rancher.io/local-path", "volume.kubernetes.io/selected-node": "w1" };

  it("announces provisioning, then creates pvc-<uid> on the selected node after the delay", () => {
    const objects = [wffc, claim("data", { cls: "standard", annotations: handed })];
    const first = run(localPathProvisioner, objects, "PersistentVolumeClaim/default/data");
    expect(summarize(first)).toEqual(['event Provisioning External provisioner is provisioning volume for claim "default/data"']);
    expect(first.requeueAfter).toBe(PROVISIONING_MS);
    const runtime = new Map(first.runtime!.map((r) => [r.podUid, r.record]));
    const done = run(localPathProvisioner, objects, "PersistentVolumeClaim/default/data", runtime, instant(T0 + PROVISIONING_MS));
    expect(summarize(done)).toEqual(["create PersistentVolume pvc-uid-data", "event ProvisioningSucceeded Successfully provisioned volume pvc-uid-data"]);
    const pv = (done.writes[0] as { object: KubeObject }).object;
    expect(pv.spec).toMatchObject({
      capacity: { storage: "1Gi" },
      accessModes: ["ReadWriteOnce"],
      claimRef: { name: "data", namespace: "default", uid: "uid-data" },
      persistentVolumeReclaimPolicy: "Delete",
      storageClassName: "standard",
      hostPath: { path: "/var/local-path-provisioner/pvc-uid-data_default_data", type: "DirectoryOrCreate" },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["w1"] }] }] } },
    });
  });

  it("provisions an Immediate claim at once, without node affinity, with the class's reclaim policy", () => {
    const fast = { ...immediate, reclaimPolicy: "Retain" } as KubeObject;
    const annotations = { "volume.kubernetes.io/storage-provisioner": "rancher.io/local-path", "volume.beta.kubernetes.io/storage-provisioner": "rancher.io/local-path" };
    const objects = [fast, claim("data", { cls: "fast", annotations })];
    const first = run(localPathProvisioner, objects, "PersistentVolumeClaim/default/data");
    const runtime = new Map(first.runtime!.map((r) => [r.podUid, r.record]));
    const done = run(localPathProvisioner, objects, "PersistentVolumeClaim/default/data", runtime, instant(T0 + PROVISIONING_MS));
    const pv = (done.writes[0] as { object: KubeObject }).object;
    expect(pv.spec?.nodeAffinity).toBeUndefined();
    expect(pv.spec?.persistentVolumeReclaimPolicy).toBe("Retain");
  });

  it("waits out the provisioning delay before creating the volume", () => {
    const objects = [wffc, claim("data", { cls: "standard", annotations: handed })];
    const runtime = new Map<string, unknown>([["rancher.io/local-path:PersistentVolumeClaim/default/data", { uid: "uid-data", startedAt: T0 }]]);
    const early = run(localPathProvisioner, objects, "PersistentVolumeClaim/default/data", runtime, instant(T0 + 400));
    expect(early).toEqual({ writes: [], events: [], requeueAfter: PROVISIONING_MS - 400 });
  });

  const idle: { name: string; objects: KubeObject[]; key: string }[] = [
    { name: "does nothing for a WaitForFirstConsumer claim without a selected node", objects: [wffc, claim("data", { cls: "standard", annotations: { "volume.kubernetes.io/storage-provisioner": "rancher.io/local-path" } })], key: "PersistentVolumeClaim/default/data" },
    { name: "does nothing for a claim not handed to it", objects: [wffc, claim("data", { cls: "standard" })], key: "PersistentVolumeClaim/default/data" },
    { name: "does nothing for a bound claim", objects: [wffc, claim("data", { cls: "standard", annotations: handed, volumeName: "pv1" })], key: "PersistentVolumeClaim/default/data" },
    { name: "keeps a Released provisioned volume with the Retain policy", objects: [volume("pv1", { phase: "Released", annotations: { "pv.kubernetes.io/provisioned-by": "rancher.io/local-path" } })], key: "PersistentVolume//pv1" },
  ];
  it.each(idle)("$name", ({ objects, key }) => expect(summarize(run(localPathProvisioner, objects, key))).toEqual([]));

  it("deletes a Released volume it provisioned whose policy is Delete", () => {
    const pv = volume("pv1", { phase: "Released", policy: "Delete", annotations: { "pv.kubernetes.io/provisioned-by": "rancher.io/local-path" } });
    expect(summarize(run(localPathProvisioner, [pv], "PersistentVolume//pv1"))).toEqual(["delete PersistentVolume pv1"]);
  });
});

describe("storage object in-use protection", () => {
  const cases: { name: string; controller: any; objects: KubeObject[]; key: string; want: string[] }[] = [
    { name: "adds pvc-protection to a live claim", controller: pvcProtectionController, objects: [claim("data")], key: "PersistentVolumeClaim/default/data", want: ["update PersistentVolumeClaim data finalizers=kubernetes.io/pvc-protection"] },
    {
      name: "keeps a deleted claim while a scheduled pod uses it",
      controller: pvcProtectionController,
      objects: [claim("data", { deleting: true, finalizers: ["kubernetes.io/pvc-protection"] }), pod("web", "data", "w1")],
      key: "PersistentVolumeClaim/default/data",
      want: [],
    },
    {
      name: "lets a deleted claim go when only finished or unscheduled pods name it",
      controller: pvcProtectionController,
      objects: [claim("data", { deleting: true, finalizers: ["kubernetes.io/pvc-protection"] }), pod("done", "data", "w1", "Succeeded"), pod("pending", "data")],
      key: "PersistentVolumeClaim/default/data",
      want: ["update PersistentVolumeClaim data finalizers="],
    },
    {
      name: "keeps a deleted volume while it is Bound",
      controller: pvProtectionController,
      objects: [volume("pv1", { phase: "Bound", deleting: true, finalizers: ["kubernetes.io/pv-protection"] })],
      key: "PersistentVolume//pv1",
      want: [],
    },
    {
      name: "lets a deleted Released volume go",
      controller: pvProtectionController,
      objects: [volume("pv1", { phase: "Released", deleting: true, finalizers: ["kubernetes.io/pv-protection"] })],
      key: "PersistentVolume//pv1",
      want: ["update PersistentVolume pv1 finalizers="],
    },
  ];
  it.each(cases)("$name", ({ controller, objects, key, want }) => {
    expect(summarize(run(controller, objects, key), detail)).toEqual(want);
  });
});

describe("findMatchingVolume", () => {
  const node = (name: string): KubeObject => ({ apiVersion: "v1", kind: "Node", metadata: { name, labels: { "kubernetes.io/hostname": name } } });
  const onNode = (pv: KubeObject, n: string): KubeObject => ({ ...pv, spec: { ...pv.spec, nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: [n] }] }] } } } });
  const cases: { name: string; claim: KubeObject; volumes: KubeObject[]; opts: { node?: KubeObject; delayBinding: boolean }; want: string | undefined }[] = [
    { name: "prefers the smallest volume that fits", claim: claim("c", { cls: "", size: "4Gi" }), volumes: [volume("a", { cls: "", size: "8Gi" }), volume("b", { cls: "", size: "4Gi" })], opts: { delayBinding: false }, want: "b" },
    { name: "skips volumes of another class", claim: claim("c", { cls: "gold" }), volumes: [volume("a", { cls: "silver" })], opts: { delayBinding: false }, want: undefined },
    { name: "skips volumes that are not Available", claim: claim("c", { cls: "" }), volumes: [volume("a", { cls: "", phase: "Released" })], opts: { delayBinding: false }, want: undefined },
    { name: "under delayed binding the controller takes only pre-bound volumes", claim: claim("c", { cls: "" }), volumes: [volume("a", { cls: "" })], opts: { delayBinding: true }, want: undefined },
    { name: "the scheduler path honours the volume's node affinity", claim: claim("c", { cls: "" }), volumes: [onNode(volume("a", { cls: "" }), "w1"), onNode(volume("b", { cls: "" }), "w2")], opts: { node: node("w2"), delayBinding: true }, want: "b" },
  ];
  it.each(cases)("$name", ({ claim: c, volumes, opts, want }) => expect(findMatchingVolume(c, volumes, opts)?.metadata.name).toBe(want));
});
