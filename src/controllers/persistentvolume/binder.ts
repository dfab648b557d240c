// The PV controller's claim and volume loops. Port of syncClaim / syncUnboundClaim /
// syncBoundClaim / syncVolume / bind / reclaimVolume in
// pkg/controller/volume/persistentvolume/pv_controller.go. Provisioning itself is the external
// provisioner's work (provisioner.ts); this controller only hands the claim to it.

import type { KubeObject } from "../../api/types";
import { keyOf, refOf } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import type { EventNote, Outcome, RuntimeWrite, Write } from "../types";
import { NOTHING } from "../types";
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_DYNAMICALLY_PROVISIONED,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  NO_VOLUME_NO_CLASS_MESSAGE,
  PV_CONTROLLER,
  WAIT_FOR_FIRST_CONSUMER_MESSAGE,
  externalProvisioningMessage,
} from "./annotations";
import { claimNamesOf, classOf, isBindCompleted, isDelayBinding, isVolumeBoundToClaim, storageClassNamed } from "./claims";
import { findMatchingVolume } from "./matching";
import { forgetClaim, onceOnly } from "./event-memory";
import { phaseOf, statusWrite, withAnnotations } from "./writes";

/** Where the kubelet keeps a volume's data (see kubelet/pod-volumes.ts). */
export const volumeDataId = (pvName: string): string => `pv:${pvName}`;

export function syncClaim(view: ClusterView, key: string): Outcome {
  const claim = view.get(key);
  if (!claim) {
    const runtime = forgetClaim(view, key);
    return runtime.length === 0 ? NOTHING : { writes: [], events: [], runtime };
  }
  return isBindCompleted(claim) ? syncBoundClaim(view, claim) : syncUnboundClaim(view, claim);
}

function syncUnboundClaim(view: ClusterView, claim: KubeObject): Outcome {
  const volumeName: string = claim.spec?.volumeName ?? "";
  if (volumeName === "") {
    // shouldDelayBinding: a claim whose node the scheduler chose is no longer delayed.
    const delayBinding = isDelayBinding(view, claim) && !claim.metadata.annotations?.[ANN_SELECTED_NODE];
    const pv = findMatchingVolume(claim, view.list("PersistentVolume"), { delayBinding });
    if (pv) return bind(view, pv, claim);
    if (delayBinding) return pending(view, claim, [], waitingEvent(view, claim));
    if (classOf(claim) !== "") return provisionClaim(view, claim);
    return pending(view, claim, [], note(claim, "Normal", "FailedBinding", NO_VOLUME_NO_CLASS_MESSAGE));
  }
  // The user asked for a particular volume.
  const pv = view.get(`PersistentVolume//${volumeName}`);
  if (!pv) return pending(view, claim, []);
  if (!pv.spec?.claimRef || isVolumeBoundToClaim(pv, claim)) return bind(view, pv, claim);
  return pending(view, claim, []);
}

function syncBoundClaim(view: ClusterView, claim: KubeObject): Outcome {
  const volumeName: string = claim.spec?.volumeName ?? "";
  if (volumeName === "") return lost(claim, "Bound claim has lost reference to PersistentVolume. Data on the volume is lost!");
  const pv = view.get(`PersistentVolume//${volumeName}`);
  if (!pv) return lost(claim, "Bound claim has lost its PersistentVolume. Data on the volume is lost!");
  if (!pv.spec?.claimRef || isVolumeBoundToClaim(pv, claim)) return bind(view, pv, claim);
  return lost(claim, "Two claims are bound to the same volume, this one is bound incorrectly", "ClaimMisbound");
}

/**
 * bind(): the volume's claimRef (and bound-by-controller when the controller set it) and
 * phase Bound; the claim's volumeName, bind-completed (and bound-by-controller when the
 * controller set volumeName), phase Bound with the volume's capacity and access modes. Only
 * what differs is written, so a converged pair gives no writes.
 */
export function bind(view: ClusterView, pv: KubeObject, claim: KubeObject): Outcome {
  const writes: Write[] = [];
  let volume = pv;
  if (!isVolumeBoundToClaim(pv, claim) || !pv.spec?.claimRef?.uid) {
    const byController = !isVolumeBoundToClaim(pv, claim);
    volume = { ...pv, spec: { ...pv.spec, claimRef: claimRefOf(claim) } };
    if (byController) volume = withAnnotations(volume, { [ANN_BOUND_BY_CONTROLLER]: "yes" });
    writes.push({ op: "update", object: volume });
  }
  if (phaseOf(pv) !== "Bound") writes.push(statusWrite(volume, { ...pv.status, phase: "Bound" }));
  let bound = claim;
  const setsVolumeName = claim.spec?.volumeName !== pv.metadata.name;
  const annotations: Record<string, string> = { [ANN_BIND_COMPLETED]: "yes", ...(setsVolumeName && { [ANN_BOUND_BY_CONTROLLER]: "yes" }) };
  if (setsVolumeName || Object.keys(annotations).some((k) => claim.metadata.annotations?.[k] === undefined)) {
    bound = withAnnotations({ ...claim, spec: { ...claim.spec, volumeName: pv.metadata.name } }, annotations);
    writes.push({ op: "update", object: bound });
  }
  const status = { ...claim.status, phase: "Bound", accessModes: pv.spec?.accessModes, capacity: pv.spec?.capacity };
  if (JSON.stringify(status) !== JSON.stringify(claim.status)) writes.push(statusWrite(bound, status));
  return { writes, events: [], runtime: forgetClaim(view, keyOf(refOf(claim))) };
}

/** provisionClaimOperationExternal: name the provisioner on the claim and say we wait for it. */
function provisionClaim(view: ClusterView, claim: KubeObject): Outcome {
  const className = classOf(claim);
  const sc = storageClassNamed(view, className) as any;
  if (!sc) {
    return pending(view, claim, [], note(claim, "Warning", "ProvisioningFailed", `storageclass.storage.k8s.io "${className}" not found`));
  }
  const provisioner: string = sc.provisioner ?? "";
  const a = claim.metadata.annotations ?? {};
  const writes: Write[] = [];
  let next = claim;
  if (a[ANN_STORAGE_PROVISIONER] !== provisioner || a[ANN_BETA_STORAGE_PROVISIONER] !== provisioner) {
    next = withAnnotations(claim, { [ANN_STORAGE_PROVISIONER]: provisioner, [ANN_BETA_STORAGE_PROVISIONER]: provisioner });
    writes.push({ op: "update", object: next });
  }
  return pending(view, next, writes, note(claim, "Normal", "ExternalProvisioning", externalProvisioningMessage(provisioner)));
}

/** emitEventForUnboundDelayBindingClaim: WaitForPodScheduled when a pod waits, else WaitForFirstConsumer. */
function waitingEvent(view: ClusterView, claim: KubeObject): EventNote {
  const waiting = view
    .list("Pod", claim.metadata.namespace)
    .filter((p) => !p.spec?.nodeName && claimNamesOf(p).includes(claim.metadata.name ?? ""))
    .map((p) => p.metadata.name ?? "");
  if (waiting.length === 0) return note(claim, "Normal", "WaitForFirstConsumer", WAIT_FOR_FIRST_CONSUMER_MESSAGE);
  const message = waiting.length > 1 ? `waiting for pods ${waiting.join(",")} to be scheduled` : `waiting for pod ${waiting[0]} to be scheduled`;
  return note(claim, "Normal", "WaitForPodScheduled", message);
}

function pending(view: ClusterView, claim: KubeObject, writes: Write[], event?: EventNote): Outcome {
  const out: Write[] = [...writes];
  if (phaseOf(claim) !== "Pending") out.push(statusWrite(claim, { ...claim.status, phase: "Pending" }));
  const once = event ? onceOnly(view, claim, event) : { events: [], runtime: [] as RuntimeWrite[] };
  return { writes: out, events: once.events, runtime: once.runtime };
}

function lost(claim: KubeObject, message: string, reason = "ClaimLost"): Outcome {
  if (phaseOf(claim) === "Lost") return NOTHING;
  return { writes: [statusWrite(claim, { ...claim.status, phase: "Lost" })], events: [note(claim, "Warning", reason, message)] };
}

/**
 * syncVolume: a free volume is Available; one whose claim is gone is Released and then
 * reclaimed; one whose claim is bound elsewhere is unbound. Provisioned volumes with the
 * Delete policy are deleted by their provisioner (provisioner.ts), as external ones are.
 */
export function syncVolume(view: ClusterView, key: string): Outcome {
  const pv = view.get(key);
  if (!pv) {
    const id = volumeDataId(key.slice(key.lastIndexOf("/") + 1));
    return view.runtime(id) === undefined ? NOTHING : { writes: [], events: [], runtime: [{ podUid: id, record: undefined }] };
  }
  const ref = pv.spec?.claimRef;
  if (!ref || !ref.uid) return phaseTo(pv, "Available");
  const claim = view.get(`PersistentVolumeClaim/${ref.namespace}/${ref.name}`);
  if (!claim || claim.metadata.uid !== ref.uid) {
    if (phaseOf(pv) !== "Released" && phaseOf(pv) !== "Failed") return phaseTo(pv, "Released");
    return phaseOf(pv) === "Released" ? reclaimVolume(pv) : NOTHING;
  }
  const volumeName = claim.spec?.volumeName ?? "";
  if (volumeName === "") return NOTHING; // the claim's sync completes the binding
  if (volumeName === pv.metadata.name) return phaseTo(pv, "Bound");
  return unbindVolume(pv);
}

/** reclaimVolume: Retain keeps the volume Released; Delete and Recycle need a plugin. */
function reclaimVolume(pv: KubeObject): Outcome {
  const policy = pv.spec?.persistentVolumeReclaimPolicy ?? "Retain";
  if (policy === "Retain") return NOTHING;
  if (policy === "Delete" && pv.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED]) return NOTHING; // the provisioner deletes it
  const [reason, message] =
    policy === "Recycle"
      ? ["VolumeFailedRecycle", "No recycler plugin found for the volume!"]
      : ["VolumeFailedDelete", `error getting deleter volume plugin for volume "${pv.metadata.name}": no deletable volume plugin matched`];
  return { writes: [statusWrite(pv, { ...pv.status, phase: "Failed", message })], events: [note(pv, "Warning", reason, message)] };
}

/** unbindVolume: forget a claim the controller chose; keep a user's pre-binding minus the uid. */
function unbindVolume(pv: KubeObject): Outcome {
  const byController = pv.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER] !== undefined;
  const { [ANN_BOUND_BY_CONTROLLER]: _gone, ...annotations } = pv.metadata.annotations ?? {};
  const spec = { ...pv.spec };
  if (byController) delete spec.claimRef;
  else {
    const { uid: _uid, ...ref } = spec.claimRef;
    spec.claimRef = ref;
  }
  const next = { ...pv, metadata: { ...pv.metadata, annotations }, spec };
  return { writes: [{ op: "update", object: next }, statusWrite(next, { ...pv.status, phase: "Available" })], events: [] };
}

function phaseTo(pv: KubeObject, phase: string): Outcome {
  if (phaseOf(pv) === phase) return NOTHING;
  const { message: _m, ...status } = pv.status ?? {};
  return { writes: [statusWrite(pv, { ...status, phase })], events: [] };
}

function claimRefOf(claim: KubeObject): Record<string, string> {
  return {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    name: claim.metadata.name ?? "",
    namespace: claim.metadata.namespace ?? "",
    resourceVersion: claim.metadata.resourceVersion ?? "",
    uid: claim.metadata.uid ?? "",
  };
}

function note(obj: KubeObject, type: "Normal" | "Warning", reason: string, message: string): EventNote {
  return { regarding: obj, type, reason, message, source: PV_CONTROLLER };
}
