// Port of staging/src/k8s.io/endpointslice/reconciler.go (kubernetes v1.32): reconcile,
// reconcileByAddressType and reconcileByPortMapping. Existing slices keep the endpoints that
// are still desired (updated in place when their conditions change), lose the others (a slice
// left empty is deleted), and new endpoints fill slices being updated first, then unchanged
// slices with room, then new slices. Slices of port sets no longer desired are deleted; when no
// slice would remain, a placeholder without ports or endpoints stands in.

import type { KubeObject } from "../../api/types";
import { sameJSON } from "../shared/canonical";
import type { Endpoint, PortGroup } from "./desired";
import { endpointKey, portMapKey } from "./desired";

/** maxEndpointsPerSlice: the controller's --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

export interface SlicePlan {
  create: { ports: any[] | null; endpoints: Endpoint[] }[];
  update: { slice: KubeObject; endpoints: Endpoint[] }[];
  delete: KubeObject[];
  /** Slices whose endpoints are unchanged (their labels may still need an update). */
  unchanged: KubeObject[];
}

export function reconcileSlices(existing: readonly KubeObject[], desired: readonly PortGroup[]): SlicePlan {
  const plan: SlicePlan = { create: [], update: [], delete: [], unchanged: [] };
  const existingByPorts = new Map<string, KubeObject[]>();
  for (const slice of existing) {
    const k = portMapKey(slice.ports as any[] | undefined);
    existingByPorts.set(k, [...(existingByPorts.get(k) ?? []), slice]);
  }
  for (const group of desired) reconcileByPortMapping(existingByPorts.get(group.key) ?? [], group, plan);
  const desiredKeys = new Set(desired.map((g) => g.key));
  for (const [k, slices] of existingByPorts) if (!desiredKeys.has(k)) plan.delete.push(...slices);

  // When no endpoint slices would usually exist, a placeholder does; an existing placeholder is kept.
  if (existing.length === plan.delete.length && plan.create.length === 0) {
    const only = plan.delete.length === 1 ? plan.delete[0] : undefined;
    if (only && isPlaceholder(only)) {
      plan.delete = [];
      plan.unchanged.push(only);
    } else plan.create.push({ ports: null, endpoints: [] });
  }
  return plan;
}

function isPlaceholder(slice: KubeObject): boolean {
  return ((slice.ports ?? []) as unknown[]).length === 0 && ((slice.endpoints ?? []) as unknown[]).length === 0;
}

function reconcileByPortMapping(slices: readonly KubeObject[], group: PortGroup, plan: SlicePlan): void {
  const desired = new Map(group.endpoints.map((ep) => [endpointKey(ep), ep]));
  const toUpdate: { slice: KubeObject; endpoints: Endpoint[] }[] = [];
  const unchanged: KubeObject[] = [];
  for (const slice of slices) {
    const kept: Endpoint[] = [];
    let updated = false;
    for (const ep of (slice.endpoints ?? []) as Endpoint[]) {
      const want = desired.get(endpointKey(ep));
      if (!want) continue;
      kept.push(want);
      if (!sameJSON(want, ep)) updated = true;
      desired.delete(endpointKey(ep));
    }
    if (updated || kept.length !== ((slice.endpoints ?? []) as unknown[]).length) {
      if (kept.length === 0) plan.delete.push(slice);
      else toUpdate.push({ slice, endpoints: kept });
    } else unchanged.push(slice);
  }
  const remaining = [...desired.values()];
  // Fill the slices being updated first, fullest first.
  for (const u of [...toUpdate].sort((a, b) => b.endpoints.length - a.endpoints.length)) {
    while (remaining.length > 0 && u.endpoints.length < MAX_ENDPOINTS_PER_SLICE) u.endpoints.push(remaining.shift()!);
  }
  while (remaining.length > 0) {
    // getSliceToFill: the unchanged slice with the least room that still fits what is left.
    let fill: KubeObject | undefined;
    if (remaining.length < MAX_ENDPOINTS_PER_SLICE) {
      const fits = unchanged.filter((s) => MAX_ENDPOINTS_PER_SLICE - ((s.endpoints ?? []) as unknown[]).length >= remaining.length);
      fill = fits.sort((a, b) => ((b.endpoints ?? []) as unknown[]).length - ((a.endpoints ?? []) as unknown[]).length)[0];
    }
    const batch = remaining.splice(0, fill ? remaining.length : MAX_ENDPOINTS_PER_SLICE);
    if (fill) {
      unchanged.splice(unchanged.indexOf(fill), 1);
      toUpdate.push({ slice: fill, endpoints: [...((fill.endpoints ?? []) as Endpoint[]), ...batch] });
    } else plan.create.push({ ports: group.ports, endpoints: batch });
  }
  plan.update.push(...toUpdate);
  plan.unchanged.push(...unchanged);
}
