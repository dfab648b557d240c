// The annotations, finalizers and event texts the PV controller, the external provisioner and
// the scheduler's VolumeBinding plugin share. Names and texts as in
// pkg/controller/volume/persistentvolume/util (storagehelpers) and pkg/controller/volume/events.

/** On a PVC: the binding is complete (set once, never removed). */
export const ANN_BIND_COMPLETED = "pv.kubernetes.io/bind-completed";
/** On a PV or PVC: the controller, not the user, set claimRef / volumeName. */
export const ANN_BOUND_BY_CONTROLLER = "pv.kubernetes.io/bound-by-controller";
/** On a PV: the provisioner that created it. */
export const ANN_DYNAMICALLY_PROVISIONED = "pv.kubernetes.io/provisioned-by";
/** On a PVC: the provisioner expected to provision it (GA and beta spellings, both set). */
export const ANN_STORAGE_PROVISIONER = "volume.kubernetes.io/storage-provisioner";
export const ANN_BETA_STORAGE_PROVISIONER = "volume.beta.kubernetes.io/storage-provisioner";
/** On a PVC: the node the scheduler chose for a WaitForFirstConsumer claim. */
export const ANN_SELECTED_NODE = "volume.kubernetes.io/selected-node";
/** The legacy way of naming a class (still honoured before spec.storageClassName). */
export const ANN_BETA_STORAGE_CLASS = "volume.beta.kubernetes.io/storage-class";
export const ANN_DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";
export const ANN_BETA_DEFAULT_CLASS = "storageclass.beta.kubernetes.io/is-default-class";

export const PVC_PROTECTION_FINALIZER = "kubernetes.io/pvc-protection";
export const PV_PROTECTION_FINALIZER = "kubernetes.io/pv-protection";

/** The PV controller's event source (component). */
export const PV_CONTROLLER = "persistentvolume-controller";

export const WAIT_FOR_FIRST_CONSUMER_MESSAGE = "waiting for first consumer to be created before binding";
export const NO_VOLUME_NO_CLASS_MESSAGE = "no persistent volumes available for this claim and no storage class is set";

/** pv_controller.go provisionClaimOperationExternal's event text. */
export function externalProvisioningMessage(provisioner: string): string {
  return (
    `Waiting for a volume to be created either by the external provisioner '${provisioner}' ` +
    "or manually by the system administrator. If volume creation is delayed, please verify that " +
    "the provisioner is running and correctly registered."
  );
}
