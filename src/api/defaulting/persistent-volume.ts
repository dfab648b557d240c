// PersistentVolume and PersistentVolumeClaim defaults: SetDefaults_PersistentVolume and
// SetDefaults_PersistentVolumeClaim (pkg/apis/core/v1/defaults.go): phase Pending, volumeMode
// Filesystem, a manually created volume's reclaim policy Retain, hostPath type "".

import type { KubeObject } from "../types";

export function defaultPersistentVolume(pv: KubeObject): void {
  pv.spec ??= {};
  pv.spec.persistentVolumeReclaimPolicy ??= "Retain";
  pv.spec.volumeMode ??= "Filesystem";
  // SetDefaults_HostPathVolumeSource: an unset type is the empty HostPathUnset.
  if (pv.spec.hostPath && pv.spec.hostPath.type === undefined) pv.spec.hostPath.type = "";
  pv.status = { ...pv.status, phase: pv.status?.phase || "Pending" };
}

export function defaultPersistentVolumeClaim(pvc: KubeObject): void {
  pvc.spec ??= {};
  pvc.spec.volumeMode ??= "Filesystem";
  pvc.status = { ...pvc.status, phase: pvc.status?.phase || "Pending" };
}
