// The external provisioner kind ships (rancher's local-path-provisioner, driven by
// sig-storage-lib-external-provisioner's controller.go): it provisions claims the PV
// controller has handed to it (volume.kubernetes.io/storage-provisioner) once their node is
// chosen, creating PV pvc-<claim uid> as a hostPath directory on that node with node affinity
// to it; and it deletes the Released volumes it made whose reclaim policy is Delete.

import type { KubeObject, ObjectKey } from "../../api/types";
import { keyOf, refOf } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import type { Controller, EventNote, Outcome, RuntimeWrite } from "../types";
import { NOTHING, self } from "../types";
import type { Instant } from "../../sim/time";
import { duration } from "../../sim/time";
import { ANN_DYNAMICALLY_PROVISIONED, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, PV_PROTECTION_FINALIZER } from "./annotations";
import { classOf, storageClassNamed } from "./claims";

export const LOCAL_PATH_PROVISIONER = "rancher.io/local-path";
/** The provisioner's identity, the source of its events (upstream: <name>_<pod>_<uuid>). */
export const PROVISIONER_IDENTITY = "rancher.io/local-path_local-path-provisioner";
/** How long creating the directory on the node takes (local-path runs a helper pod). */
export const PROVISIONING_MS = 1000;
const LOCAL_PATH_ROOT = "/var/local-path-provisioner";

interface InFlight {
  readonly uid: string;
  readonly startedAt: number;
}

const inFlightId = (key: ObjectKey): string => `${LOCAL_PATH_PROVISIONER}:${key}`;

export const localPathProvisioner = {
  name: PROVISIONER_IDENTITY,
  primary: "PersistentVolumeClaim",
  wakeOn: [
    self("PersistentVolumeClaim"),
    self("PersistentVolume"),
    { kind: "StorageClass", keysFor: (_sc: KubeObject, view: ClusterView) => view.list("PersistentVolumeClaim").filter((c) => !c.spec?.volumeName).map((c) => keyOf(refOf(c))) },
  ],
  reconcile(view, key, now) {
    return key.startsWith("PersistentVolume/") ? deleteReleased(view, key) : provision(view, key, now);
  },
} satisfies Controller;

/** shouldProvision, then a Provisioning event, then (after PROVISIONING_MS) the PV. */
function provision(view: ClusterView, key: ObjectKey, now: Instant): Outcome {
  const claim = view.get(key);
  const last = view.runtime(inFlightId(key)) as InFlight | undefined;
  const forget: RuntimeWrite[] = last ? [{ podUid: inFlightId(key), record: undefined }] : [];
  const sc = claim ? (storageClassNamed(view, classOf(claim)) as any) : undefined;
  const wanted =
    claim &&
    sc &&
    !claim.metadata.deletionTimestamp &&
    !claim.spec?.volumeName &&
    sc.provisioner === LOCAL_PATH_PROVISIONER &&
    claim.metadata.annotations?.[ANN_STORAGE_PROVISIONER] === LOCAL_PATH_PROVISIONER &&
    (sc.volumeBindingMode !== "WaitForFirstConsumer" || claim.metadata.annotations?.[ANN_SELECTED_NODE]);
  const pvName = `pvc-${claim?.metadata.uid}`;
  if (!wanted || view.get(`PersistentVolume//${pvName}`)) return forget.length ? { writes: [], events: [], runtime: forget } : NOTHING;
  if (!last || last.uid !== claim.metadata.uid) {
    const started: InFlight = { uid: claim.metadata.uid ?? "", startedAt: now };
    const message = `External provisioner is provisioning volume for claim "${claim.metadata.namespace}/${claim.metadata.name}"`;
    return { writes: [], events: [note(claim, "Provisioning", message)], runtime: [{ podUid: inFlightId(key), record: started }], requeueAfter: duration(PROVISIONING_MS) };
  }
  const doneAt = last.startedAt + PROVISIONING_MS;
  if (now < doneAt) return { writes: [], events: [], requeueAfter: duration(doneAt - now) };
  return {
    writes: [{ op: "create", object: provisionedVolume(claim, sc, pvName) }],
    events: [note(claim, "ProvisioningSucceeded", `Successfully provisioned volume ${pvName}`)],
    runtime: forget,
  };
}

/** local-path's Provision: a hostPath directory named after the volume and claim, on the node. */
export function provisionedVolume(claim: KubeObject, sc: any, pvName: string): KubeObject {
  const node: string | undefined = claim.metadata.annotations?.[ANN_SELECTED_NODE];
  const ns = claim.metadata.namespace ?? "";
  const name = claim.metadata.name ?? "";
  return {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: {
      name: pvName,
      annotations: { ...(node && { "local.path.provisioner/selected-node": node }), [ANN_DYNAMICALLY_PROVISIONED]: LOCAL_PATH_PROVISIONER },
      finalizers: [PV_PROTECTION_FINALIZER],
    },
    spec: {
      accessModes: claim.spec?.accessModes,
      capacity: { storage: claim.spec?.resources?.requests?.storage },
      claimRef: { apiVersion: "v1", kind: "PersistentVolumeClaim", name, namespace: ns, resourceVersion: claim.metadata.resourceVersion, uid: claim.metadata.uid },
      hostPath: { path: `${LOCAL_PATH_ROOT}/${pvName}_${ns}_${name}`, type: "DirectoryOrCreate" },
      ...(node && {
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: [node] }] }] } },
      }),
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? "Delete",
      storageClassName: sc.metadata.name,
      volumeMode: claim.spec?.volumeMode ?? "Filesystem",
    },
  };
}

/** shouldDelete: a Released volume this provisioner made, with the Delete policy. */
function deleteReleased(view: ClusterView, key: ObjectKey): Outcome {
  const pv = view.get(key);
  if (!pv || pv.metadata.deletionTimestamp) return NOTHING;
  if (pv.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED] !== LOCAL_PATH_PROVISIONER) return NOTHING;
  if (pv.status?.phase !== "Released" || pv.spec?.persistentVolumeReclaimPolicy !== "Delete") return NOTHING;
  return { writes: [{ op: "delete", ref: refOf(pv), uid: pv.metadata.uid }], events: [] };
}

function note(claim: KubeObject, reason: string, message: string): EventNote {
  return { regarding: claim, type: "Normal", reason, message, source: PROVISIONER_IDENTITY };
}
