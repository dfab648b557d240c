// NodeResourcesBalancedAllocation: prefer nodes whose cpu and memory would be used in equal
// fractions. Port of pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go.

import type { ScorePlugin } from "../types";
import { MAX_NODE_SCORE } from "../types";
import { allocatableOf } from "./node-resources-fit";

/**
 * balancedResourceScorer: (1 − std of the fractions) × 100. For two resources the standard
 * deviation is |f_cpu − f_mem| / 2; e.g. 50% cpu and 10% memory → (1 − 0.2) × 100 = 80.
 */
export function balancedResourceScore(fractions: readonly number[]): number {
  const fs = fractions.map((f) => Math.min(f, 1));
  let std = 0;
  if (fs.length === 2) std = Math.abs((fs[0] - fs[1]) / 2);
  else if (fs.length > 2) {
    const mean = fs.reduce((a, b) => a + b, 0) / fs.length;
    std = Math.sqrt(fs.reduce((a, f) => a + (f - mean) * (f - mean), 0) / fs.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

export const balancedAllocation: ScorePlugin = {
  name: "NodeResourcesBalancedAllocation",
  weight: 1,
  /** Uses the real requests (useRequested), not the scoring defaults. */
  score(_pod, node, ctx) {
    const allocatable = allocatableOf(node);
    const fractions: number[] = [];
    for (const r of ["cpu", "memory"]) {
      const capacity = allocatable[r] ?? 0;
      if (capacity === 0) continue;
      fractions.push((ctx.nodeInfo.requested[r] + ctx.podRequest[r]) / capacity);
    }
    return balancedResourceScore(fractions);
  },
};
