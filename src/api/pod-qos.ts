// A pod's QoS class from its containers' requests and limits.
// Port of pkg/apis/core/v1/helper/qos/qos.go (GetPodQOS).

import type { KubeObject } from "./types";
import { resourceValue } from "./quantity";

type Resources = { requests?: Record<string, string>; limits?: Record<string, string> };

const COMPUTE = ["cpu", "memory"];

/**
 * Guaranteed: every container limits cpu and memory and requests equal limits;
 * BestEffort: nobody requests or limits either; Burstable: everything else.
 */
export function getPodQOS(pod: KubeObject): "Guaranteed" | "Burstable" | "BestEffort" {
  const requests: Record<string, number> = {};
  const limits: Record<string, number> = {};
  let isGuaranteed = true;
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])] as { resources?: Resources }[];
  for (const c of containers) {
    const lim = c.resources?.limits ?? {};
    // The API server defaults a missing request to its limit.
    const req = { ...lim, ...(c.resources?.requests ?? {}) };
    for (const name of COMPUTE) {
      const r = resourceValue(name, req[name]);
      if (r > 0) requests[name] = (requests[name] ?? 0) + r;
      const l = resourceValue(name, lim[name]);
      if (l > 0) limits[name] = (limits[name] ?? 0) + l;
    }
    if (!COMPUTE.every((name) => resourceValue(name, lim[name]) > 0)) isGuaranteed = false;
  }
  if (Object.keys(requests).length === 0 && Object.keys(limits).length === 0) return "BestEffort";
  if (isGuaranteed && Object.keys(requests).every((name) => requests[name] === limits[name])) {
    if (Object.keys(requests).length === Object.keys(limits).length) return "Guaranteed";
  }
  return "Burstable";
}
