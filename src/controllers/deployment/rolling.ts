// The RollingUpdate strategy: rolloutRolling, reconcileNewReplicaSet, reconcileOldReplicaSets,
// cleanupUnhealthyReplicas and scaleDownOldReplicaSetsForRollingUpdate.
// Port of pkg/controller/deployment/rolling.go (kubernetes v1.32). One move per pass: a pass
// that scales up stops there; the next pass (woken by the ReplicaSet change) scales down.

import type { KubeObject } from "../../api/types";
import type { SyncContext } from "./context";
import { maxUnavailable, newRSNewReplicas } from "./fenceposts";
import { deploymentComplete, syncRolloutStatus } from "./progress";
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision } from "./sync";
import { byCreationTimestamp, filterActiveReplicaSets, getAvailableReplicaCountForReplicaSets, getReplicaCountForReplicaSets, replicas } from "./util";

export function rolloutRolling(ctx: SyncContext, rsList: readonly KubeObject[]): void {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(ctx, rsList, true);
  const allRSs = [...oldRSs, newRS];
  if (!newRS) return;

  if (reconcileNewReplicaSet(ctx, allRSs, newRS)) {
    syncRolloutStatus(ctx, allRSs, newRS);
    return;
  }
  if (reconcileOldReplicaSets(ctx, allRSs, filterActiveReplicaSets(oldRSs), newRS)) {
    syncRolloutStatus(ctx, allRSs, newRS);
    return;
  }
  if (deploymentComplete(ctx.d, ctx.d.status)) cleanupDeployment(ctx, oldRSs);
  syncRolloutStatus(ctx, allRSs, newRS);
}

/** reconcileNewReplicaSet: scale the new RS down to R if above it, else up as far as surge allows. */
export function reconcileNewReplicaSet(ctx: SyncContext, allRSs: readonly (KubeObject | undefined)[], newRS: KubeObject): boolean {
  const r = replicas(ctx.d);
  if (replicas(newRS) === r) return false;
  if (replicas(newRS) > r) return ctx.scaleReplicaSetAndRecordEvent(newRS, r)[0];
  return ctx.scaleReplicaSetAndRecordEvent(newRS, newRSNewReplicas(ctx.d, allRSs, newRS))[0];
}

/**
 * reconcileOldReplicaSets: how far old RSes may shrink without dropping below R − maxUnavailable.
 * Example: R=10, maxUnavailable 2 (minAvailable 8), maxSurge 3; old RS 10, new RS 3 (none
 * available yet): allPods 13, newRSUnavailable 3, maxScaledDown = 13 − 8 − 3 = 2, so the old RS
 * may lose 2 — its unhealthy pods first, then available ones while more than 8 are available.
 */
export function reconcileOldReplicaSets(ctx: SyncContext, allRSs: readonly (KubeObject | undefined)[], oldRSs: KubeObject[], newRS: KubeObject): boolean {
  const oldPodsCount = getReplicaCountForReplicaSets(oldRSs);
  if (oldPodsCount === 0) return false;
  const allPodsCount = getReplicaCountForReplicaSets(allRSs);
  const minAvailable = replicas(ctx.d) - maxUnavailable(ctx.d);
  const newRSUnavailablePodCount = replicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPodsCount - minAvailable - newRSUnavailablePodCount;
  if (maxScaledDown <= 0) return false;

  const [cleaned, cleanupCount] = cleanupUnhealthyReplicas(ctx, oldRSs, maxScaledDown);
  const scaledDownCount = scaleDownOldReplicaSetsForRollingUpdate(ctx, [...cleaned, newRS], cleaned);
  return cleanupCount + scaledDownCount > 0;
}

/**
 * cleanupUnhealthyReplicas: oldest first, drop old RSes' unavailable replicas (they cost no
 * availability), at most maxCleanupCount in all. Returns the updated old RSes and the count.
 */
export function cleanupUnhealthyReplicas(ctx: SyncContext, oldRSs: readonly KubeObject[], maxCleanupCount: number): [KubeObject[], number] {
  const sorted = [...oldRSs].sort(byCreationTimestamp);
  let totalScaledDown = 0;
  for (let i = 0; i < sorted.length; i++) {
    const targetRS = sorted[i];
    if (totalScaledDown >= maxCleanupCount) break;
    if (replicas(targetRS) === 0) continue;
    const available = targetRS.status?.availableReplicas ?? 0;
    if (replicas(targetRS) === available) continue;
    const scaledDownCount = Math.min(maxCleanupCount - totalScaledDown, replicas(targetRS) - available);
    const [, updated] = ctx.scaleReplicaSetAndRecordEvent(targetRS, replicas(targetRS) - scaledDownCount);
    totalScaledDown += scaledDownCount;
    sorted[i] = updated;
  }
  return [sorted, totalScaledDown];
}

/** scaleDownOldReplicaSetsForRollingUpdate: oldest first, down to minAvailable available pods. */
export function scaleDownOldReplicaSetsForRollingUpdate(ctx: SyncContext, allRSs: readonly (KubeObject | undefined)[], oldRSs: readonly KubeObject[]): number {
  const minAvailable = replicas(ctx.d) - maxUnavailable(ctx.d);
  const availablePodCount = getAvailableReplicaCountForReplicaSets(allRSs);
  if (availablePodCount <= minAvailable) return 0;
  const totalScaleDownCount = availablePodCount - minAvailable;
  let totalScaledDown = 0;
  for (const targetRS of [...oldRSs].sort(byCreationTimestamp)) {
    if (totalScaledDown >= totalScaleDownCount) break;
    if (replicas(targetRS) === 0) continue;
    const scaleDownCount = Math.min(replicas(targetRS), totalScaleDownCount - totalScaledDown);
    ctx.scaleReplicaSetAndRecordEvent(targetRS, replicas(targetRS) - scaleDownCount);
    totalScaledDown += scaleDownCount;
  }
  return totalScaledDown;
}
