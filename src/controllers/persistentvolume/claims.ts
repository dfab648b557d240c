// Reading PVCs, PVs and StorageClasses the way storagehelpers and the PV controller do:
// a claim's class (legacy annotation first), its requested size, its binding mode, whether
// it is bound. Shared by the PV controller, the provisioner, the scheduler and the kubelet.

import type { KubeObject } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import { wholeValue } from "../../api/quantity";
import { ANN_BETA_DEFAULT_CLASS, ANN_BETA_STORAGE_CLASS, ANN_BIND_COMPLETED, ANN_DEFAULT_CLASS } from "./annotations";

/** GetPersistentVolumeClaimClass / GetPersistentVolumeClass: the beta annotation wins. */
export function classOf(obj: KubeObject): string {
  return obj.metadata.annotations?.[ANN_BETA_STORAGE_CLASS] ?? obj.spec?.storageClassName ?? "";
}

export function storageClassNamed(view: ClusterView, name: string): KubeObject | undefined {
  return name === "" ? undefined : view.get(`StorageClass//${name}`);
}

/** IsDefaultAnnotation: either spelling set to "true". */
export function isDefaultClass(sc: KubeObject): boolean {
  const a = sc.metadata.annotations ?? {};
  return a[ANN_DEFAULT_CLASS] === "true" || a[ANN_BETA_DEFAULT_CLASS] === "true";
}

/** The claim's requested storage in bytes. */
export function requestedBytes(claim: KubeObject): number {
  return wholeValue(claim.spec?.resources?.requests?.storage);
}

/** The volume's capacity in bytes. */
export function capacityBytes(pv: KubeObject): number {
  return wholeValue(pv.spec?.capacity?.storage);
}

/** IsDelayBindingMode: the claim's class exists and binds on first consumer. */
export function isDelayBinding(view: ClusterView, claim: KubeObject): boolean {
  return (storageClassNamed(view, classOf(claim)) as any)?.volumeBindingMode === "WaitForFirstConsumer";
}

/** The claim has been bound once (the annotation is never removed, so Lost can be told). */
export function isBindCompleted(claim: KubeObject): boolean {
  return claim.metadata.annotations?.[ANN_BIND_COMPLETED] !== undefined;
}

/** Bound and pointing at a volume: what pods may mount. */
export function isClaimBound(claim: KubeObject): boolean {
  return claim.status?.phase === "Bound" && Boolean(claim.spec?.volumeName);
}

/** The names of the claims a pod's volumes use. */
export function claimNamesOf(pod: KubeObject): string[] {
  return ((pod.spec?.volumes ?? []) as { persistentVolumeClaim?: { claimName?: string } }[])
    .map((v) => v.persistentVolumeClaim?.claimName)
    .filter((n): n is string => Boolean(n));
}

/** Whether the volume's claimRef names this claim (uid too, when the ref has one). */
export function isVolumeBoundToClaim(pv: KubeObject, claim: KubeObject): boolean {
  const ref = pv.spec?.claimRef;
  if (!ref) return false;
  if (ref.name !== claim.metadata.name || ref.namespace !== claim.metadata.namespace) return false;
  return !ref.uid || ref.uid === claim.metadata.uid;
}

/** A pod that still holds its volumes: scheduled and not finished. */
export function podIsActive(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return Boolean(pod.spec?.nodeName) && phase !== "Succeeded" && phase !== "Failed";
}
