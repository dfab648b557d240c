// The StatefulSet controller: stable pod names, ordered creation and deletion, per-pod claims,
// revision-tracked rolling updates. Port of pkg/controller/statefulset/stateful_set.go
// (kubernetes v1.32): sync → getPodsForStatefulSet (claim pods whose name parses as
// <set>-<ordinal> and whose labels match) → UpdateStatefulSet (control.ts), then a requeue
// after minReadySeconds while pods are ready but not yet available.

import type { KubeObject, ObjectKey } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import { fromLabelSelector, matches } from "../../api/selectors";
import type { Duration, Instant } from "../../sim/time";
import { duration } from "../../sim/time";
import type { Controller, EventNote, Outcome, Trigger, Write } from "../types";
import { NOTHING, owner, self } from "../types";
import { availableAt, getControllerOf } from "../shared/controller-utils";
import { claimCandidates, claimObjects } from "../shared/owner-refs";
import { isMemberOf, replicasOf } from "./identity";
import { updateStatefulSetControl } from "./control";
import { SOURCE } from "./pod-control";

const KIND = "StatefulSet";

/** Pods wake their controlling StatefulSet; an orphan wakes every set that could adopt it. */
const podTrigger: Trigger = {
  kind: "Pod",
  keysFor: (pod, view) => {
    const ref = getControllerOf(pod);
    const ns = pod.metadata.namespace ?? "";
    if (ref) return ref.kind === KIND ? [`${KIND}/${ns}/${ref.name}`] : [];
    return view
      .list(KIND, ns)
      .filter((set) => isMemberOf(set, pod) && selects(set, pod))
      .map((set) => `${KIND}/${ns}/${set.metadata.name}`);
  },
};

function selects(set: KubeObject, obj: KubeObject): boolean {
  const selector = fromLabelSelector(set.spec?.selector);
  return selector !== undefined && selector.length > 0 && matches(selector, obj.metadata.labels);
}

export const statefulSetController = {
  name: SOURCE,
  primary: KIND,
  wakeOn: [self(KIND), podTrigger, owner("ControllerRevision", KIND)],
  reconcile: (view: ClusterView, key: ObjectKey, now: Instant): Outcome => syncStatefulSet(view, key, now),
} satisfies Controller;

/** sync: one pass over one StatefulSet. Never mutates the view. */
export function syncStatefulSet(view: ClusterView, key: ObjectKey, now: Instant): Outcome {
  const set = view.get(key);
  if (!set) return NOTHING;
  const selector = fromLabelSelector(set.spec?.selector);
  // An empty or invalid selector selects nothing: upstream records an error and does not sync.
  if (!selector || selector.length === 0) return NOTHING;

  const { claimed: pods, writes: claimWrites } = claimObjects(set, claimCandidates(view, set, "Pod"), (p) => isMemberOf(set, p) && matches(selector, p.metadata.labels));
  const revisions = view.ownedBy(set.metadata.uid ?? "").filter((o) => o.kind === "ControllerRevision" && getControllerOf(o)?.uid === set.metadata.uid);

  const writes: Write[] = [...claimWrites];
  const events: EventNote[] = [];
  const status = updateStatefulSetControl({ view, writes, events, now }, set, pods, revisions);

  const requeueAfter = minReadyRequeue(set, status.availableReplicas, pods, now);
  return requeueAfter === undefined ? { writes, events } : { writes, events, requeueAfter };
}

/** While pods are ready but not yet available for minReadySeconds, come back when the next one is. */
function minReadyRequeue(set: KubeObject, available: number, pods: readonly KubeObject[], now: Instant): Duration | undefined {
  const minReadySeconds: number = set.spec?.minReadySeconds ?? 0;
  if (minReadySeconds <= 0 || available === replicasOf(set)) return undefined;
  const due = pods.map((p) => availableAt(p, minReadySeconds, now)).filter((t): t is Instant => t !== undefined);
  if (due.length === 0) return undefined;
  return duration(Math.max(1, Math.min(...due) - now));
}
