// NodeResourcesFit: the pod's requests must fit in what the node's allocatable leaves after
// the requests of the pods already there; the LeastAllocated strategy scores emptier nodes
// higher. Port of pkg/scheduler/framework/plugins/noderesources/fit.go (fitsRequest) and
// least_allocated.go.

import type { KubeObject } from "../../api/types";
import { resourceValue } from "../../api/quantity";
import type { FilterPlugin, PluginContext, ScorePlugin } from "../types";
import { MAX_NODE_SCORE, SUCCESS, unschedulable } from "../types";

export const ERR_REASON_TOO_MANY_PODS = "Too many pods";
export const errReasonInsufficient = (resource: string): string => `Insufficient ${resource}`;

/** The node's allocatable in scheduler units (millicores, bytes, pod count). */
export function allocatableOf(node: KubeObject): Readonly<Record<string, number>> {
  let out = allocatableMemo.get(node);
  if (out) return out;
  out = {};
  for (const [name, q] of Object.entries((node.status?.allocatable ?? {}) as Record<string, string>)) out[name] = resourceValue(name, q);
  allocatableMemo.set(node, out);
  return out;
}

/** Node objects are replaced, never mutated, so their parsed allocatable can be remembered. */
const allocatableMemo = new WeakMap<KubeObject, Record<string, number>>();

/** fitsRequest: every insufficient resource is a reason, pods first, then cpu, memory, others. */
export function fitsRequest(ctx: PluginContext, node: KubeObject): string[] {
  const allocatable = allocatableOf(node);
  const reasons: string[] = [];
  if (ctx.nodeInfo.pods.length + 1 > (allocatable.pods ?? 0)) reasons.push(ERR_REASON_TOO_MANY_PODS);
  const req = ctx.podRequest;
  const names = ["cpu", "memory", ...Object.keys(req).filter((r) => r !== "cpu" && r !== "memory").sort()];
  for (const name of names) {
    const want = req[name] ?? 0;
    if (want > 0 && want > (allocatable[name] ?? 0) - (ctx.nodeInfo.requested[name] ?? 0)) reasons.push(errReasonInsufficient(name));
  }
  return reasons;
}

/**
 * leastRequestedScore: (capacity − requested) × 100 / capacity, integer arithmetic.
 * Example: 4000m allocatable, 1000m requested after placing → 3000 × 100 / 4000 = 75.
 */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

export const nodeResourcesFit: FilterPlugin & ScorePlugin = {
  name: "NodeResourcesFit",
  weight: 1,
  filter(_pod, node, ctx) {
    const reasons = fitsRequest(ctx, node);
    return reasons.length === 0 ? SUCCESS : unschedulable(...reasons);
  },
  /** LeastAllocated over cpu and memory (weight 1 each), from the non-zero requests. */
  score(_pod, node, ctx) {
    const allocatable = allocatableOf(node);
    let score = 0;
    let weights = 0;
    for (const r of ["cpu", "memory"]) {
      const capacity = allocatable[r] ?? 0;
      if (capacity === 0) continue;
      score += leastRequestedScore(ctx.nodeInfo.nonZeroRequested[r] + ctx.podNonZeroRequest[r], capacity);
      weights += 1;
    }
    return weights === 0 ? 0 : Math.trunc(score / weights);
  },
};
