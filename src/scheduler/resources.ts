// Pod resource requests as the scheduler counts them. Port of
// k8s.io/component-helpers/resource/helpers.go (PodRequests) and the non-zero defaults of
// pkg/scheduler/util/pod_resources.go (GetNonzeroRequests).

import type { KubeObject } from "../api/types";
import { resourceValue } from "../api/quantity";
import type { Resources } from "./types";

/** Scoring counts a container without a cpu/memory request as this much (upstream's defaults). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

type Container = { resources?: { requests?: Record<string, string> }; restartPolicy?: string };

export function emptyResources(): Resources {
  return { cpu: 0, memory: 0 };
}

export function addResources(a: Resources, b: Resources): Resources {
  const out: Record<string, number> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out as Resources;
}

/** a += b, key by key (for sums over many pods, where a copy per addition is garbage). */
export function addResourcesTo(a: Record<string, number>, b: Resources): void {
  for (const k in b) a[k] = (a[k] ?? 0) + (b as Record<string, number>)[k];
}

function maxResources(a: Resources, b: Resources): Resources {
  const out: Record<string, number> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = Math.max(out[k] ?? 0, v);
  return out as Resources;
}

function containerRequest(c: Container, nonZero: boolean): Resources {
  const out: Record<string, number> = { cpu: 0, memory: 0 };
  for (const [name, q] of Object.entries(c.resources?.requests ?? {})) out[name] = resourceValue(name, q);
  if (nonZero) {
    if (c.resources?.requests?.cpu === undefined) out.cpu = DEFAULT_MILLI_CPU_REQUEST;
    if (c.resources?.requests?.memory === undefined) out.memory = DEFAULT_MEMORY_REQUEST;
  }
  return out as Resources;
}

/**
 * PodRequests: max(Σ regular containers + Σ sidecars, each init container + the sidecars
 * started before it) + overhead. Example: containers 100m + 200m and one init container of
 * 500m → max(300m, 500m) = 500m.
 */
export function computePodResourceRequest(pod: KubeObject, nonZero = false): Resources {
  // Stored objects are replaced, never mutated, so a pod's request can be remembered by
  // identity (upstream's scheduler cache keeps the same sums per node). Binding and status
  // writes make a new pod but keep its containers array, so a pod with nothing else that
  // counts (init containers, overhead) is remembered by that array.
  const spec = pod.spec;
  const key: object = spec?.containers && !spec.initContainers && !spec.overhead ? spec.containers : pod;
  const memo = nonZero ? nonZeroMemo : memoRequests;
  let cached = memo.get(key);
  if (!cached) memo.set(key, (cached = computeRequest(pod, nonZero)));
  return cached;
}

const memoRequests = new WeakMap<object, Resources>();
const nonZeroMemo = new WeakMap<object, Resources>();

function computeRequest(pod: KubeObject, nonZero: boolean): Resources {
  let reqs = emptyResources();
  for (const c of (pod.spec?.containers ?? []) as Container[]) reqs = addResources(reqs, containerRequest(c, nonZero));
  let sidecars = emptyResources();
  let initMax = emptyResources();
  for (const c of (pod.spec?.initContainers ?? []) as Container[]) {
    const r = containerRequest(c, nonZero);
    if (c.restartPolicy === "Always") {
      sidecars = addResources(sidecars, r);
      initMax = maxResources(initMax, sidecars);
    } else {
      initMax = maxResources(initMax, addResources(sidecars, r));
    }
  }
  reqs = maxResources(addResources(reqs, sidecars), initMax);
  const overhead: Record<string, number> = {};
  for (const [name, q] of Object.entries((pod.spec?.overhead ?? {}) as Record<string, string>)) overhead[name] = resourceValue(name, q);
  return addResources(reqs, overhead as Resources);
}

/** A pod that has finished no longer holds resources on its node. */
export function isTerminated(pod: KubeObject): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}
