// Port of pkg/registry/core/service/ipallocator/bitmap.go (v1.32) over kind's service CIDR
// 10.96.0.0/16. The allocated set is not a stored bitmap: it is derived from the Services in
// the store (what the repair loop keeps the bitmap equal to), so deleting a Service frees its IP.

import type { Rng } from "../../sim/random";
import { allocateBit, calculateRangeOffset } from "./bitmap-strategy";
import { ipToNumber, numberToIP, parseCidr } from "./ip-range";

export const SERVICE_CIDR = "10.96.0.0/16";

export class IPAllocationError extends Error {}

const cidr = parseCidr(SERVICE_CIDR);
// The network and broadcast addresses are never handed out: offset 0 is 10.96.0.1.
const first = cidr.base + 1;
const max = cidr.size - 2;
const staticBand = calculateRangeOffset(cidr.size, 16, 256, 16);

/**
 * Range.AllocateNext: a random free IP, from above the static band (10.96.1.1 and up) first.
 * @example allocateNextIP(new Set(["10.96.0.1"]), rng) // "10.96.143.27"
 */
export function allocateNextIP(used: ReadonlySet<string>, rng: Rng): string {
  const offset = allocateBit((i) => used.has(numberToIP(first + i)), max, staticBand, rng);
  if (offset === undefined) throw new IPAllocationError("range is full");
  return numberToIP(first + offset);
}

/** Range.Allocate: the error text upstream gives for a requested IP, or undefined when free. */
export function checkIP(ip: string, used: ReadonlySet<string>): string | undefined {
  const n = ipToNumber(ip);
  if (n === undefined || n < first || n >= first + max) {
    return `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`;
  }
  if (used.has(ip)) return "provided IP is already allocated";
  return undefined;
}
