// Setting up a pod's volumes once, before its containers start: each entry of spec.volumes is
// projected into a blob of the pod record's VolumeStore, keyed by volume name (emptyDir blobs
// are shared by the pod's containers and go with the pod). Port of the volume manager's
// WaitForAttachAndMount in spirit: a volume that cannot be set up (a missing ConfigMap) keeps
// the pod ContainerCreating with Warning FailedMount, retried when ConfigMaps/Secrets change.
// A persistentVolumeClaim volume needs its claim Bound (desired_state_of_world_populator's
// getPVCExtractPV); its data lives in the runtime record `pv:<volume>` (the directory on the
// node), loaded here and written back by persistentVolumeWrites whenever the pod changes it,
// so the next pod on the claim sees the files. hostPath gets an empty blob.

import { dictionary } from "../api/dictionary";
import type { KubeObject } from "../api/types";
import type { ClusterView } from "../api/store/view";
import { deepEqual } from "../api/deep-equal";
import type { RuntimeWrite } from "../controllers/types";
import type { ConfigLookup } from "../runtime/env";
import { emptyTree, projectVolume } from "../runtime/fs";
import type { TreeData } from "../runtime/fs/tree";
import type { VolumeStore } from "../runtime/fs";
import { volumeDataId } from "../controllers/persistentvolume/binder";
import { deepCopy } from "../api/deep-copy";

/** The kubelet's configMapManager/secretManager: reads through the view, namespace-scoped. */
export function viewLookup(view: ClusterView): ConfigLookup {
  return {
    configMap: (ns, name) => view.get(`ConfigMap/${ns}/${name}`),
    secret: (ns, name) => view.get(`Secret/${ns}/${name}`),
  };
}

/** The runtime record of a PersistentVolume's data. */
export interface PersistentVolumeRecord {
  readonly data: TreeData;
}

/** A claim the pod may not mount yet: the kubelet retries after its pod-worker back-off. */
export const VOLUME_RETRY_MS = 10_000;

export type VolumeSetup = { ok: true; volumes: VolumeStore } | { ok: false; message: string; retryAfter?: number };

type PodVolume = { name: string; persistentVolumeClaim?: { claimName: string } };

export function setUpPodVolumes(view: ClusterView, pod: KubeObject, node: KubeObject): VolumeSetup {
  const volumes: VolumeStore = dictionary();
  const input = { pod, lookup: viewLookup(view), allocatable: (node.status?.allocatable ?? {}) as Record<string, string> };
  for (const v of (pod.spec?.volumes ?? []) as PodVolume[]) {
    if (v.persistentVolumeClaim) {
      const claim = claimVolume(view, pod, v.persistentVolumeClaim.claimName);
      if ("error" in claim) {
        const message = `Unable to attach or mount volumes: unmounted volumes=[${v.name}], unattached volumes=[], failed to process volumes=[${v.name}]: ${claim.error}`;
        return { ok: false, message, retryAfter: VOLUME_RETRY_MS };
      }
      const rec = view.runtime(volumeDataId(claim.pv)) as PersistentVolumeRecord | undefined;
      volumes[v.name] = rec ? deepCopy(rec.data) : emptyTree();
      continue;
    }
    const r = projectVolume(v, input);
    if (r.ok === false) return { ok: false, message: r.message };
    volumes[v.name] = r.ok === true ? r.data : emptyTree();
  }
  return { ok: true, volumes };
}

/** getPVCExtractPV: the claim's volume name, or why the pod cannot use it. */
function claimVolume(view: ClusterView, pod: KubeObject, claimName: string): { pv: string } | { error: string } {
  const ns = pod.metadata.namespace ?? "";
  const what = `error processing PVC ${ns}/${claimName}`;
  const claim = view.get(`PersistentVolumeClaim/${ns}/${claimName}`);
  if (!claim) return { error: `${what}: failed to fetch PVC from API server: persistentvolumeclaims "${claimName}" not found` };
  if (claim.metadata.deletionTimestamp) return { error: `${what}: can't start pod because PVC ${ns}/${claimName} is being deleted` };
  const pv: string = claim.spec?.volumeName ?? "";
  if (claim.status?.phase !== "Bound" || pv === "") return { error: `${what}: PVC is not bound` };
  return { pv };
}

/**
 * The pod's volumes with each PVC-backed blob replaced by its volume's stored data, so what
 * another pod on the same claim wrote since is seen (the volume, not the pod, holds the
 * truth). Mutates and returns `volumes`, a private copy.
 */
export function refreshPersistentVolumes(view: ClusterView, pod: KubeObject, volumes: VolumeStore): VolumeStore {
  const ns = pod.metadata.namespace ?? "";
  for (const v of (pod.spec?.volumes ?? []) as PodVolume[]) {
    if (!v.persistentVolumeClaim || !volumes[v.name]) continue;
    const pv = view.get(`PersistentVolumeClaim/${ns}/${v.persistentVolumeClaim.claimName}`)?.spec?.volumeName;
    const rec = pv ? (view.runtime(volumeDataId(pv)) as PersistentVolumeRecord | undefined) : undefined;
    if (rec && !deepEqual(rec.data, volumes[v.name])) volumes[v.name] = deepCopy(rec.data);
  }
  return volumes;
}

/**
 * The runtime writes that store the pod's PVC-backed volume blobs back as their volumes'
 * data, for those that differ from what is stored.
 */
export function persistentVolumeWrites(view: ClusterView, pod: KubeObject, volumes: VolumeStore | undefined): RuntimeWrite[] {
  if (!volumes) return [];
  const out: RuntimeWrite[] = [];
  const ns = pod.metadata.namespace ?? "";
  for (const v of (pod.spec?.volumes ?? []) as PodVolume[]) {
    const data = volumes[v.name];
    if (!v.persistentVolumeClaim || !data) continue;
    const pv = view.get(`PersistentVolumeClaim/${ns}/${v.persistentVolumeClaim.claimName}`)?.spec?.volumeName;
    if (!pv || !view.get(`PersistentVolume//${pv}`)) continue;
    const id = volumeDataId(pv);
    const stored = view.runtime(id) as PersistentVolumeRecord | undefined;
    if (!stored || !deepEqual(stored.data, data)) out.push({ podUid: id, record: { data: deepCopy(data) } satisfies PersistentVolumeRecord });
  }
  return out;
}
