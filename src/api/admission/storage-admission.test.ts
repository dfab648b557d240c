import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { Store } from "../store/store";
import { ApiServer, loadWritePipeline } from "../server";
import { createRng } from "../../sim/random";
import { instant } from "../../sim/time";

await loadWritePipeline();

const ns: KubeObject = { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" }, status: { phase: "Active" } };
const sc = (name: string, isDefault: boolean, created: string): KubeObject =>
  ({
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: { name, creationTimestamp: created, ...(isDefault && { annotations: { "storageclass.kubernetes.io/is-default-class": "true" } }) },
    provisioner: "rancher.io/local-path",
  }) as KubeObject;

const claim = (spec: Record<string, unknown> = {}, annotations?: Record<string, string>): KubeObject => ({
  apiVersion: "v1",
  kind: "PersistentVolumeClaim",
  metadata: { name: "data", namespace: "default", ...(annotations && { annotations }) },
  spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, ...spec },
});

function created(classes: KubeObject[], obj: KubeObject): KubeObject {
  return new ApiServer(new Store([ns, ...classes]), () => instant(0), createRng(1)).create(obj);
}

describe("storage admission and defaults on create", () => {
  const standard = sc("standard", true, "2025-01-01T00:00:00Z");
  const cases: { name: string; classes: KubeObject[]; obj: KubeObject; want: Record<string, unknown> }[] = [
    { name: "gives a claim without a class the default class", classes: [standard, sc("other", false, "2025-01-02T00:00:00Z")], obj: claim(), want: { storageClassName: "standard" } },
    { name: "leaves an explicit empty class alone (no provisioning)", classes: [standard], obj: claim({ storageClassName: "" }), want: { storageClassName: "" } },
    { name: "leaves a claim naming its class with the legacy annotation alone", classes: [standard], obj: claim({}, { "volume.beta.kubernetes.io/storage-class": "gold" }), want: { storageClassName: undefined } },
    { name: "picks the newest of several default classes", classes: [standard, sc("newer", true, "2025-02-01T00:00:00Z")], obj: claim(), want: { storageClassName: "newer" } },
    { name: "assigns nothing when there is no default class", classes: [sc("other", false, "2025-01-01T00:00:00Z")], obj: claim(), want: { storageClassName: undefined } },
  ];
  it.each(cases)("$name", ({ classes, obj, want }) => {
    expect({ storageClassName: created(classes, obj).spec?.storageClassName }).toEqual(want);
  });

  it("protects a new claim with a finalizer, defaults its volume mode and starts it Pending", () => {
    const c = created([standard], claim());
    expect([c.metadata.finalizers, c.spec?.volumeMode, c.status?.phase, c.metadata.generation]).toEqual([["kubernetes.io/pvc-protection"], "Filesystem", "Pending", undefined]);
  });

  it("protects a new volume with a finalizer and defaults it to Retain, Filesystem, Pending", () => {
    const pv = created([], { apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "pv1" }, spec: { capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"], hostPath: { path: "/mnt" } } });
    expect([pv.metadata.finalizers, pv.spec?.persistentVolumeReclaimPolicy, pv.spec?.volumeMode, pv.spec?.hostPath, pv.status?.phase]).toEqual([["kubernetes.io/pv-protection"], "Retain", "Filesystem", { path: "/mnt", type: "" }, "Pending"]);
  });
});
