// Setting up a pod's volumes once, before its containers start: each entry of spec.volumes is
// projected into a blob of the pod record's VolumeStore, keyed by volume name (emptyDir blobs
// are shared by the pod's containers and go with the pod). Port of the volume manager's
// WaitForAttachAndMount in spirit: a volume that cannot be set up (a missing ConfigMap) keeps
// the pod ContainerCreating with Warning FailedMount, retried when ConfigMaps/Secrets change.
// Volumes whose data lives outside the pod (persistentVolumeClaim, hostPath) get an empty blob.

import type { KubeObject } from "../api/types";
import type { ClusterView } from "../api/store/view";
import type { ConfigLookup } from "../runtime/env";
import { emptyTree, projectVolume } from "../runtime/fs";
import type { VolumeStore } from "../runtime/fs";

/** The kubelet's configMapManager/secretManager: reads through the view, namespace-scoped. */
export function viewLookup(view: ClusterView): ConfigLookup {
  return {
    configMap: (ns, name) => view.get(`ConfigMap/${ns}/${name}`),
    secret: (ns, name) => view.get(`Secret/${ns}/${name}`),
  };
}

export type VolumeSetup = { ok: true; volumes: VolumeStore } | { ok: false; message: string };

export function setUpPodVolumes(view: ClusterView, pod: KubeObject, node: KubeObject): VolumeSetup {
  const volumes: VolumeStore = {};
  const input = { pod, lookup: viewLookup(view), allocatable: (node.status?.allocatable ?? {}) as Record<string, string> };
  for (const v of (pod.spec?.volumes ?? []) as { name: string }[]) {
    const r = projectVolume(v, input);
    if (r.ok === false) return { ok: false, message: r.message };
    volumes[v.name] = r.ok === true ? r.data : emptyTree();
  }
  return { ok: true, volumes };
}
