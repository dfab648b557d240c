// Rollout progress: syncRolloutStatus and requeueStuckDeployment from
// pkg/controller/deployment/progress.go, with DeploymentComplete, DeploymentProgressing and
// DeploymentTimedOut from deployment/util/deployment_util.go (kubernetes v1.32).

import type { Condition, KubeObject } from "../../api/types";
import { parseInstant, duration } from "../../sim/time";
import type { SyncContext } from "./context";
import { getCondition, removeCondition, setCondition } from "../shared/conditions";
import { sameJSON } from "../shared/canonical";
import { calculateStatus, hasProgressDeadline } from "./sync";
import { NEW_RS_AVAILABLE_REASON, REPLICA_SET_UPDATED_REASON, TIMED_OUT_REASON, replicas } from "./util";

type Status = Record<string, any>;

/** DeploymentComplete: every replica updated, no old ones left, all available, spec observed. */
export function deploymentComplete(d: KubeObject, s: Status | undefined): boolean {
  const r = replicas(d);
  return (s?.updatedReplicas ?? 0) === r && (s?.replicas ?? 0) === r && (s?.availableReplicas ?? 0) === r && (s?.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available than before. */
export function deploymentProgressing(d: KubeObject, s: Status): boolean {
  const old: Status = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** DeploymentTimedOut: no progress recorded for progressDeadlineSeconds (strictly after). */
export function deploymentTimedOut(ctx: SyncContext, d: KubeObject, s: Status): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(s.conditions, "Progressing");
  if (!c) return false;
  if (c.reason === NEW_RS_AVAILABLE_REASON) return false;
  if (c.reason === TIMED_OUT_REASON) return true;
  const from = parseInstant(c.lastUpdateTime ?? "") ?? 0;
  return from + d.spec.progressDeadlineSeconds * 1000 < ctx.now;
}

/** syncRolloutStatus: counts, Available, and the Progressing condition of a rollout. */
export function syncRolloutStatus(ctx: SyncContext, allRSs: readonly (KubeObject | undefined)[], newRS: KubeObject | undefined): void {
  const d = ctx.d;
  const newStatus: Status = calculateStatus(allRSs, newRS, d, ctx);
  if (!hasProgressDeadline(d)) newStatus.conditions = removeCondition(newStatus.conditions, "Progressing");

  const currentCond = getCondition(d.status?.conditions, "Progressing");
  const isCompleteDeployment = (newStatus.replicas ?? 0) === (newStatus.updatedReplicas ?? 0) && currentCond?.reason === NEW_RS_AVAILABLE_REASON;
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (deploymentComplete(d, newStatus)) {
      const c = ctx.condition("Progressing", "True", NEW_RS_AVAILABLE_REASON, `${subject} has successfully progressed.`);
      newStatus.conditions = setCondition(newStatus.conditions, c);
    } else if (deploymentProgressing(d, newStatus)) {
      // Progress refreshes lastUpdateTime even with an unchanged reason, which
      // SetDeploymentCondition alone would not do; lastTransitionTime stays while True.
      const c: Condition = ctx.condition("Progressing", "True", REPLICA_SET_UPDATED_REASON, `${subject} is progressing.`);
      if (currentCond) {
        if (currentCond.status === "True") c.lastTransitionTime = currentCond.lastTransitionTime;
        newStatus.conditions = removeCondition(newStatus.conditions, "Progressing");
      }
      newStatus.conditions = setCondition(newStatus.conditions, c);
    } else if (deploymentTimedOut(ctx, d, newStatus)) {
      const c = ctx.condition("Progressing", "False", TIMED_OUT_REASON, `${subject} has timed out progressing.`);
      newStatus.conditions = setCondition(newStatus.conditions, c);
    }
  }

  const failure = getReplicaFailures(allRSs, newRS);
  newStatus.conditions = failure ? setCondition(newStatus.conditions, failure) : removeCondition(newStatus.conditions, "ReplicaFailure");

  if (sameJSON(d.status ?? {}, newStatus)) {
    requeueStuckDeployment(ctx, newStatus);
    return;
  }
  d.status = newStatus;
}

/** getReplicaFailures: the new RS's ReplicaFailure condition, else any old RS's. */
function getReplicaFailures(allRSs: readonly (KubeObject | undefined)[], newRS: KubeObject | undefined): Condition | undefined {
  const failureOf = (rs: KubeObject | undefined): Condition | undefined => {
    const c = getCondition(rs?.status?.conditions, "ReplicaFailure");
    return c ? { type: "ReplicaFailure", status: c.status, reason: c.reason, message: c.message, lastTransitionTime: c.lastTransitionTime, lastUpdateTime: c.lastTransitionTime } : undefined;
  };
  const fromNew = failureOf(newRS);
  if (fromNew) return fromNew;
  for (const rs of allRSs) {
    if (!rs || rs === newRS) continue;
    const c = failureOf(rs);
    if (c) return c;
  }
  return undefined;
}

/**
 * requeueStuckDeployment: with no sign of progress, come back when the deadline passes.
 * Example: Progressing updated at 00:00:00, deadline 600s, now 00:03:00 → after 7m (+1s).
 */
export function requeueStuckDeployment(ctx: SyncContext, newStatus: Status): void {
  const d = ctx.d;
  const currentCond = getCondition(d.status?.conditions, "Progressing");
  if (!hasProgressDeadline(d) || !currentCond) return;
  if (deploymentComplete(d, newStatus) || currentCond.reason === TIMED_OUT_REASON) return;
  const lastUpdate = parseInstant(currentCond.lastUpdateTime ?? "") ?? 0;
  const after = lastUpdate + d.spec.progressDeadlineSeconds * 1000 - ctx.now;
  ctx.requeueAfter = duration(Math.max(after, 0) + 1000);
}
