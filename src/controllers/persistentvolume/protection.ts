// The storage-object-in-use protection controllers: a claim keeps kubernetes.io/pvc-protection
// while a scheduled, unfinished pod uses it (so a deleted claim stays Terminating), and a
// volume keeps kubernetes.io/pv-protection while it is Bound. Port of
// pkg/controller/volume/pvcprotection/pvc_protection_controller.go and
// pkg/controller/volume/pvprotection/pv_protection_controller.go.

import type { KubeObject } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import type { Controller, Outcome } from "../types";
import { NOTHING, self } from "../types";
import { PVC_PROTECTION_FINALIZER, PV_PROTECTION_FINALIZER } from "./annotations";
import { claimNamesOf, podIsActive } from "./claims";
import { specOrPhaseChanged } from "../shared/change-predicates";

/** podUsesPVC: only scheduled pods count (the kubelet refuses a claim being deleted). */
export function isClaimInUse(view: ClusterView, claim: KubeObject): boolean {
  return view
    .list("Pod", claim.metadata.namespace)
    .some((p) => podIsActive(p) && claimNamesOf(p).includes(claim.metadata.name ?? ""));
}

/** Adds the finalizer to a live object, removes it from a deleted one no longer in use. */
function protect(obj: KubeObject, finalizer: string, inUse: () => boolean): Outcome {
  const finalizers: string[] = obj.metadata.finalizers ?? [];
  const has = finalizers.includes(finalizer);
  if (!obj.metadata.deletionTimestamp) {
    if (has) return NOTHING;
    return { writes: [{ op: "update", object: { ...obj, metadata: { ...obj.metadata, finalizers: [...finalizers, finalizer] } } }], events: [] };
  }
  if (!has || inUse()) return NOTHING;
  return { writes: [{ op: "update", object: { ...obj, metadata: { ...obj.metadata, finalizers: finalizers.filter((f) => f !== finalizer) } } }], events: [] };
}

export const pvcProtectionController = {
  name: "pvc-protection-controller",
  primary: "PersistentVolumeClaim",
  wakeOn: [
    self("PersistentVolumeClaim"),
    { kind: "Pod", concerns: specOrPhaseChanged, keysFor: (pod: KubeObject) => claimNamesOf(pod).map((n) => `PersistentVolumeClaim/${pod.metadata.namespace}/${n}`) },
  ],
  reconcile(view, key) {
    const claim = view.get(key);
    return claim ? protect(claim, PVC_PROTECTION_FINALIZER, () => isClaimInUse(view, claim)) : NOTHING;
  },
} satisfies Controller;

export const pvProtectionController = {
  name: "pv-protection-controller",
  primary: "PersistentVolume",
  wakeOn: [self("PersistentVolume")],
  reconcile(view, key) {
    const pv = view.get(key);
    return pv ? protect(pv, PV_PROTECTION_FINALIZER, () => pv.status?.phase === "Bound") : NOTHING;
  },
} satisfies Controller;

