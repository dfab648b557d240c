// The taint eviction controller: pods on a node with NoExecute taints they do not tolerate are
// deleted at once; tolerated for tolerationSeconds, they are deleted when that time has passed
// (counted from when the taint appeared, or the pod arrived, whichever is later); tolerated
// without a limit, never. Port of pkg/controller/tainteviction/taint_eviction.go
// (processPodOnNode, getMinTolerationTime, deletePodHandler) and GetMatchingTolerations (v1.32).

import type { Condition, KubeObject } from "../../api/types";
import { refOf } from "../../api/types";
import type { Controller, EventNote, Outcome, Write } from "../types";
import { NOTHING, podNodeTrigger, self } from "../types";
import type { Duration, Instant } from "../../sim/time";
import { toRFC3339 } from "../../sim/time";
import type { Taint, Toleration } from "../../scheduler/plugins/taint-toleration";
import { toleratesTaint } from "../../scheduler/plugins/taint-toleration";
import { deepCopy } from "../../api/deep-copy";

export const TAINT_EVICTION_CONTROLLER = "taint-eviction-controller";

interface NoExecuteTaint extends Taint {
  timeAdded?: string;
}

export const taintEvictionController: Controller = {
  name: TAINT_EVICTION_CONTROLLER,
  primary: "Node",
  wakeOn: [self("Node"), podNodeTrigger],
  reconcile(view, key, now) {
    const node = view.get(key);
    if (!node) return NOTHING;
    const taints = ((node.spec?.taints ?? []) as NoExecuteTaint[]).filter((t) => t.effect === "NoExecute");
    if (taints.length === 0) return NOTHING;
    const writes: Write[] = [];
    const events: EventNote[] = [];
    let next: Instant | undefined;
    for (const pod of view.podsOnNode(node.metadata.name ?? "")) {
      if (pod.metadata.deletionTimestamp) continue;
      const due = evictionTime(pod, taints, now);
      if (due === undefined) continue;
      if (due <= now) {
        writes.push(...evict(pod, now));
        events.push(markedForDeletion(pod));
      } else if (next === undefined || due < next) next = due;
    }
    return { writes, events, ...(next !== undefined ? { requeueAfter: (next - now) as Duration } : {}) };
  },
};

/**
 * When the pod must go: now for an untolerated taint, undefined when tolerated forever, else the
 * start of its toleration plus the shortest tolerationSeconds among the tolerations used.
 */
export function evictionTime(pod: KubeObject, taints: readonly NoExecuteTaint[], now: Instant): Instant | undefined {
  const used = matchingTolerations(taints, (pod.spec?.tolerations ?? []) as Toleration[]);
  if (used === undefined) return now;
  const wait = minTolerationSeconds(used);
  if (wait === undefined) return undefined;
  return (startOf(pod, taints, now) + wait * 1000) as Instant;
}

/** GetMatchingTolerations: the first toleration of each taint; undefined if one is untolerated. */
function matchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[]): Toleration[] | undefined {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const match = tolerations.find((t) => toleratesTaint(t, taint));
    if (!match) return undefined;
    used.push(match);
  }
  return used;
}

/** getMinTolerationTime: seconds ≤ 0 means now; no seconds at all means never (undefined). */
function minTolerationSeconds(used: readonly Toleration[]): number | undefined {
  const limited = used.map((t) => t.tolerationSeconds).filter((s): s is number => s !== undefined);
  if (limited.length === 0) return undefined;
  return Math.max(0, Math.min(...limited));
}

/** The eviction was scheduled when the first NoExecute taint appeared, or when the pod was bound. */
function startOf(pod: KubeObject, taints: readonly NoExecuteTaint[], now: Instant): number {
  const added = taints.map((t) => (t.timeAdded ? Date.parse(t.timeAdded) : now));
  const scheduled = ((pod.status?.conditions ?? []) as Condition[]).find((c) => c.type === "PodScheduled")?.lastTransitionTime;
  const bound = Date.parse(scheduled ?? pod.metadata.creationTimestamp ?? "") || 0;
  return Math.max(Math.min(...added), bound);
}

/** deletePodHandler: the DisruptionTarget condition first, then a graceful delete. */
function evict(pod: KubeObject, now: Instant): Write[] {
  const conditions = ((pod.status?.conditions ?? []) as Condition[]).filter((c) => c.type !== "DisruptionTarget");
  conditions.push({
    type: "DisruptionTarget",
    status: "True",
    lastProbeTime: null,
    lastTransitionTime: toRFC3339(now),
    reason: "DeletionByTaintManager",
    message: "Taint manager: deleting due to NoExecute taint",
  } as Condition);
  return [
    { op: "updateStatus", object: { ...deepCopy(pod), status: { ...pod.status, conditions } } },
    { op: "delete", ref: refOf(pod), uid: pod.metadata.uid },
  ];
}

function markedForDeletion(pod: KubeObject): EventNote {
  return {
    regarding: pod,
    type: "Normal",
    reason: "TaintManagerEviction",
    message: `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`,
    source: TAINT_EVICTION_CONTROLLER,
  };
}

