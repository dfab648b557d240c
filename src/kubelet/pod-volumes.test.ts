import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import { Store } from "../api/store/store";
import { viewOf } from "../api/store/view";
import { node } from "../../test/builders/node";
import { persistentVolumeWrites, refreshPersistentVolumes, setUpPodVolumes } from "./pod-volumes";

const worker = node("kubesim-worker", 1).build();

const claim = (phase: string, extra: { volumeName?: string; deleting?: boolean } = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "PersistentVolumeClaim",
  metadata: { name: "data", namespace: "default", uid: "uid-data", ...(extra.deleting && { deletionTimestamp: "2025-01-01T00:00:00Z" }) },
  spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, ...(extra.volumeName && { volumeName: extra.volumeName }) },
  status: { phase },
});
const pv: KubeObject = { apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "pv1" }, spec: { capacity: { storage: "1Gi" } }, status: { phase: "Bound" } };
const pod: KubeObject = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "web", namespace: "default", uid: "uid-web" },
  spec: { nodeName: "kubesim-worker", containers: [{ name: "c", image: "busybox" }], volumes: [{ name: "d", persistentVolumeClaim: { claimName: "data" } }] },
};
const saved = { data: { files: { "note.txt": "saved\n" }, dirs: [] } };

describe("setting up a PVC-backed volume", () => {
  const prefix = "Unable to attach or mount volumes: unmounted volumes=[d], unattached volumes=[], failed to process volumes=[d]: error processing PVC default/data";
  const cases: { name: string; objects: KubeObject[]; runtime?: [string, unknown][]; want: unknown }[] = [
    { name: "refuses a claim that does not exist", objects: [], want: { ok: false, message: `${prefix}: failed to fetch PVC from API server: persistentvolumeclaims "data" not found`, retryAfter: 10_000 } },
    { name: "refuses a claim that is not Bound", objects: [claim("Pending")], want: { ok: false, message: `${prefix}: PVC is not bound`, retryAfter: 10_000 } },
    { name: "refuses a claim being deleted", objects: [claim("Bound", { volumeName: "pv1", deleting: true }), pv], want: { ok: false, message: `${prefix}: can't start pod because PVC default/data is being deleted`, retryAfter: 10_000 } },
    { name: "mounts an empty directory for a new volume", objects: [claim("Bound", { volumeName: "pv1" }), pv], want: { ok: true, volumes: { d: { files: {}, dirs: [] } } } },
    { name: "mounts the data an earlier pod left on the volume", objects: [claim("Bound", { volumeName: "pv1" }), pv], runtime: [["pv:pv1", saved]], want: { ok: true, volumes: { d: saved.data } } },
  ];
  it.each(cases)("$name", ({ objects, runtime, want }) => {
    expect(setUpPodVolumes(viewOf(new Store(objects), new Map(runtime ?? [])), pod, worker)).toEqual(want);
  });
});

describe("keeping a PVC-backed volume's data beside the volume", () => {
  const bound = [claim("Bound", { volumeName: "pv1" }), pv];
  it("stores what the pod wrote as the volume's data", () => {
    const view = viewOf(new Store(bound), new Map());
    expect(persistentVolumeWrites(view, pod, { d: saved.data })).toEqual([{ podUid: "pv:pv1", record: saved }]);
  });
  it("writes nothing when the stored data is the same", () => {
    const view = viewOf(new Store(bound), new Map([["pv:pv1", saved]]));
    expect(persistentVolumeWrites(view, pod, { d: structuredClone(saved.data) })).toEqual([]);
  });
  it("writes nothing once the volume is gone", () => {
    const view = viewOf(new Store([claim("Bound", { volumeName: "pv1" })]), new Map());
    expect(persistentVolumeWrites(view, pod, { d: saved.data })).toEqual([]);
  });
  it("refreshes the pod's copy with what another pod stored since", () => {
    const view = viewOf(new Store(bound), new Map([["pv:pv1", saved]]));
    expect(refreshPersistentVolumes(view, pod, { d: { files: {}, dirs: [] } })).toEqual({ d: saved.data });
  });
});
