// The StatefulSet controller's writes to pods and claims, with their events. Port of
// pkg/controller/statefulset/stateful_pod_control.go (kubernetes v1.32): CreateStatefulPod
// (claims first, then the pod), DeleteStatefulPod, UpdateStatefulPod,
// createMissingPersistentVolumeClaims, ClaimsMatchRetentionPolicy,
// UpdatePodClaimForRetentionPolicy, recordPodEvent and recordClaimEvent.

import type { KubeObject } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import type { EventNote, RejectedWrite, Write } from "../types";
import { getPersistentVolumeClaims, identityMatches, updateIdentity } from "./identity";
import { isClaimOwnerUpToDate, updateClaimOwnerRefForSetAndPod } from "./claims";
import { deepCopy } from "../../api/deep-copy";

export const SOURCE = "statefulset-controller";

/** Where one sync collects its intended writes and events. */
export interface PodControl {
  readonly view: ClusterView;
  readonly writes: Write[];
  readonly events: EventNote[];
}

/** recordPodEvent: "create Pod web-0 in StatefulSet web successful" (or "… failed error: <err>"). */
function recordPodEvent(c: PodControl, verb: "create" | "delete" | "update", set: KubeObject, pod: KubeObject, err?: string): EventNote {
  const note = podEvent(verb, set, pod, err);
  c.events.push(note);
  return note;
}

function podEvent(verb: "create" | "delete" | "update", set: KubeObject, pod: KubeObject, err?: string): EventNote {
  const reason = `${err ? "Failed" : "Successful"}${verb[0].toUpperCase()}${verb.slice(1)}`;
  const message = err
    ? `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${err}`
    : `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`;
  return { regarding: set, type: err ? "Warning" : "Normal", reason, message, source: SOURCE };
}

/** recordClaimEvent: "create Claim www-web-0 Pod web-0 in StatefulSet web success" (or "… for Pod … failed error: <err>"). */
function claimEvent(set: KubeObject, pod: KubeObject, claim: KubeObject, err?: string): EventNote {
  const message = err
    ? `create Claim ${claim.metadata.name} for Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${err}`
    : `create Claim ${claim.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`;
  return { regarding: set, type: err ? "Warning" : "Normal", reason: err ? "FailedCreate" : "SuccessfulCreate", message, source: SOURCE };
}

/**
 * A rejected claim or pod create ends the pass (upstream returns the error from processReplica,
 * and slowStartBatch stops a Parallel set's creates at the first failure): one batch for all.
 */
const CREATES = "statefulset-creates";

const claimKey = (claim: KubeObject) => `PersistentVolumeClaim/${claim.metadata.namespace ?? ""}/${claim.metadata.name}`;

/**
 * createPersistentVolumeClaims: creates each missing claim (with the set's retention refs already
 * in place, which upstream patches in right after the pod). Returns the error text for a claim
 * that is being deleted, which blocks the pod.
 */
function createPersistentVolumeClaims(c: PodControl, set: KubeObject, pod: KubeObject): string | undefined {
  const errs: string[] = [];
  for (const claim of getPersistentVolumeClaims(set, pod).values()) {
    const existing = c.view.get(claimKey(claim));
    if (!existing) {
      // Rejected: the claim's Warning, then the pod's ("failed to create PVC …"), and no pod. Later
      // claims of the pod are skipped too, where upstream tries them all (one error is enough).
      const created = claimEvent(set, pod, claim);
      const events = (err: RejectedWrite) =>
        [claimEvent(set, pod, claim, err.message), podEvent("create", set, pod, `failed to create PVC ${claim.metadata.name}: ${err.message}`)] as const;
      c.writes.push({ op: "create", object: updateClaimOwnerRefForSetAndPod(claim, set, pod), onRejected: { events, replaces: created, batch: CREATES } });
      c.events.push(created);
    } else if (existing.metadata.deletionTimestamp) {
      errs.push(`pvc ${claim.metadata.name} is being deleted`);
    }
  }
  return errs.length === 0 ? undefined : errs.length === 1 ? errs[0] : `[${errs.join(", ")}]`;
}

/** CreateStatefulPod: the claims, then the pod. False when a claim blocked it. */
export function createStatefulPod(c: PodControl, set: KubeObject, pod: KubeObject): boolean {
  const err = createPersistentVolumeClaims(c, set, pod);
  if (err) {
    recordPodEvent(c, "create", set, pod, err);
    return false;
  }
  const created = podEvent("create", set, pod);
  const events = (err: RejectedWrite) => [podEvent("create", set, pod, err.message)] as const;
  c.writes.push({ op: "create", object: pod, onRejected: { events, replaces: created, batch: CREATES } });
  c.events.push(created);
  return true;
}

/** createMissingPersistentVolumeClaims: for a pending pod whose claims were deleted meanwhile. */
export function createMissingPersistentVolumeClaims(c: PodControl, set: KubeObject, pod: KubeObject): boolean {
  return createPersistentVolumeClaims(c, set, pod) === undefined;
}

export function deleteStatefulPod(c: PodControl, set: KubeObject, pod: KubeObject): void {
  c.writes.push({ op: "delete", ref: { kind: "Pod", namespace: pod.metadata.namespace ?? "", name: pod.metadata.name ?? "" }, uid: pod.metadata.uid });
  recordPodEvent(c, "delete", set, pod);
}

/** ClaimsMatchRetentionPolicy: a claim not found counts as matching (upstream's error path). */
export function claimsMatchRetentionPolicy(c: PodControl, set: KubeObject, pod: KubeObject): boolean {
  for (const claim of getPersistentVolumeClaims(set, pod).values()) {
    const existing = c.view.get(claimKey(claim));
    if (existing && !isClaimOwnerUpToDate(existing, set, pod)) return false;
  }
  return true;
}

/** UpdatePodClaimForRetentionPolicy: rewrites the refs of each claim that disagrees with the policy. */
export function updatePodClaimForRetentionPolicy(c: PodControl, set: KubeObject, pod: KubeObject): void {
  for (const claim of getPersistentVolumeClaims(set, pod).values()) {
    const existing = c.view.get(claimKey(claim));
    if (existing && !isClaimOwnerUpToDate(existing, set, pod)) c.writes.push({ op: "update", object: updateClaimOwnerRefForSetAndPod(existing, set, pod) });
  }
}

/**
 * UpdateStatefulPod: restores the pod's identity labels and the claims' retention refs. A pod's
 * volumes cannot change after creation, so kubesim does not attempt upstream's storage fix-up.
 */
export function updateStatefulPod(c: PodControl, set: KubeObject, pod: KubeObject): void {
  const copy = deepCopy(pod);
  let consistent = true;
  if (!identityMatches(set, copy)) {
    updateIdentity(set, copy);
    c.writes.push({ op: "update", object: copy });
    consistent = false;
  }
  if (!claimsMatchRetentionPolicy(c, set, copy)) {
    updatePodClaimForRetentionPolicy(c, set, copy);
    consistent = false;
  }
  if (!consistent) recordPodEvent(c, "update", set, pod);
}
