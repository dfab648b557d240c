// Predicates for Trigger.concerns: which changes of an object can matter to a controller at
// all. Most changes are status writes, which keep the object's spec (the same object: stored
// objects are replaced, never mutated), so comparing by identity is enough to pass them over.

import type { KubeObject } from "../../api/types";

type Before = KubeObject | undefined;
type After = KubeObject | undefined;

/** Its creation, its removal, or its deletion beginning. */
export function existenceChanged(before: Before, after: After): boolean {
  return !before || !after || before.metadata.deletionTimestamp !== after.metadata.deletionTimestamp;
}

/** That, or a change to its spec or its phase. */
export function specOrPhaseChanged(before: Before, after: After): boolean {
  return existenceChanged(before, after) || before!.spec !== after!.spec || before!.status?.phase !== after!.status?.phase;
}

/**
 * Anything but a change of finalizers alone (a controller that counted the object letting it
 * go): spec, status and every other metadata field are the same objects as before.
 */
export function notOnlyFinalizers(before: Before, after: After): boolean {
  if (!before || !after || before.spec !== after.spec || before.status !== after.status) return true;
  const b = before.metadata as Record<string, unknown>;
  const a = after.metadata as Record<string, unknown>;
  // Each side's fields against the other's (a field on one side only differs unless undefined).
  for (const k in b) if (k !== "finalizers" && k !== "resourceVersion" && b[k] !== a[k]) return true;
  for (const k in a) if (k !== "finalizers" && k !== "resourceVersion" && b[k] !== a[k]) return true;
  return false;
}

/**
 * What a controller of the pods on a node reads of a pod: that it is there (creation, removal,
 * deletion beginning), its spec (node, tolerations) and when it was scheduled. A kubelet's
 * status write changes none of them.
 */
export function placementChanged(before: Before, after: After): boolean {
  return existenceChanged(before, after) || before!.spec !== after!.spec || scheduledAt(before!) !== scheduledAt(after!);
}

function scheduledAt(pod: KubeObject): unknown {
  const conditions = pod.status?.conditions as { type?: string; lastTransitionTime?: unknown }[] | undefined;
  return conditions?.find((c) => c.type === "PodScheduled")?.lastTransitionTime;
}
