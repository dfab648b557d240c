// The default scheduler as a controller: a key is an unscheduled pod; one reconcile is one
// scheduling cycle (filter → score → bind) or a recorded failure. Port of the flow of
// pkg/scheduler/schedule_one.go (scheduleOne, handleSchedulingFailure, bind).

import type { KubeObject, ObjectKey } from "../api/types";
import { keyOf, objectKey, refOf } from "../api/types";
import type { ClusterView } from "../api/store/view";
import type { Controller, EventNote, Outcome, Trigger, Write } from "../controllers/types";
import { NOTHING } from "../controllers/types";
import type { Instant } from "../sim/time";
import { seconds } from "../sim/time";
import type { Rng } from "../sim/random";
import { isTerminated } from "./resources";
import { schedulePod } from "./schedule-one";
import { withPodCondition } from "./pod-conditions";
import { assumedNode, forgetAssumed, podVolumesBound, reserveVolumes, volumeTriggers } from "./volume-prebind";

export const SCHEDULER_NAME = "default-scheduler";

/**
 * podMaxInUnschedulablePodsDuration: an unschedulable pod is retried at least this often even
 * when nothing relevant changes (pkg/scheduler/internal/queue/scheduling_queue.go).
 */
export const POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION = seconds(300);

export const SCHEDULING_GATED_MESSAGE = "Scheduling is blocked due to non-empty scheduling gates";

/** A pod this scheduler still has to place. */
export function isPendingPod(pod: KubeObject): boolean {
  return (
    pod.kind === "Pod" &&
    !pod.spec?.nodeName &&
    !pod.metadata.deletionTimestamp &&
    (pod.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME &&
    !isTerminated(pod)
  );
}

/** Every pending pod's key; the retry set when the cluster changes in a way that may help. */
export function pendingPodKeys(view: ClusterView): ObjectKey[] {
  return view.unboundPods().filter(isPendingPod).map((p) => keyOf(refOf(p)));
}

const podTrigger: Trigger = {
  kind: "Pod",
  keysFor(obj, view, key = keyOf(refOf(obj))) {
    // A pod that was pending: once bound or gone, its run would only forget what the scheduler kept of it.
    if (isPendingPod(obj)) return isPendingStill(view, key) || forgetAll(view, key) !== NOTHING ? [key] : [];
    // A bound pod that is gone or finished frees room on its node: retry everyone pending.
    if (obj.spec?.nodeName && (!view.get(key) || isTerminated(obj))) return pendingPodKeys(view);
    return [];
  },
};

function isPendingStill(view: ClusterView, key: ObjectKey): boolean {
  const pod = view.get(key);
  return pod !== undefined && isPendingPod(pod);
}

const nodeTrigger: Trigger = { kind: "Node", keysFor: (_obj, view) => pendingPodKeys(view) };

export const scheduler: Controller = {
  name: SCHEDULER_NAME,
  primary: "Pod",
  wakeOn: [podTrigger, nodeTrigger, ...volumeTriggers(isPendingPod)],
  reconcile(view, key, now, rng) {
    const pod = view.get(key);
    if (!pod || !isPendingPod(pod)) return forgetAll(view, key);
    if ((pod.spec?.schedulingGates ?? []).length > 0) {
      const conditions = withPodCondition(pod, { type: "PodScheduled", status: "False", reason: "SchedulingGated", message: SCHEDULING_GATED_MESSAGE }, now);
      return conditions ? { writes: [statusWrite(pod, conditions)], events: [] } : NOTHING;
    }
    // PreBind: the pod's volumes were assumed on a node; bind once they are all bound.
    const assumed = assumedNode(view, pod);
    if (assumed !== undefined) return podVolumesBound(view, pod) ? bindOutcome(view, pod, assumed) : NOTHING;
    return scheduleOne(view, pod, now, rng);
  },
};

function forgetAll(view: ClusterView, key: ObjectKey): Outcome {
  const runtime = [...(forgetAttempts(view, key).runtime ?? []), ...forgetAssumed(view, key)];
  return runtime.length === 0 ? NOTHING : { writes: [], events: [], runtime };
}

function scheduleOne(view: ClusterView, pod: KubeObject, now: Instant, rng: Rng): Outcome {
  const result = schedulePod(view, pod, rng);
  if (!result.ok) return handleSchedulingFailure(view, pod, result.message, now);
  const node = view.get(objectKey("Node", "", result.node));
  const reserved = node ? reserveVolumes(view, pod, node) : undefined;
  if (reserved) return { writes: reserved.writes, events: [], runtime: [...(forgetAttempts(view, keyOf(refOf(pod))).runtime ?? []), ...reserved.runtime] };
  return bindOutcome(view, pod, result.node);
}

function bindOutcome(view: ClusterView, pod: KubeObject, nodeName: string): Outcome {
  const ns = pod.metadata.namespace ?? "";
  const key = keyOf(refOf(pod));
  return {
    writes: [{ op: "bind", ref: refOf(pod), nodeName, uid: pod.metadata.uid }],
    events: [event(pod, "Normal", "Scheduled", `Successfully assigned ${ns}/${pod.metadata.name} to ${nodeName}`)],
    runtime: [...(forgetAttempts(view, key).runtime ?? []), ...forgetAssumed(view, key)],
  };
}

/**
 * The scheduler's memory of a pending pod (upstream keeps it in the scheduling queue): when
 * it last tried, and when its periodic retry is due. Kept beside the kubelets' records.
 */
interface Attempts {
  readonly attemptAt: number;
  readonly retryAt: number;
}

const attemptsId = (key: ObjectKey): string => `scheduler:${key}`;

function forgetAttempts(view: ClusterView, key: ObjectKey): Outcome {
  return view.runtime(attemptsId(key)) === undefined ? NOTHING : { writes: [], events: [], runtime: [{ podUid: attemptsId(key), record: undefined }] };
}

/**
 * PodScheduled=False Unschedulable with the fit error, a FailedScheduling event, and a retry
 * five minutes on. A second attempt at the same instant with the same result (woken by its
 * own status write) is no attempt at all; a retry already on the agenda is not doubled.
 */
function handleSchedulingFailure(view: ClusterView, pod: KubeObject, message: string, now: Instant): Outcome {
  const id = attemptsId(keyOf(refOf(pod)));
  const last = view.runtime(id) as Attempts | undefined;
  const conditions = withPodCondition(pod, { type: "PodScheduled", status: "False", reason: "Unschedulable", message }, now);
  if (!conditions && last?.attemptAt === now) return NOTHING;
  const retryPending = last !== undefined && last.retryAt > now;
  const retryAt = retryPending ? last.retryAt : now + POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION;
  return {
    writes: conditions ? [statusWrite(pod, conditions)] : [],
    events: [event(pod, "Warning", "FailedScheduling", message)],
    runtime: [{ podUid: id, record: { attemptAt: now, retryAt } satisfies Attempts }],
    ...(!retryPending && { requeueAfter: POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION }),
  };
}

/**
 * A status write with the new conditions. After the binding update the pod's resourceVersion
 * has moved on, so the binding's status write goes without one (unconditional, as the real
 * Binding subresource sets the condition in the same request).
 */
function statusWrite(pod: KubeObject, conditions: unknown[], keepResourceVersion = true): Write {
  const { resourceVersion: _rv, ...metadata } = pod.metadata;
  return {
    op: "updateStatus",
    object: { ...pod, metadata: keepResourceVersion ? pod.metadata : metadata, status: { ...pod.status, conditions } },
  };
}

function event(pod: KubeObject, type: "Normal" | "Warning", reason: string, message: string): EventNote {
  return { regarding: pod, type, reason, message, source: SCHEDULER_NAME };
}
