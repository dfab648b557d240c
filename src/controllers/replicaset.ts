// The ReplicaSet controller: keeps spec.replicas active pods matching the selector.
// Port of pkg/controller/replicaset/replica_set.go and replica_set_utils.go (kubernetes v1.32):
// syncReplicaSet → claimPods → manageReplicas → calculateStatus. The ReplicationController
// controller runs the same code (upstream wraps it too), configured by newReplicaManager.

import type { Condition, KubeObject, ObjectKey } from "../api/types";
import { keyOf, refOf } from "../api/types";
import type { ClusterView } from "../api/store/view";
import type { Selector } from "../api/selectors";
import { fromLabelSelector, matches } from "../api/selectors";
import type { Duration, Instant } from "../sim/time";
import { duration, toRFC3339 } from "../sim/time";
import type { Rng } from "../sim/random";
import type { Controller, EventNote, Outcome, RejectedWrite, Trigger, Write } from "./types";
import { NOTHING, self } from "./types";
import { availableAt, getControllerOf, isPodActive, isPodAvailable, isPodReady } from "./shared/controller-utils";
import { claimCandidates, claimObjects, newControllerRef } from "./shared/owner-refs";
import { getPodsToDelete } from "./shared/pod-ranking";
import { getPodFromTemplate } from "./shared/pod-template";
import { sameJSON } from "./shared/canonical";
import { getCondition, removeCondition } from "./shared/conditions";

/** burstReplicas: at most this many creates or deletes per sync. */
export const BURST_REPLICAS = 500;

export interface ReplicaManagerConfig {
  /** Controller name and event source: "replicaset-controller". */
  readonly name: string;
  /** The primary kind: "ReplicaSet" or "ReplicationController". */
  readonly kind: string;
  /** The pod selector; undefined selects nothing (upstream refuses to sync). */
  selectorOf(obj: KubeObject): Selector | undefined;
}

/** Builds a ReplicaSet-style controller for one kind. */
export function newReplicaManager(config: ReplicaManagerConfig) {
  const podTrigger: Trigger = {
    kind: "Pod",
    // Through the controller reference; an orphan wakes every ReplicaSet that could adopt it.
    keysFor: (pod, view) => {
      const ref = getControllerOf(pod);
      const ns = pod.metadata.namespace ?? "";
      if (ref) return ref.kind === config.kind ? [`${config.kind}/${ns}/${ref.name}`] : [];
      return view
        .list(config.kind, ns)
        .filter((rs) => {
          const sel = config.selectorOf(rs);
          return sel !== undefined && sel.length > 0 && matches(sel, pod.metadata.labels);
        })
        .map((rs) => `${config.kind}/${ns}/${rs.metadata.name}`);
    },
  };
  return {
    name: config.name,
    primary: config.kind,
    wakeOn: [self(config.kind), podTrigger],
    // Its status is counted from the pods: after a sync whose only write is the status, the
    // sync that write would wake (upstream's updateRS enqueues it) claims, creates and counts the same.
    derivedStatus: true,
    reconcile: (view: ClusterView, key: ObjectKey, now: Instant, rng: Rng): Outcome => syncReplicaSet(config, view, key, now, rng),
  } satisfies Controller;
}

/** syncReplicaSet: one pass over one ReplicaSet. Never mutates the view. */
export function syncReplicaSet(config: ReplicaManagerConfig, view: ClusterView, key: ObjectKey, now: Instant, rng: Rng): Outcome {
  const rs = view.get(key);
  if (!rs) return NOTHING;
  const selector = config.selectorOf(rs);
  if (!selector || selector.length === 0) return NOTHING;

  // Only active pods are claimed (upstream filters before claiming).
  const templateLabels = rs.spec?.template?.metadata?.labels ?? NO_LABELS;
  const read = (pod: KubeObject) => readPod(pod, selector, templateLabels);
  const candidates = claimCandidates(view, rs, "Pod").filter((p) => read(p).active);
  const { claimed: filteredPods, writes: claimWrites } = claimObjects(rs, candidates, (p) => read(p).selected);

  const writes: Write[] = [...claimWrites];
  const events: EventNote[] = [];
  if (!rs.metadata.deletionTimestamp) manageReplicas(config, view, rs, filteredPods, now, rng, writes, events);

  const newStatus = calculateStatus(rs, filteredPods, now, read);
  // A sync that creates pods learns whether they failed only after its writes (followUp below).
  if (!writes.some((w) => w.op === "create")) removeReplicaFailure(newStatus);
  if (!sameJSON(newStatus, rs.status ?? {})) writes.push({ op: "updateStatus", object: { ...rs, status: newStatus } });

  const requeueAfter = minReadyRequeue(rs, newStatus, filteredPods, now);
  return requeueAfter === undefined ? { writes, events } : { writes, events, requeueAfter };
}

/** manageReplicas: create the missing pods or delete the surplus, at most burstReplicas. */
function manageReplicas(
  config: ReplicaManagerConfig,
  view: ClusterView,
  rs: KubeObject,
  filteredPods: readonly KubeObject[],
  now: Instant,
  rng: Rng,
  writes: Write[],
  events: EventNote[],
): void {
  const diff = filteredPods.length - (rs.spec?.replicas ?? 1);
  const ns = rs.metadata.namespace ?? "";
  const note = (reason: string, message: string): EventNote => ({ regarding: rs, type: "Normal", reason, message, source: config.name });
  // RealPodControl.createPods records "Error creating: <err>"; slowStartBatch skips the rest of
  // the creates after the first failure, and the sync's error requeues the key with back-off.
  const failedCreate = (err: RejectedWrite) =>
    [{ regarding: rs, type: "Warning", reason: "FailedCreate", message: `Error creating: ${err.message}`, source: config.name }] as const;
  if (diff < 0) {
    const count = Math.min(-diff, BURST_REPLICAS);
    const taken = new Set<string>();
    const followUp = replicaFailure(keyOf(refOf(rs)), now);
    for (let i = 0; i < count; i++) {
      const pod = getPodFromTemplate(rs.spec?.template, rs.metadata.name ?? "", ns, newControllerRef(rs), view, rng, taken);
      const created = note("SuccessfulCreate", `Created pod: ${pod.metadata.name}`);
      writes.push({ op: "create", object: pod, onRejected: { events: failedCreate, replaces: created, batch: "pod-creates", followUp } });
      events.push(created);
    }
  } else if (diff > 0) {
    const count = Math.min(diff, BURST_REPLICAS);
    const relatedPods = getIndirectlyRelatedPods(view, rs, config.kind);
    for (const pod of getPodsToDelete(filteredPods, relatedPods, count, now)) {
      writes.push({ op: "delete", ref: { kind: "Pod", namespace: ns, name: pod.metadata.name ?? "" } });
      events.push(note("SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`));
    }
  }
}

/**
 * getIndirectlyRelatedPods: the pods of every ReplicaSet with the same controller (a
 * Deployment's old and new ReplicaSets), used to rank doubled-up pods; just its own otherwise.
 */
function getIndirectlyRelatedPods(view: ClusterView, rs: KubeObject, kind: string): KubeObject[] {
  const owner = getControllerOf(rs);
  const siblings = owner ? view.ownedBy(owner.uid).filter((o) => o.kind === kind && getControllerOf(o)?.uid === owner.uid) : [rs];
  const seen = new Map<string, KubeObject>();
  for (const s of siblings) {
    for (const pod of view.ownedBy(s.metadata.uid ?? "")) {
      if (pod.kind === "Pod" && getControllerOf(pod)?.uid === s.metadata.uid) seen.set(pod.metadata.uid ?? pod.metadata.name ?? "", pod);
    }
  }
  return [...seen.values()];
}

/** What a sync reads of a pod: worked out by readPod. */
interface PodReading {
  readonly selector: Selector;
  readonly templateLabels: Labels;
  /** Not terminal and not being deleted (IsPodActive). */
  readonly active: boolean;
  readonly selected: boolean;
  /** It has every label of the template. */
  readonly fullyLabeled: boolean;
  readonly ready: boolean;
}

type Labels = Readonly<Record<string, string>>;
const NO_LABELS: Labels = Object.freeze({});

/**
 * Pod object → what the last sync that asked read of it. A ReplicaSet of a thousand pods syncs
 * whenever some of them change, and a stored object is never changed in place: what a pod
 * object said at one sync it says at the next, for the same selector and template labels.
 */
const readings = new WeakMap<KubeObject, PodReading>();

function readPod(pod: KubeObject, selector: Selector, templateLabels: Labels): PodReading {
  let r = readings.get(pod);
  if (r === undefined || r.selector !== selector || r.templateLabels !== templateLabels) {
    const labels = pod.metadata.labels;
    r = { selector, templateLabels, active: isPodActive(pod), selected: matches(selector, labels), fullyLabeled: hasAllLabels(labels, templateLabels), ready: isPodReady(pod) };
    readings.set(pod, r);
  }
  return r;
}

/**
 * calculateStatus: replicas, fullyLabeledReplicas, readyReplicas, availableReplicas over the
 * claimed active pods, and observedGeneration. Zero counts are omitted, as Go's omitempty does.
 */
function calculateStatus(
  rs: KubeObject,
  filteredPods: readonly KubeObject[],
  now: Instant,
  read: (pod: KubeObject) => PodReading,
): Record<string, unknown> {
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of filteredPods) {
    const r = read(pod);
    if (r.fullyLabeled) fullyLabeled++;
    if (r.ready) {
      ready++;
      if (!minReadySeconds || isPodAvailable(pod, minReadySeconds, now)) available++;
    }
  }
  const status: Record<string, unknown> = { ...(rs.status ?? {}) };
  status.replicas = filteredPods.length;
  setCount(status, "fullyLabeledReplicas", fullyLabeled);
  setCount(status, "readyReplicas", ready);
  setCount(status, "availableReplicas", available);
  if (rs.metadata.generation !== undefined) status.observedGeneration = rs.metadata.generation;
  return status;
}

/** The labels include every one wanted. */
function hasAllLabels(labels: Labels | undefined, wanted: Labels): boolean {
  for (const k in wanted) if (labels?.[k] !== wanted[k]) return false;
  return true;
}

/**
 * calculateStatus's ReplicaFailure condition for a failed create: `FailedCreate` with the
 * error, set once (a later failure leaves the condition as it is).
 */
function replicaFailure(key: ObjectKey, now: Instant) {
  return (err: RejectedWrite, view: ClusterView): Write | undefined => {
    const rs = view.get(key);
    const conditions = (rs?.status?.conditions ?? []) as Condition[];
    if (!rs || getCondition(conditions, "ReplicaFailure")) return undefined;
    const failure: Condition = { type: "ReplicaFailure", status: "True", lastTransitionTime: toRFC3339(now), reason: "FailedCreate", message: err.message };
    return { op: "updateStatus", object: { ...rs, status: { ...rs.status, conditions: [...conditions, failure] } } };
  };
}

/** A sync without an error drops the condition; Go leaves out an empty list. */
function removeReplicaFailure(status: Record<string, unknown>): void {
  const conditions = status.conditions as Condition[] | undefined;
  if (!getCondition(conditions, "ReplicaFailure")) return;
  const rest = removeCondition(conditions, "ReplicaFailure");
  if (rest.length > 0) status.conditions = rest;
  else delete status.conditions;
}

function setCount(status: Record<string, unknown>, field: string, n: number): void {
  if (n === 0) delete status[field];
  else status[field] = n;
}

/**
 * Upstream re-queues after minReadySeconds when every replica is ready but not all are
 * available. kubesim comes back at the exact instant the next ready pod becomes available.
 */
function minReadyRequeue(rs: KubeObject, status: Record<string, unknown>, pods: readonly KubeObject[], now: Instant): Duration | undefined {
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
  const replicas = rs.spec?.replicas ?? 1;
  if (minReadySeconds <= 0 || (status.readyReplicas ?? 0) !== replicas || (status.availableReplicas ?? 0) === replicas) return undefined;
  const due = pods.map((p) => availableAt(p, minReadySeconds, now)).filter((t): t is Instant => t !== undefined);
  if (due.length === 0) return undefined;
  return duration(Math.max(1, Math.min(...due) - now));
}

/** The ReplicaSet controller (apps/v1). */
export const replicaSetController = newReplicaManager({
  name: "replicaset-controller",
  kind: "ReplicaSet",
  selectorOf: (rs) => fromLabelSelector(rs.spec?.selector),
});
