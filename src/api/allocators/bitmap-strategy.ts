// Port of pkg/registry/core/service/allocator/utils.go and bitmap.go (v1.32): the
// randomScanStrategyWithOffset that both the ClusterIP and the NodePort allocators use, and
// calculateRangeOffset of each. Offsets below `offset` form the "static band" kept for
// explicitly requested values: random allocation tries the upper part first and falls back to
// the static band only when the upper part is full.

import type { Rng } from "../../sim/random";

/**
 * randomScanStrategyWithOffset.AllocateBit: a random start in the upper subrange, then a scan
 * (wrapping) for the first free offset; then the same in [0, offset).
 * @example allocateBit((i) => used.has(i), 65534, 256, rng) // an offset in [256, 65534)
 */
export function allocateBit(isAllocated: (offset: number) => boolean, max: number, offset: number, rng: Rng): number | undefined {
  const subrangeMax = max - offset;
  if (subrangeMax > 0) {
    const start = rng.int(subrangeMax);
    for (let i = 0; i < subrangeMax; i++) {
      const at = offset + ((start + i) % subrangeMax);
      if (!isAllocated(at)) return at;
    }
  }
  if (offset > 0) {
    const start = rng.int(offset);
    for (let i = 0; i < offset; i++) {
      const at = (start + i) % offset;
      if (!isAllocated(at)) return at;
    }
  }
  return undefined;
}

/**
 * min(max(lo, size/step), hi), or 0 when the range is smaller than lo.
 * ipallocator: lo=16, hi=256, step=16 (a /16 gives 256); portallocator: lo=16, hi=128,
 * step=32 (30000-32767 gives 2768/32 = 86).
 */
export function calculateRangeOffset(size: number, lo: number, hi: number, step: number): number {
  if (size < lo) return 0;
  const offset = Math.floor(size / step);
  return Math.min(Math.max(offset, lo), hi);
}
