// The StatefulSet control loop for one set: revisions, then replicas in ordinal order, then the
// condemned (scaled-away) pods highest first, then the rolling update, then status.
// Port of pkg/controller/statefulset/stateful_set_control.go (kubernetes v1.32):
// UpdateStatefulSet → performUpdate → getStatefulSetRevisions → updateStatefulSet
// (processReplica, processCondemned, the RollingUpdate loop) → updateStatefulSetStatus
// (completeRollingUpdate, inconsistentStatus) → truncateHistory. The MaxUnavailableStatefulSet
// gate is off in 1.32 (alpha), so rolling updates go one pod at a time.

import type { KubeObject } from "../../api/types";
import type { Instant } from "../../sim/time";
import type { PodControl } from "./pod-control";
import {
  claimsMatchRetentionPolicy,
  createMissingPersistentVolumeClaims,
  createStatefulPod,
  deleteStatefulPod,
  updatePodClaimForRetentionPolicy,
  updateStatefulPod,
} from "./pod-control";
import {
  allowsBurst,
  getEndOrdinal,
  getOrdinal,
  getPodRevision,
  getStartOrdinal,
  identityMatches,
  isCreated,
  isFailed,
  isPending,
  isRunningAndAvailable,
  isRunningAndReady,
  isSucceeded,
  isTerminating,
  isUnavailable,
  newVersionedStatefulSetPod,
  podInOrdinalRange,
  replicasOf,
  storageMatches,
} from "./identity";
import { applyRevision, getStatefulSetRevisions, sortControllerRevisions, truncateHistory } from "./revision";

export interface StatefulSetStatus {
  observedGeneration?: number;
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
  currentRevision: string;
  updateRevision: string;
  collisionCount: number;
}

interface Ctx extends PodControl {
  readonly now: Instant;
}

/** UpdateStatefulSet: every write of one pass lands in c.writes; returns the status to record. */
export function updateStatefulSetControl(c: Ctx, set: KubeObject, pods: readonly KubeObject[], revisionList: readonly KubeObject[]): StatefulSetStatus {
  const revisions = sortControllerRevisions(revisionList);
  const existing = (name: string) => c.view.get(`ControllerRevision/${set.metadata.namespace ?? ""}/${name}`);
  const { current, update, collisionCount, writes } = getStatefulSetRevisions(set, revisions, existing);
  c.writes.push(...writes);
  const status = updateStatefulSet(c, set, current, update, collisionCount, pods);
  updateStatefulSetStatus(c, set, status);
  c.writes.push(...truncateHistory(set, pods, revisions, current, update));
  return status;
}

/** computeReplicaStatus over pod lists (upstream's updateStatus). */
function updateStatus(status: StatefulSetStatus, set: KubeObject, now: Instant, current: KubeObject, update: KubeObject, ...lists: (readonly KubeObject[])[]): void {
  const minReadySeconds: number = set.spec?.minReadySeconds ?? 0;
  Object.assign(status, { replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0, updatedReplicas: 0 });
  for (const pod of lists.flat()) {
    if (isCreated(pod)) status.replicas++;
    if (isRunningAndReady(pod)) {
      status.readyReplicas++;
      if (isRunningAndAvailable(pod, minReadySeconds, now)) status.availableReplicas++;
    }
    if (isCreated(pod) && !isTerminating(pod)) {
      const revision = getPodRevision(pod);
      if (revision === current.metadata.name) status.currentReplicas++;
      if (revision === update.metadata.name) status.updatedReplicas++;
    }
  }
}

function updateStatefulSet(c: Ctx, set: KubeObject, current: KubeObject, update: KubeObject, collisionCount: number, pods: readonly KubeObject[]): StatefulSetStatus {
  const currentSet = applyRevision(set, current);
  const updateSet = applyRevision(set, update);
  const minReadySeconds: number = set.spec?.minReadySeconds ?? 0;
  const status: StatefulSetStatus = {
    observedGeneration: set.metadata.generation,
    replicas: 0,
    readyReplicas: 0,
    availableReplicas: 0,
    currentReplicas: 0,
    updatedReplicas: 0,
    currentRevision: current.metadata.name ?? "",
    updateRevision: update.metadata.name ?? "",
    collisionCount,
  };
  updateStatus(status, set, c.now, current, update, pods);

  // Partition into replicas (by ordinal) and condemned pods; names that do not parse are ignored.
  const start = getStartOrdinal(set);
  const replicas: KubeObject[] = new Array(Math.max(0, replicasOf(set)));
  const condemned: KubeObject[] = [];
  for (const pod of pods) {
    if (podInOrdinalRange(pod, set)) replicas[getOrdinal(pod) - start] = pod;
    else if (getOrdinal(pod) >= 0) condemned.push(pod);
  }
  for (let ord = start; ord <= getEndOrdinal(set); ord++) {
    replicas[ord - start] ??= newVersionedStatefulSetPod(currentSet, updateSet, current.metadata.name ?? "", update.metadata.name ?? "", ord);
  }
  condemned.sort((a, b) => getOrdinal(b) - getOrdinal(a));

  // The first unhealthy pod: among the replicas in order, else the lowest condemned one.
  let firstUnavailablePod: KubeObject | undefined = replicas.find((p) => isUnavailable(p, minReadySeconds, c.now));
  for (let i = condemned.length - 1; i >= 0 && !firstUnavailablePod; i--) {
    if (isUnavailable(condemned[i], minReadySeconds, c.now)) firstUnavailablePod = condemned[i];
  }

  if (set.metadata.deletionTimestamp) return status;
  const monotonic = !allowsBurst(set);
  const finish = () => {
    updateStatus(status, set, c.now, current, update, replicas, condemned);
    return status;
  };

  if (runForAll(replicas.length, (i) => processReplica(c, set, updateSet, monotonic, replicas[i]), monotonic)) return finish();

  const fixPodClaim = (i: number) => {
    if (!claimsMatchRetentionPolicy(c, updateSet, condemned[i])) updatePodClaimForRetentionPolicy(c, updateSet, condemned[i]);
    return false;
  };
  if (runForAll(condemned.length, fixPodClaim, monotonic)) return finish();

  const processCondemned = (i: number): boolean => {
    const pod = condemned[i];
    if (isTerminating(pod)) return monotonic;
    if (monotonic && pod !== firstUnavailablePod && (!isRunningAndReady(pod) || !isRunningAndAvailable(pod, minReadySeconds, c.now))) return true;
    deleteStatefulPod(c, set, pod);
    return true;
  };
  if (runForAll(condemned.length, processCondemned, monotonic)) return finish();

  finish();
  if (set.spec?.updateStrategy?.type === "OnDelete") return status;

  // RollingUpdate: delete the highest-ordinal pod not at the update revision, or wait for the
  // highest updated one that is not yet available.
  const updateMin: number = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (let target = replicas.length - 1; target >= updateMin; target--) {
    const pod = replicas[target];
    if (getPodRevision(pod) !== update.metadata.name && !isTerminating(pod)) {
      // A pod built this pass (not yet created) is already at its revision: nothing to delete.
      if (isCreated(pod)) deleteStatefulPod(c, set, pod);
      status.currentReplicas--;
      return status;
    }
    if (isUnavailable(pod, minReadySeconds, c.now)) return status;
  }
  return status;
}

/**
 * processReplica: one replica slot. True means "stop this pass" (monotonic mode) — a pod was
 * created, deleted, or is not yet Running, Ready and available.
 */
function processReplica(c: Ctx, set: KubeObject, updateSet: KubeObject, monotonic: boolean, pod: KubeObject): boolean {
  // Failed and Succeeded pods are deleted; the replacement comes once the old one is gone.
  if (isFailed(pod) || isSucceeded(pod)) {
    if (!isTerminating(pod)) deleteStatefulPod(c, set, pod);
    return true;
  }
  if (!isCreated(pod)) {
    if (!createStatefulPod(c, set, pod)) return true;
    if (monotonic) return true;
    return false;
  }
  if (isPending(pod) && !createMissingPersistentVolumeClaims(c, set, pod)) return true;
  const minReadySeconds: number = set.spec?.minReadySeconds ?? 0;
  if (monotonic && (isTerminating(pod) || !isRunningAndReady(pod) || !isRunningAndAvailable(pod, minReadySeconds, c.now))) return true;
  if (identityMatches(set, pod) && storageMatches(set, pod) && claimsMatchRetentionPolicy(c, updateSet, pod)) return false;
  updateStatefulPod(c, updateSet, pod);
  return false;
}

/** runForAll: monotonic stops at the first "stop"; burst runs every index (true if any stopped with an error — never here). */
function runForAll(count: number, fn: (i: number) => boolean, monotonic: boolean): boolean {
  for (let i = 0; i < count; i++) {
    if (fn(i) && monotonic) return true;
  }
  return false;
}

/** completeRollingUpdate, then a write only when the status is inconsistent with the set's. */
function updateStatefulSetStatus(c: Ctx, set: KubeObject, status: StatefulSetStatus): void {
  const replicas = replicasOf(set);
  if ((set.spec?.updateStrategy?.type ?? "RollingUpdate") === "RollingUpdate" && status.updatedReplicas === replicas && status.readyReplicas === replicas && status.replicas === replicas) {
    status.currentReplicas = status.updatedReplicas;
    status.currentRevision = status.updateRevision;
  }
  const old = set.status ?? {};
  const inconsistent =
    (status.observedGeneration ?? 0) > (old.observedGeneration ?? 0) ||
    status.replicas !== (old.replicas ?? 0) ||
    status.currentReplicas !== (old.currentReplicas ?? 0) ||
    status.readyReplicas !== (old.readyReplicas ?? 0) ||
    status.updatedReplicas !== (old.updatedReplicas ?? 0) ||
    status.currentRevision !== (old.currentRevision ?? "") ||
    status.availableReplicas !== (old.availableReplicas ?? 0) ||
    status.updateRevision !== (old.updateRevision ?? "");
  if (inconsistent) c.writes.push({ op: "updateStatus", object: { ...set, status: toWire(status) } });
}

/** StatefulSetStatus as JSON: Go's omitempty drops zero counts and empty strings (replicas and availableReplicas stay). */
function toWire(s: StatefulSetStatus): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  out.replicas = s.replicas;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.currentReplicas) out.currentReplicas = s.currentReplicas;
  if (s.updatedReplicas) out.updatedReplicas = s.updatedReplicas;
  if (s.currentRevision) out.currentRevision = s.currentRevision;
  if (s.updateRevision) out.updateRevision = s.updateRevision;
  out.collisionCount = s.collisionCount;
  out.availableReplicas = s.availableReplicas;
  return out;
}
