// The Recreate strategy: rolloutRecreate, scaleDownOldReplicaSetsForRecreate, oldPodsRunning and
// scaleUpNewReplicaSetForRecreate. Port of pkg/controller/deployment/recreate.go (kubernetes
// v1.32): every old pod is gone before the new ReplicaSet is even created.

import type { KubeObject } from "../../api/types";
import type { SyncContext } from "./context";
import { deploymentComplete, syncRolloutStatus } from "./progress";
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision } from "./sync";
import { filterActiveReplicaSets, getActualReplicaCountForReplicaSets, replicas } from "./util";

/** Pods by the uid of the ReplicaSet that controls them. */
export type PodMap = ReadonlyMap<string, readonly KubeObject[]>;

export function rolloutRecreate(ctx: SyncContext, rsList: readonly KubeObject[], podMap: PodMap): void {
  // Don't create a new RS yet, so that nothing scales up before the old pods are gone.
  let [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(ctx, rsList, false);
  let allRSs = [...oldRSs, newRS];
  const activeOldRSs = filterActiveReplicaSets(oldRSs);

  if (scaleDownOldReplicaSetsForRecreate(ctx, activeOldRSs)) {
    syncRolloutStatus(ctx, allRSs, newRS);
    return;
  }
  if (oldPodsRunning(newRS, oldRSs, podMap)) {
    syncRolloutStatus(ctx, allRSs, newRS);
    return;
  }
  if (!newRS) {
    [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(ctx, rsList, true);
    allRSs = [...oldRSs, newRS];
  }
  if (newRS) scaleUpNewReplicaSetForRecreate(ctx, newRS);
  if (deploymentComplete(ctx.d, ctx.d.status)) cleanupDeployment(ctx, oldRSs);
  syncRolloutStatus(ctx, allRSs, newRS);
}

export function scaleDownOldReplicaSetsForRecreate(ctx: SyncContext, oldRSs: readonly KubeObject[]): boolean {
  let scaled = false;
  for (const rs of oldRSs) {
    if (replicas(rs) === 0) continue;
    if (ctx.scaleReplicaSetAndRecordEvent(rs, 0)[0]) scaled = true;
  }
  return scaled;
}

/** oldPodsRunning: an old RS still reports pods, or an old pod exists that is not terminal. */
export function oldPodsRunning(newRS: KubeObject | undefined, oldRSs: readonly KubeObject[], podMap: PodMap): boolean {
  if (getActualReplicaCountForReplicaSets(oldRSs) > 0) return true;
  for (const [rsUid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === rsUid) continue;
    for (const pod of pods) {
      const phase = pod.status?.phase;
      if (phase === "Failed" || phase === "Succeeded") continue;
      return true;
    }
  }
  return false;
}

export function scaleUpNewReplicaSetForRecreate(ctx: SyncContext, newRS: KubeObject): boolean {
  return ctx.scaleReplicaSetAndRecordEvent(newRS, replicas(ctx.d))[0];
}
