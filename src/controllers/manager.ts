// The controller manager's table: every controller in the order the engine runs them, and
// which controllers a change of each kind can wake (the engine maps a store change of kind K
// to dirty keys through triggersByKind().get(K)).

import type { Controller, Trigger } from "./types";
import { deploymentController } from "./deployment";
import { replicaSetController } from "./replicaset";
import { replicationControllerController } from "./replicationcontroller";
import { statefulSetController } from "./statefulset";
import { cronJobController } from "./cronjob";
import { jobController, jobOrphanPodController } from "./job";
import { ttlAfterFinishedController } from "./ttl-after-finished";
import { garbageCollector } from "./garbage-collector";
import { namespaceController } from "./namespace";
import { serviceAccountController } from "./serviceaccount";
import { localPathProvisioner, persistentVolumeController, pvProtectionController, pvcProtectionController } from "./persistentvolume";
import { nodeLifecycleController, taintEvictionController } from "./node-lifecycle";
import { podGarbageCollector } from "./pod-gc";
import { endpointsController, kubernetesEndpointsReconciler } from "./endpoints";
import { endpointSliceController } from "./endpointslice";

/**
 * In run order: owners before what they own (a Deployment's ReplicaSet exists before the
 * ReplicaSet controller makes its pods), then the garbage collector, then the namespace-level
 * controllers.
 */
export const CONTROLLERS: readonly Controller[] = [
  deploymentController,
  replicaSetController,
  replicationControllerController,
  statefulSetController,
  cronJobController,
  jobController,
  jobOrphanPodController,
  garbageCollector,
  namespaceController,
  serviceAccountController,
  nodeLifecycleController,
  taintEvictionController,
  podGarbageCollector,
  persistentVolumeController,
  pvcProtectionController,
  pvProtectionController,
  localPathProvisioner,
  endpointsController,
  endpointSliceController,
  kubernetesEndpointsReconciler,
  ttlAfterFinishedController,
];

/** The workload controllers and the garbage collector (what controller scenario tests run). */
export const WORKLOAD_CONTROLLERS: readonly Controller[] = CONTROLLERS.slice(0, 8);

export interface WakeRule {
  readonly controller: Controller;
  readonly trigger: Trigger;
}

/**
 * The triggers of every controller, grouped by the kind whose changes fire them, each group
 * in controller order.
 * @example triggersByKind().get("Pod")  // [{ controller: replicaset-controller, trigger }, …]
 */
export function triggersByKind(controllers: readonly Controller[] = CONTROLLERS): Map<string, WakeRule[]> {
  const byKind = new Map<string, WakeRule[]>();
  for (const controller of controllers) {
    for (const trigger of controller.wakeOn) {
      const rules = byKind.get(trigger.kind) ?? [];
      rules.push({ controller, trigger });
      byKind.set(trigger.kind, rules);
    }
  }
  return byKind;
}
