import { describe, expect, it } from "vitest";
import { validatePersistentVolume } from "./persistent-volume";

const pv = (spec: object) => ({ metadata: { name: "pv1" }, spec: { capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"], ...spec } });
const hostPath = { hostPath: { path: "/mnt/data", type: "" } };

describe("validatePersistentVolume", () => {
  it.each([
    { name: "accepts a hostPath volume", v: pv(hostPath), want: [] },
    { name: "accepts a CSI volume", v: pv({ csi: { driver: "d", volumeHandle: "h" } }), want: [] },
    {
      name: "refuses a spec with nothing in it",
      v: { metadata: { name: "pv1" }, spec: {} },
      want: [
        { type: "Required", path: "spec.accessModes", detail: "" },
        { type: "Required", path: "spec.capacity", detail: "" },
        { type: "NotSupported", path: "spec.capacity", value: undefined, supported: ["storage"], goType: "core.ResourceList" },
        { type: "Required", path: "spec", detail: "must specify a volume type" },
      ],
    },
    {
      name: "refuses an unknown access mode",
      v: pv({ ...hostPath, accessModes: ["ReadWriteSometimes"] }),
      want: [{ type: "NotSupported", path: "spec.accessModes", value: "ReadWriteSometimes", supported: ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"] }],
    },
    {
      name: "refuses ReadWriteOncePod mixed with another mode",
      v: pv({ ...hostPath, accessModes: ["ReadWriteOncePod", "ReadOnlyMany"] }),
      want: [{ type: "Forbidden", path: "spec.accessModes", detail: "may not use ReadWriteOncePod with other access modes" }],
    },
    {
      name: "refuses two volume sources",
      v: pv({ ...hostPath, nfs: { server: "s", path: "/x" } }),
      want: [{ type: "Forbidden", path: "spec.nfs", detail: "may not specify more than 1 volume type" }],
    },
    { name: "requires a hostPath path", v: pv({ hostPath: {} }), want: [{ type: "Required", path: "spec.hostPath.path", detail: "" }] },
    {
      name: "refuses a hostPath path with '..'",
      v: pv({ hostPath: { path: "/mnt/../etc" } }),
      want: [{ type: "Invalid", path: "spec.hostPath.path", value: "/mnt/../etc", detail: "must not contain '..'", goType: undefined }],
    },
    {
      name: "refuses a relative NFS path",
      v: pv({ nfs: { server: "s", path: "exports" } }),
      want: [{ type: "Invalid", path: "spec.nfs.path", value: "exports", detail: "must be an absolute path", goType: undefined }],
    },
    {
      name: "requires node affinity for a local volume",
      v: pv({ local: { path: "/mnt/disk" } }),
      want: [{ type: "Required", path: "spec.nodeAffinity", detail: "Local volume requires node affinity" }],
    },
    {
      name: "refuses an unknown reclaim policy",
      v: pv({ ...hostPath, persistentVolumeReclaimPolicy: "Keep" }),
      want: [{ type: "NotSupported", path: "spec.persistentVolumeReclaimPolicy", value: "Keep", supported: ["Delete", "Recycle", "Retain"] }],
    },
    {
      name: "refuses recycling a hostPath of /",
      v: pv({ hostPath: { path: "/" }, persistentVolumeReclaimPolicy: "Recycle" }),
      want: [{ type: "Forbidden", path: "spec.persistentVolumeReclaimPolicy", detail: "may not be 'recycle' for a hostPath mount of '/'" }],
    },
  ])("$name", ({ v, want }) => {
    expect(validatePersistentVolume(v)).toEqual(want);
  });
});
