import { describe as suite, expect, it } from "vitest";
import { Store } from "../../api/store/store";
import { viewOf } from "../../api/store/view";
import type { KubeObject } from "../../api/types";
import { T0 } from "../test-objects";
import { describe } from "./index";

const ctxOf = (objects: KubeObject[]) => ({ now: T0, view: viewOf(new Store(objects), new Map()) });

const pendingClaim: KubeObject = {
  apiVersion: "v1",
  kind: "PersistentVolumeClaim",
  metadata: { name: "pending", namespace: "default", uid: "uid-pvc", finalizers: ["kubernetes.io/pvc-protection"] },
  spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, storageClassName: "standard", volumeMode: "Filesystem" },
  status: { phase: "Pending" },
};

const boundClaim: KubeObject = {
  ...pendingClaim,
  metadata: { ...pendingClaim.metadata, name: "data", labels: { app: "web" }, annotations: { "pv.kubernetes.io/bind-completed": "yes" } },
  spec: { ...pendingClaim.spec, volumeName: "pv0001" },
  status: { phase: "Bound", capacity: { storage: "5Gi" }, accessModes: ["ReadWriteOnce", "ReadOnlyMany"] },
};

const user = (name: string): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default" },
  spec: { containers: [{ name: "c", image: "busybox" }], volumes: [{ name: "d", persistentVolumeClaim: { claimName: "data" } }] },
});

const staticVolume: KubeObject = {
  apiVersion: "v1",
  kind: "PersistentVolume",
  metadata: { name: "pv0001", labels: { type: "local" }, finalizers: ["kubernetes.io/pv-protection"] },
  spec: { accessModes: ["ReadWriteOnce"], capacity: { storage: "5Gi" }, hostPath: { path: "/mnt/data", type: "" }, persistentVolumeReclaimPolicy: "Retain", storageClassName: "manual", volumeMode: "Filesystem" },
  status: { phase: "Available" },
};

const localVolume: KubeObject = {
  ...staticVolume,
  metadata: { name: "pvc-1", annotations: { "pv.kubernetes.io/provisioned-by": "rancher.io/local-path" }, finalizers: ["kubernetes.io/pv-protection"] },
  spec: {
    ...staticVolume.spec,
    claimRef: { namespace: "default", name: "data" },
    hostPath: { path: "/var/local-path-provisioner/pvc-1_default_data", type: "DirectoryOrCreate" },
    nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["kubesim-worker"] }] }] } },
    persistentVolumeReclaimPolicy: "Delete",
    storageClassName: "standard",
  },
  status: { phase: "Bound" },
};

const standard = {
  apiVersion: "storage.k8s.io/v1",
  kind: "StorageClass",
  metadata: { name: "standard", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
  provisioner: "rancher.io/local-path",
  reclaimPolicy: "Delete",
  volumeBindingMode: "WaitForFirstConsumer",
} as KubeObject;

suite("describe persistentvolumeclaim, persistentvolume, storageclass", () => {
  const cases: { name: string; obj: KubeObject; others?: KubeObject[]; want: string }[] = [
    {
      name: "a pending claim leaves Volume, Capacity and Access Modes empty",
      obj: pendingClaim,
      want: [
        "Name:          pending",
        "Namespace:     default",
        "StorageClass:  standard",
        "Status:        Pending",
        "Volume:        ",
        "Labels:        <none>",
        "Annotations:   <none>",
        "Finalizers:    [kubernetes.io/pvc-protection]",
        "Capacity:      ",
        "Access Modes:  ",
        "VolumeMode:    Filesystem",
        "Used By:       <none>",
        "Events:        <none>",
        "",
      ].join("\n"),
    },
    {
      name: "a bound claim shows its volume's capacity and modes, and the pods using it sorted",
      obj: boundClaim,
      others: [user("web-b"), user("web-a")],
      want: [
        "Name:          data",
        "Namespace:     default",
        "StorageClass:  standard",
        "Status:        Bound",
        "Volume:        pv0001",
        "Labels:        app=web",
        "Annotations:   pv.kubernetes.io/bind-completed: yes",
        "Finalizers:    [kubernetes.io/pvc-protection]",
        "Capacity:      5Gi",
        "Access Modes:  RWO,ROX",
        "VolumeMode:    Filesystem",
        "Used By:       web-a",
        "               web-b",
        "Events:        <none>",
        "",
      ].join("\n"),
    },
    {
      name: "a static hostPath volume",
      obj: staticVolume,
      want: [
        "Name:            pv0001",
        "Labels:          type=local",
        "Annotations:     <none>",
        "Finalizers:      [kubernetes.io/pv-protection]",
        "StorageClass:    manual",
        "Status:          Available",
        "Claim:           ",
        "Reclaim Policy:  Retain",
        "Access Modes:    RWO",
        "VolumeMode:      Filesystem",
        "Capacity:        5Gi",
        "Node Affinity:   <none>",
        "Message:         ",
        "Source:",
        "    Type:          HostPath (bare host directory volume)",
        "    Path:          /mnt/data",
        "    HostPathType:  ",
        "Events:            <none>",
        "",
      ].join("\n"),
    },
    {
      name: "a provisioned local-path volume with node affinity",
      obj: localVolume,
      want: [
        "Name:              pvc-1",
        "Labels:            <none>",
        "Annotations:       pv.kubernetes.io/provisioned-by: rancher.io/local-path",
        "Finalizers:        [kubernetes.io/pv-protection]",
        "StorageClass:      standard",
        "Status:            Bound",
        "Claim:             default/data",
        "Reclaim Policy:    Delete",
        "Access Modes:      RWO",
        "VolumeMode:        Filesystem",
        "Capacity:          5Gi",
        "Node Affinity:     ",
        "  Required Terms:  ",
        "    Term 0:        kubernetes.io/hostname in [kubesim-worker]",
        "Message:           ",
        "Source:",
        "    Type:          HostPath (bare host directory volume)",
        "    Path:          /var/local-path-provisioner/pvc-1_default_data",
        "    HostPathType:  DirectoryOrCreate",
        "Events:            <none>",
        "",
      ].join("\n"),
    },
    {
      name: "the default storage class",
      obj: standard,
      want: [
        "Name:                  standard",
        "IsDefaultClass:        Yes",
        "Annotations:           storageclass.kubernetes.io/is-default-class=true",
        "Provisioner:           rancher.io/local-path",
        "Parameters:            <none>",
        "AllowVolumeExpansion:  <unset>",
        "MountOptions:          <none>",
        "ReclaimPolicy:         Delete",
        "VolumeBindingMode:     WaitForFirstConsumer",
        "Events:                <none>",
        "",
      ].join("\n"),
    },
  ];
  it.each(cases)("$name", ({ obj, others, want }) => expect(describe(obj, ctxOf([obj, ...(others ?? [])]))).toBe(want));
});
