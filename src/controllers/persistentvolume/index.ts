// The PV controller (pkg/controller/volume/persistentvolume): one loop over claims and
// volumes. A key names either a PersistentVolumeClaim (syncClaim) or a PersistentVolume
// (syncVolume); each wakes the other through claimRef and volumeName, and pods and classes
// wake the claims that wait for them.

import type { KubeObject, ObjectKey } from "../../api/types";
import { keyOf, refOf } from "../../api/types";
import type { Controller, Trigger } from "../types";
import { self } from "../types";
import { PV_CONTROLLER } from "./annotations";
import { claimNamesOf } from "./claims";
import { syncClaim, syncVolume } from "./binder";
import { specOrPhaseChanged } from "../shared/change-predicates";

export { pvcProtectionController, pvProtectionController } from "./protection";
export { localPathProvisioner } from "./provisioner";

const claimKey = (ns: string, name: string): ObjectKey => `PersistentVolumeClaim/${ns}/${name}`;

/** A volume change wakes the volume and the claim it names (and the claim naming it). */
const volumeTrigger: Trigger = {
  kind: "PersistentVolume",
  keysFor(pv) {
    const keys = [keyOf(refOf(pv))];
    const ref = pv.spec?.claimRef;
    if (ref?.name) keys.push(claimKey(ref.namespace ?? "", ref.name));
    return keys;
  },
};

/** A claim change wakes the claim and its volume (a deleted claim releases the volume). */
const claimTrigger: Trigger = {
  kind: "PersistentVolumeClaim",
  keysFor(claim, view) {
    const keys = [keyOf(refOf(claim))];
    if (claim.spec?.volumeName) keys.push(`PersistentVolume//${claim.spec.volumeName}`);
    // Volumes pre-bound to this claim (a provisioned one, before the claim names it).
    for (const pv of view.list("PersistentVolume")) {
      const ref = pv.spec?.claimRef;
      if (ref?.name === claim.metadata.name && ref?.namespace === claim.metadata.namespace) keys.push(keyOf(refOf(pv)));
    }
    return keys;
  },
};

/** A pod using a claim changes WaitForFirstConsumer into WaitForPodScheduled. */
const podTrigger: Trigger = {
  kind: "Pod",
  concerns: specOrPhaseChanged,
  keysFor: (pod: KubeObject) => claimNamesOf(pod).map((n) => claimKey(pod.metadata.namespace ?? "", n)),
};

/** A class that appears or changes may let pending claims of that class go on. */
const classTrigger: Trigger = {
  kind: "StorageClass",
  keysFor: (sc, view) =>
    view
      .list("PersistentVolumeClaim")
      .filter((c) => !c.spec?.volumeName && (c.spec?.storageClassName ?? "") === sc.metadata.name)
      .map((c) => keyOf(refOf(c))),
};

export const persistentVolumeController = {
  name: PV_CONTROLLER,
  primary: "PersistentVolumeClaim",
  wakeOn: [self("PersistentVolumeClaim"), claimTrigger, volumeTrigger, podTrigger, classTrigger],
  reconcile(view, key) {
    return key.startsWith("PersistentVolume/") ? syncVolume(view, key) : syncClaim(view, key);
  },
} satisfies Controller;
