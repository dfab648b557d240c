// The taints the node lifecycle controller keeps in step with the Ready condition:
// Ready=False → node.kubernetes.io/not-ready, Ready=Unknown → node.kubernetes.io/unreachable,
// each as NoSchedule and NoExecute (the NoExecute one stamped with timeAdded, which the taint
// eviction controller counts tolerationSeconds from). Port of doNoScheduleTaintingPass and
// doNoExecuteTaintingPass in pkg/controller/nodelifecycle/node_lifecycle_controller.go (v1.32).

import type { KubeObject } from "../../api/types";
import type { Instant } from "../../sim/time";
import { toRFC3339 } from "../../sim/time";

export const NOT_READY_TAINT = "node.kubernetes.io/not-ready";
export const UNREACHABLE_TAINT = "node.kubernetes.io/unreachable";

export interface NodeTaint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

const MANAGED = [NOT_READY_TAINT, UNREACHABLE_TAINT];

function wantedKey(readyStatus: string | undefined): string | undefined {
  if (readyStatus === "False") return NOT_READY_TAINT;
  if (readyStatus === "Unknown") return UNREACHABLE_TAINT;
  return undefined;
}

/** The node's taints as the controller wants them, or undefined when they are right already. */
export function reconcileTaints(node: KubeObject, readyStatus: string | undefined, now: Instant): NodeTaint[] | undefined {
  const current = (node.spec?.taints ?? []) as NodeTaint[];
  const key = wantedKey(readyStatus);
  const keep = current.filter((t) => !MANAGED.includes(t.key) || (t.key === key && (t.effect === "NoSchedule" || t.effect === "NoExecute")));
  const next = [...keep];
  if (key && !keep.some((t) => t.key === key && t.effect === "NoSchedule")) next.push({ key, effect: "NoSchedule" });
  if (key && !keep.some((t) => t.key === key && t.effect === "NoExecute")) next.push({ key, effect: "NoExecute", timeAdded: toRFC3339(now) });
  const same = next.length === current.length && next.every((t, i) => t === current[i]);
  return same ? undefined : next;
}

/** The managed NoExecute taints in `before` that `after` no longer has. */
export function removedNoExecute(before: readonly NodeTaint[], after: readonly NodeTaint[]): NodeTaint[] {
  return before.filter((t) => t.effect === "NoExecute" && MANAGED.includes(t.key) && !after.some((a) => a.key === t.key && a.effect === t.effect));
}
