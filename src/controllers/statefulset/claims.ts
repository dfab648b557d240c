// PVC retention (persistentVolumeClaimRetentionPolicy, GA in 1.32): which owner references a
// StatefulSet's claims carry. Port of getPersistentVolumeClaimRetentionPolicy,
// hasUnexpectedController, hasNonControllerOwner, isClaimOwnerUpToDate,
// updateClaimOwnerRefForSetAndPod, hasOwnerRef, hasStaleOwnerRef and addControllerRef from
// pkg/controller/statefulset/stateful_set_utils.go (kubernetes v1.32).
//
//   Retain on scaling and set deletion: no owner ref
//   Retain on scaling and delete on set deletion: owner ref on the set only
//   Delete on scaling and retain on set deletion: owner ref on the pod only (once scaled down)
//   Delete on scaling and set deletion: owner ref on the set, or on the pod once scaled down

import type { KubeObject, OwnerReference } from "../../api/types";
import { newControllerRef } from "../shared/owner-refs";
import { podInOrdinalRange } from "./identity";

type Policy = "Retain" | "Delete";

export function getPersistentVolumeClaimRetentionPolicy(set: KubeObject): { whenDeleted: Policy; whenScaled: Policy } {
  const p = set.spec?.persistentVolumeClaimRetentionPolicy ?? {};
  return { whenDeleted: p.whenDeleted ?? "Retain", whenScaled: p.whenScaled ?? "Retain" };
}

/** matchesRef: same group/version, kind and name (the uid is not compared). */
const matchesRef = (ref: OwnerReference, obj: KubeObject): boolean => ref.apiVersion === obj.apiVersion && ref.kind === obj.kind && ref.name === obj.metadata.name;

const refsOf = (claim: KubeObject): OwnerReference[] => claim.metadata.ownerReferences ?? [];

export const hasOwnerRef = (target: KubeObject, owner: KubeObject): boolean => refsOf(target).some((r) => r.uid === owner.metadata.uid);

/** A ref that names obj but carries another uid: left by a previous incarnation. */
function hasStaleOwnerRef(target: KubeObject, obj: KubeObject): boolean {
  const ref = refsOf(target).find((r) => matchesRef(r, obj));
  return ref !== undefined && ref.uid !== obj.metadata.uid;
}

function hasUnexpectedController(claim: KubeObject, set: KubeObject, pod: KubeObject): boolean {
  const policy = getPersistentVolumeClaimRetentionPolicy(set);
  if (policy.whenScaled === "Retain" && policy.whenDeleted === "Retain") return false;
  for (const ref of refsOf(claim)) {
    if (matchesRef(ref, set)) {
      if (ref.uid !== set.metadata.uid) return true;
      continue;
    }
    if (matchesRef(ref, pod)) {
      if (ref.uid !== pod.metadata.uid) return true;
      continue;
    }
    if (ref.controller) return true;
  }
  return false;
}

function hasNonControllerOwner(claim: KubeObject, set: KubeObject, pod: KubeObject): boolean {
  return refsOf(claim).some((r) => (r.uid === set.metadata.uid || r.uid === pod.metadata.uid) && !r.controller);
}

/** isClaimOwnerUpToDate: the claim's refs agree with the policy (or are in a state not to touch). */
export function isClaimOwnerUpToDate(claim: KubeObject, set: KubeObject, pod: KubeObject): boolean {
  if (hasStaleOwnerRef(claim, set) || hasStaleOwnerRef(claim, pod)) return true;
  if (hasUnexpectedController(claim, set, pod)) return !(hasOwnerRef(claim, set) || hasOwnerRef(claim, pod));
  if (hasNonControllerOwner(claim, set, pod)) return false;
  const policy = getPersistentVolumeClaimRetentionPolicy(set);
  const scaledDown = !podInOrdinalRange(pod, set);
  if (policy.whenScaled === "Delete" && policy.whenDeleted === "Delete") {
    return scaledDown !== hasOwnerRef(claim, set) && scaledDown === hasOwnerRef(claim, pod);
  }
  if (policy.whenScaled === "Delete") return !hasOwnerRef(claim, set) && scaledDown === hasOwnerRef(claim, pod);
  if (policy.whenDeleted === "Delete") return hasOwnerRef(claim, set) && !hasOwnerRef(claim, pod);
  return !hasOwnerRef(claim, set) && !hasOwnerRef(claim, pod);
}

/** updateClaimOwnerRefForSetAndPod: a copy of claim with its set/pod refs rewritten for the policy. */
export function updateClaimOwnerRefForSetAndPod(claim: KubeObject, set: KubeObject, pod: KubeObject): KubeObject {
  const unexpected = hasUnexpectedController(claim, set, pod);
  let refs = refsOf(claim).filter((r) => !matchesRef(r, set) && !matchesRef(r, pod));
  if (!unexpected) {
    const policy = getPersistentVolumeClaimRetentionPolicy(set);
    const scaledDown = !podInOrdinalRange(pod, set);
    const add = (owner: KubeObject) => {
      if (!refs.some((r) => r.uid === owner.metadata.uid)) refs = [...refs, newControllerRef(owner)];
    };
    if (policy.whenScaled === "Delete" && scaledDown) add(pod);
    if (policy.whenDeleted === "Delete" && !(policy.whenScaled === "Delete" && scaledDown)) add(set);
  }
  const { ownerReferences: _dropped, ...rest } = claim.metadata;
  return { ...claim, metadata: refs.length === 0 ? rest : { ...rest, ownerReferences: refs } };
}
