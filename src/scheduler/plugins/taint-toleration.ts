// TaintToleration: a pod may only land on a node whose NoSchedule/NoExecute taints it
// tolerates; untolerated PreferNoSchedule taints lower the score.
// Port of pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go and
// k8s.io/api/core/v1/toleration.go (ToleratesTaint).

import type { FilterPlugin, ScorePlugin } from "../types";
import { MAX_NODE_SCORE, SUCCESS, unresolvable } from "../types";

export interface Taint {
  key: string;
  value?: string;
  effect: "NoSchedule" | "PreferNoSchedule" | "NoExecute";
}

export interface Toleration {
  key?: string;
  operator?: "Exists" | "Equal";
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** The first untolerated taint's message: `{key: value}`; an empty value prints `{key: }`. */
export const errReasonUntoleratedTaint = (t: Taint): string => `node(s) had untolerated taint {${t.key}: ${t.value ?? ""}}`;

/** ToleratesTaint: effect equal (or empty), key equal (or empty with Exists), value per operator. */
export function toleratesTaint(tol: Toleration, taint: Taint): boolean {
  if (tol.effect && tol.effect !== taint.effect) return false;
  if (tol.key && tol.key !== taint.key) return false;
  switch (tol.operator ?? "Equal") {
    case "Exists":
      return true;
    case "Equal":
      // An empty key with Equal matches nothing that has a key (validation forbids it anyway).
      return (tol.key ?? "") === taint.key && (tol.value ?? "") === (taint.value ?? "");
    default:
      return false;
  }
}

export function taintTolerated(taint: Taint, tolerations: readonly Toleration[] | undefined): boolean {
  return (tolerations ?? []).some((tol) => toleratesTaint(tol, taint));
}

/** FindMatchingUntoleratedTaint over the taints the filter looks at (NoSchedule, NoExecute). */
export function findUntoleratedTaint(taints: readonly Taint[] | undefined, tolerations: readonly Toleration[] | undefined): Taint | undefined {
  return (taints ?? []).find((t) => (t.effect === "NoSchedule" || t.effect === "NoExecute") && !taintTolerated(t, tolerations));
}

export const taintToleration: FilterPlugin & ScorePlugin = {
  name: "TaintToleration",
  weight: 3,
  filter(pod, node) {
    const taint = findUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations);
    return taint ? unresolvable(errReasonUntoleratedTaint(taint)) : SUCCESS;
  },
  /** The number of intolerable PreferNoSchedule taints (fewer is better, see normalize). */
  score(pod, node) {
    const tolerations = ((pod.spec?.tolerations ?? []) as Toleration[]).filter((t) => !t.effect || t.effect === "PreferNoSchedule");
    return ((node.spec?.taints ?? []) as Taint[]).filter((t) => t.effect === "PreferNoSchedule" && !taintTolerated(t, tolerations)).length;
  },
  /** DefaultNormalizeScore(reverse=true): the node with the fewest such taints scores 100. */
  normalize(scores) {
    const max = Math.max(0, ...scores);
    if (max === 0) return scores.map(() => MAX_NODE_SCORE);
    return scores.map((s) => MAX_NODE_SCORE - Math.trunc((MAX_NODE_SCORE * s) / max));
  },
};
