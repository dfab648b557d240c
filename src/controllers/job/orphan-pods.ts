// The Job controller's orphan-pod queue: syncOrphanPod (pkg/controller/job/job_controller.go,
// v1.32). A pod that still holds the tracking finalizer but has no Job to count it — its Job
// deleted, or the pod orphaned by `delete job --cascade=orphan` — has the finalizer taken off,
// or it could never go away. A pod of a Job that exists and has not finished is left alone.

import type { KubeObject, ObjectKey } from "../../api/types";
import { keyOf, objectKey, refOf } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import type { Controller, Trigger } from "../types";
import { NOTHING } from "../types";
import { getControllerOf } from "../shared/controller-utils";
import { isJobFinished } from "./job-conditions";
import { hasTrackingFinalizer, releaseFinalizer } from "./pod-accounting";

/** Whether the pod's finalizer has a Job to count it: its controller is a Job that runs on. */
function hasCountingJob(pod: KubeObject, view: ClusterView): boolean {
  const ref = getControllerOf(pod);
  if (!ref) return false;
  if (ref.kind !== "Job" || ref.apiVersion !== "batch/v1") return true; // not ours to release
  const job = view.get(objectKey("Job", pod.metadata.namespace ?? "", ref.name));
  return job !== undefined && job.metadata.uid === ref.uid && !isJobFinished(job);
}

const orphanPodTrigger: Trigger = {
  kind: "Pod",
  concerns: (before, after) => after !== undefined && hasTrackingFinalizer(after),
  keysFor: (pod, view, key = keyOf(refOf(pod))) => (hasTrackingFinalizer(pod) && !hasCountingJob(pod, view) ? [key] : []),
};

/** A Job that goes (or finishes) wakes its pods that still hold the finalizer. */
const jobGoneTrigger: Trigger = {
  kind: "Job",
  concerns: (before, after) => !after || isJobFinished(after) !== (before !== undefined && isJobFinished(before)),
  keysFor: (job, view) =>
    view
      .ownedBy(job.metadata.uid ?? "")
      .filter((p) => p.kind === "Pod" && hasTrackingFinalizer(p) && !hasCountingJob(p, view))
      .map((p) => keyOf(refOf(p))),
};

export const jobOrphanPodController: Controller = {
  name: "job-controller-orphan-pods",
  primary: "Pod",
  wakeOn: [orphanPodTrigger, jobGoneTrigger],
  reconcile(view, key: ObjectKey) {
    const pod = view.get(key);
    if (!pod || !hasTrackingFinalizer(pod) || hasCountingJob(pod, view)) return NOTHING;
    return { writes: [releaseFinalizer(pod)], events: [] };
  },
};
