// Port of pkg/registry/core/service/portallocator/allocator.go (v1.32) over the default
// --service-node-port-range 30000-32767. As for ClusterIPs, the allocated set is derived from
// the stored Services, so a deleted Service's ports are free again.

import type { Rng } from "../../sim/random";
import { allocateBit, calculateRangeOffset } from "./bitmap-strategy";

export const NODE_PORT_BASE = 30000;
export const NODE_PORT_SIZE = 2768;
const RANGE = `${NODE_PORT_BASE}-${NODE_PORT_BASE + NODE_PORT_SIZE - 1}`;
const staticBand = calculateRangeOffset(NODE_PORT_SIZE, 16, 128, 32);

export class PortAllocationError extends Error {}

/** PortAllocator.AllocateNext: a random free port, 30086 and up first. */
export function allocateNextPort(used: ReadonlySet<number>, rng: Rng): number {
  const offset = allocateBit((i) => used.has(NODE_PORT_BASE + i), NODE_PORT_SIZE, staticBand, rng);
  if (offset === undefined) throw new PortAllocationError("range is full");
  return NODE_PORT_BASE + offset;
}

/** PortAllocator.Allocate: the error text for a requested port, or undefined when free. */
export function checkPort(port: number, used: ReadonlySet<number>): string | undefined {
  if (port < NODE_PORT_BASE || port >= NODE_PORT_BASE + NODE_PORT_SIZE) {
    return `provided port is not in the valid range. The range of valid ports is ${RANGE}`;
  }
  if (used.has(port)) return "provided port is already allocated";
  return undefined;
}
