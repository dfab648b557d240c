// The pod garbage collector, for pods bound to a node that no longer exists: after a 40s
// quarantine (the node might come back) each is marked Failed with DisruptionTarget
// DeletionByPodGC and force-deleted. Port of gcOrphaned and markFailedAndDeletePodWithCondition
// in pkg/controller/podgc/gc_controller.go (v1.32). The quarantine's start is kept as a runtime
// record (`podgc:<node>`), since a pure controller cannot remember when it first saw the gap.

import type { Condition, KubeObject } from "../api/types";
import { parseKey, prefixedKey, refOf } from "../api/types";
import type { Controller, Outcome, Write } from "./types";
import { NOTHING, podNodeTrigger, self } from "./types";
import type { Duration, Instant } from "../sim/time";
import { seconds, toRFC3339 } from "../sim/time";
import { deepCopy } from "../api/deep-copy";

export const POD_GC_CONTROLLER = "pod-garbage-collector";
/** quarantineTime in gc_controller.go. */
export const ORPHAN_QUARANTINE: Duration = seconds(40);

export const quarantineId = (nodeName: string): string => prefixedKey("podgc:", nodeName);

interface Quarantine {
  readonly since: number;
}

export const podGarbageCollector: Controller = {
  name: POD_GC_CONTROLLER,
  primary: "Node",
  wakeOn: [self("Node"), podNodeTrigger],
  reconcile(view, key, now) {
    const nodeName = parseKey(key).name;
    const quarantine = view.runtime(quarantineId(nodeName)) as Quarantine | undefined;
    const orphans = view.get(key) ? [] : view.podsOnNode(nodeName);
    if (orphans.length === 0) return quarantine ? forget(nodeName) : NOTHING;
    if (!quarantine) {
      return { writes: [], events: [], requeueAfter: ORPHAN_QUARANTINE, runtime: [{ podUid: quarantineId(nodeName), record: { since: now } }] };
    }
    const due = quarantine.since + ORPHAN_QUARANTINE;
    if (now < due) return { writes: [], events: [], requeueAfter: (due - now) as Duration };
    return { writes: orphans.flatMap((p) => failAndDelete(p, now)), events: [] };
  },
};

function forget(nodeName: string): Outcome {
  return { writes: [], events: [], runtime: [{ podUid: quarantineId(nodeName), record: undefined }] };
}

/** markFailedAndDeletePodWithCondition: phase Failed (unless finished) with the condition, then grace 0. */
function failAndDelete(pod: KubeObject, now: Instant): Write[] {
  const writes: Write[] = [];
  const phase = pod.status?.phase;
  if (phase !== "Succeeded" && phase !== "Failed") {
    const conditions = ((pod.status?.conditions ?? []) as Condition[]).filter((c) => c.type !== "DisruptionTarget");
    conditions.push({
      type: "DisruptionTarget",
      status: "True",
      lastProbeTime: null,
      lastTransitionTime: toRFC3339(now),
      reason: "DeletionByPodGC",
      message: "PodGC: node no longer exists",
    });
    writes.push({ op: "updateStatus", object: { ...deepCopy(pod), status: { ...pod.status, phase: "Failed", conditions } } });
  }
  writes.push({ op: "delete", ref: refOf(pod), gracePeriodSeconds: 0, force: true, uid: pod.metadata.uid });
  return writes;
}

