// Pod and host addresses: the CNI's host-local allocation from the node's pod CIDR (the lowest
// free address from .2, .1 being the bridge) and the node's InternalIP as the host IP.

import type { KubeObject } from "../api/types";

function toInt(ip: string): number {
  return ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

function toIP(n: number): string {
  // Unsigned shifts: n may be above 2^31. Called for every address tried, so no arrays.
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/**
 * The lowest address of `cidr` from the second host on (10.244.1.2 in 10.244.1.0/24) that is
 * not taken, or undefined when the range is exhausted (the broadcast address is never used).
 */
export function allocatePodIP(cidr: string, taken: ReadonlySet<string>): string | undefined {
  const [base, bits] = cidr.split("/");
  const size = 2 ** (32 - Number(bits));
  const first = Math.floor(toInt(base) / size) * size;
  for (let n = first + 2; n < first + size - 1; n++) {
    const ip = toIP(n);
    if (!taken.has(ip)) return ip;
  }
  return undefined;
}

/** The node's pod CIDR; kind's first node's range when a node has none. */
export function podCIDROf(node: KubeObject): string {
  return node.spec?.podCIDR ?? node.spec?.podCIDRs?.[0] ?? "10.244.0.0/24";
}

/** The node's InternalIP (status.hostIP of its pods). */
export function hostIPOf(node: KubeObject): string | undefined {
  return ((node.status?.addresses ?? []) as { type: string; address: string }[]).find((a) => a.type === "InternalIP")?.address;
}
