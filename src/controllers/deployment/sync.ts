// The Deployment sync steps shared by every strategy: getAllReplicaSetsAndSyncRevision,
// getNewReplicaSet, scale (proportional scaling), sync, syncDeploymentStatus, calculateStatus,
// isScalingEvent, cleanupDeployment and checkPausedConditions.
// Port of pkg/controller/deployment/sync.go (kubernetes v1.32).

import type { KubeObject } from "../../api/types";
import type { SyncContext } from "./context";
import { computeHash } from "../shared/pod-template-hash";
import { newControllerRef } from "../shared/owner-refs";
import { getCondition, setCondition } from "../shared/conditions";
import { maxSurge, maxUnavailable, newRSNewReplicas } from "./fenceposts";
import { maxRevision, setDeploymentRevision, setNewReplicaSetAnnotations } from "./revision";
import {
  DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY,
  DESIRED_REPLICAS_ANNOTATION,
  FOUND_NEW_RS_REASON,
  MAX_REPLICAS_ANNOTATION,
  MINIMUM_REPLICAS_AVAILABLE,
  MINIMUM_REPLICAS_UNAVAILABLE,
  NEW_RS_NEW_REPLICAS_REASON,
  PAUSED_DEPLOY_REASON,
  REVISION_ANNOTATION,
  RESUMED_DEPLOY_REASON,
  TIMED_OUT_REASON,
  byRevision,
  bySizeNewer,
  bySizeOlder,
  equalIgnoreHash,
  filterActiveReplicaSets,
  findActiveOrLatest,
  findNewReplicaSet,
  findOldReplicaSets,
  getActualReplicaCountForReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getReadyReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  isRollingUpdate,
  isSaturated,
  replicas,
  roundHalfAwayFromZero,
} from "./util";
import { deepCopy } from "../../api/deep-copy";

/** Upstream returns an error and the key is retried; kubesim ends the pass with what it has. */
export class SyncAborted extends Error {}

export function hasProgressDeadline(d: KubeObject): boolean {
  const p = d.spec?.progressDeadlineSeconds;
  return p !== undefined && p !== null && p !== 2147483647;
}

/** getAllReplicaSetsAndSyncRevision: [newRS (maybe created now), all old RSes]. */
export function getAllReplicaSetsAndSyncRevision(ctx: SyncContext, rsList: readonly KubeObject[], createIfNotExisted: boolean): [KubeObject | undefined, KubeObject[]] {
  const [, allOldRSs] = findOldReplicaSets(ctx.d, rsList);
  const newRS = getNewReplicaSet(ctx, rsList, allOldRSs, createIfNotExisted);
  return [newRS, allOldRSs];
}

/**
 * getNewReplicaSet: syncs the existing new RS's annotations (revision = max old + 1) and the
 * Deployment's revision; or creates `<deploy>-<hash>` sized by newRSNewReplicas.
 */
export function getNewReplicaSet(ctx: SyncContext, rsList: readonly KubeObject[], oldRSs: readonly KubeObject[], createIfNotExisted: boolean): KubeObject | undefined {
  const d = ctx.d;
  const existingNewRS = findNewReplicaSet(d, rsList);
  const newRevision = maxRevision(oldRSs) + 1;

  if (existingNewRS) {
    const [annotationsUpdated, rsCopy] = setNewReplicaSetAnnotations(d, existingNewRS, newRevision, true);
    const minReadySecondsNeedsUpdate = (rsCopy.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0);
    if (annotationsUpdated || minReadySecondsNeedsUpdate) {
      const updated = { ...rsCopy, spec: { ...rsCopy.spec, minReadySeconds: d.spec?.minReadySeconds ?? 0 } };
      if (!updated.spec.minReadySeconds) delete updated.spec.minReadySeconds;
      ctx.updateReplicaSet(updated);
      return updated;
    }
    setDeploymentRevision(d, rsCopy.metadata.annotations?.[REVISION_ANNOTATION] ?? "");
    if (hasProgressDeadline(d) && !getCondition(d.status?.conditions, "Progressing")) {
      const msg = `Found new replica set "${rsCopy.metadata.name}"`;
      setStatusCondition(ctx, ctx.condition("Progressing", "True", FOUND_NEW_RS_REASON, msg));
    }
    return rsCopy;
  }
  if (!createIfNotExisted) return undefined;

  const collisionCount: number | undefined = d.status?.collisionCount;
  const podTemplateSpecHash = computeHash(d.spec.template, collisionCount);
  const labels = { ...(d.spec.template?.metadata?.labels ?? {}), [DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY]: podTemplateSpecHash };
  const newRSTemplate = { ...deepCopy(d.spec.template), metadata: { ...(d.spec.template?.metadata ?? {}), labels } };
  const selector = deepCopy(d.spec.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY]: podTemplateSpecHash };
  const name = `${d.metadata.name}-${podTemplateSpecHash}`;
  const ns = d.metadata.namespace ?? "";
  let newRS: KubeObject = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name, namespace: ns, labels: { ...labels }, ownerReferences: [newControllerRef(ctx.original)] },
    spec: { replicas: 0, selector, template: newRSTemplate },
  };
  if (d.spec.minReadySeconds) newRS.spec.minReadySeconds = d.spec.minReadySeconds;
  const newReplicasCount = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS.spec.replicas = newReplicasCount;
  [, newRS] = setNewReplicaSetAnnotations(d, newRS, newRevision, false);

  // The name is taken: ours with the same template is the new RS; anything else is a hash
  // collision, so count it and let the next pass hash again.
  const existing = ctx.view.get(`ReplicaSet/${ns}/${name}`);
  if (existing) {
    const ref = (existing.metadata.ownerReferences ?? []).find((r) => r.controller);
    if (ref?.uid === d.metadata.uid && equalIgnoreHash(d.spec.template, existing.spec?.template)) return existing;
    d.status = { ...(d.status ?? {}), collisionCount: (collisionCount ?? 0) + 1 };
    throw new SyncAborted(`hash collision for ${name}`);
  }
  ctx.createReplicaSet(newRS);
  if (newReplicasCount > 0) ctx.event(`Scaled up replica set ${name} from 0 to ${newReplicasCount}`);
  setDeploymentRevision(d, String(newRevision));
  if (hasProgressDeadline(d)) {
    setStatusCondition(ctx, ctx.condition("Progressing", "True", NEW_RS_NEW_REPLICAS_REASON, `Created new replica set "${name}"`));
  }
  return newRS;
}

function setStatusCondition(ctx: SyncContext, cond: ReturnType<SyncContext["condition"]>): void {
  ctx.d.status = { ...(ctx.d.status ?? {}), conditions: setCondition(ctx.d.status?.conditions, cond) };
}

/**
 * scale: a single active RS (or the newest) takes all R; a saturated new RS sends the old ones
 * to 0; otherwise a rolling Deployment spreads the difference proportionally.
 * Example: R 10→15 with old=8, new=5 (max-replicas 13, surge(15)=4): allowed 19, add 6;
 * old gets round(8×19/13)−8 = 4, new gets round(5×19/13)−5 = 2.
 */
export function scale(ctx: SyncContext, newRS: KubeObject | undefined, oldRSs: readonly KubeObject[]): void {
  const d = ctx.d;
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (replicas(activeOrLatest) === replicas(d)) return;
    ctx.scaleReplicaSetAndRecordEvent(activeOrLatest, replicas(d));
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActiveReplicaSets(oldRSs)) ctx.scaleReplicaSetAndRecordEvent(old, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const allRSs = filterActiveReplicaSets([...oldRSs, newRS]);
  const allRSsReplicas = getReplicaCountForReplicaSets(allRSs);
  const allowedSize = replicas(d) > 0 ? replicas(d) + maxSurge(d) : 0;
  const deploymentReplicasToAdd = allowedSize - allRSsReplicas;
  if (deploymentReplicasToAdd > 0) allRSs.sort(bySizeNewer);
  else if (deploymentReplicasToAdd < 0) allRSs.sort(bySizeOlder);

  let deploymentReplicasAdded = 0;
  const nameToSize = new Map<string, number>();
  for (const rs of allRSs) {
    if (deploymentReplicasToAdd !== 0) {
      const proportion = getReplicaSetProportion(rs, d, deploymentReplicasToAdd, deploymentReplicasAdded);
      nameToSize.set(rs.metadata.name ?? "", replicas(rs) + proportion);
      deploymentReplicasAdded += proportion;
    } else {
      nameToSize.set(rs.metadata.name ?? "", replicas(rs));
    }
  }
  allRSs.forEach((rs, i) => {
    const name = rs.metadata.name ?? "";
    // Leftovers go to the largest replica set.
    if (i === 0 && deploymentReplicasToAdd !== 0) {
      const leftover = deploymentReplicasToAdd - deploymentReplicasAdded;
      nameToSize.set(name, Math.max(0, nameToSize.get(name)! + leftover));
    }
    ctx.scaleReplicaSet(rs, nameToSize.get(name)!);
  });
}

/** GetReplicaSetProportion: this RS's share of the replicas to add (or remove). */
export function getReplicaSetProportion(rs: KubeObject, d: KubeObject, toAdd: number, added: number): number {
  if (replicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const rsFraction = getReplicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(rsFraction, allowed) : Math.max(rsFraction, allowed);
}

function getReplicaSetFraction(rs: KubeObject, d: KubeObject): number {
  if (replicas(d) === 0) return -replicas(rs);
  const deploymentMaxReplicas = replicas(d) + maxSurge(d);
  let before = Number.parseInt(rs.metadata.annotations?.[MAX_REPLICAS_ANNOTATION] ?? "", 10);
  if (!Number.isFinite(before) || before === 0) {
    before = d.status?.replicas ?? 0;
    if (before === 0) return 0;
  }
  return roundHalfAwayFromZero((replicas(rs) * deploymentMaxReplicas) / before) - replicas(rs);
}

/** sync: the paused and scaling path — scale, clean up history when paused, update status. */
export function sync(ctx: SyncContext, rsList: readonly KubeObject[]): void {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(ctx, rsList, false);
  scale(ctx, newRS, oldRSs);
  if (ctx.d.spec?.paused) cleanupDeployment(ctx, oldRSs);
  syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS);
}

/** isScalingEvent: some active RS was sized for a different spec.replicas. */
export function isScalingEvent(ctx: SyncContext, rsList: readonly KubeObject[]): boolean {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(ctx, rsList, false);
  for (const rs of filterActiveReplicaSets([...oldRSs, newRS])) {
    const desired = Number.parseInt(rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION] ?? "", 10);
    if (!Number.isFinite(desired)) continue;
    if (desired !== replicas(ctx.d)) return true;
  }
  return false;
}

/** syncDeploymentStatus: write calculateStatus when it differs. */
export function syncDeploymentStatus(ctx: SyncContext, allRSs: readonly (KubeObject | undefined)[], newRS: KubeObject | undefined): void {
  ctx.d.status = calculateStatus(allRSs, newRS, ctx.d, ctx);
}

/** calculateStatus: the counts over all RSes and the Available condition. Zeros are omitted. */
export function calculateStatus(allRSs: readonly (KubeObject | undefined)[], newRS: KubeObject | undefined, d: KubeObject, ctx: SyncContext): Record<string, unknown> {
  const availableReplicas = getAvailableReplicaCountForReplicaSets(allRSs);
  const totalReplicas = getReplicaCountForReplicaSets(allRSs);
  const unavailableReplicas = Math.max(0, totalReplicas - availableReplicas);
  const status: Record<string, unknown> = {};
  const put = (k: string, v: number | undefined) => {
    if (v) status[k] = v;
  };
  put("observedGeneration", d.metadata.generation);
  put("replicas", getActualReplicaCountForReplicaSets(allRSs));
  put("updatedReplicas", getActualReplicaCountForReplicaSets([newRS]));
  put("readyReplicas", getReadyReplicaCountForReplicaSets(allRSs));
  put("availableReplicas", availableReplicas);
  put("unavailableReplicas", unavailableReplicas);
  let conditions = [...(d.status?.conditions ?? [])];
  if (availableReplicas >= replicas(d) - maxUnavailable(d)) {
    conditions = setCondition(conditions, ctx.condition("Available", "True", MINIMUM_REPLICAS_AVAILABLE, "Deployment has minimum availability."));
  } else {
    conditions = setCondition(conditions, ctx.condition("Available", "False", MINIMUM_REPLICAS_UNAVAILABLE, "Deployment does not have minimum availability."));
  }
  status.conditions = conditions;
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  return status;
}

/**
 * cleanupDeployment: deletes the oldest old RSes beyond revisionHistoryLimit, skipping any that
 * still have replicas, an unobserved generation, or are already being deleted.
 */
export function cleanupDeployment(ctx: SyncContext, oldRSs: readonly KubeObject[]): void {
  const limit = ctx.d.spec?.revisionHistoryLimit;
  if (limit === undefined || limit === null || limit === 2147483647) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  cleanable.sort(byRevision);
  for (const rs of cleanable.slice(0, diff)) {
    if ((rs.status?.replicas ?? 0) !== 0 || replicas(rs) !== 0) continue;
    if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    ctx.write({ op: "delete", ref: { kind: "ReplicaSet", namespace: rs.metadata.namespace ?? "", name: rs.metadata.name ?? "" } });
  }
}

/**
 * checkPausedConditions: Progressing becomes Unknown/DeploymentPaused or DeploymentResumed, so
 * a paused Deployment never times out. Never written over ProgressDeadlineExceeded.
 * Returns true when the condition changed (upstream writes it and ends the pass).
 */
export function checkPausedConditions(ctx: SyncContext): boolean {
  const d = ctx.d;
  if (!hasProgressDeadline(d)) return false;
  const cond = getCondition(d.status?.conditions, "Progressing");
  if (cond?.reason === TIMED_OUT_REASON) return false;
  const pausedCondExists = cond?.reason === PAUSED_DEPLOY_REASON;
  if (d.spec?.paused && !pausedCondExists) {
    setStatusCondition(ctx, ctx.condition("Progressing", "Unknown", PAUSED_DEPLOY_REASON, "Deployment is paused"));
    return true;
  }
  if (!d.spec?.paused && pausedCondExists) {
    setStatusCondition(ctx, ctx.condition("Progressing", "Unknown", RESUMED_DEPLOY_REASON, "Deployment is resumed"));
    return true;
  }
  return false;
}
