// Propagating ConfigMap, Secret and pod-metadata changes into a running pod's volumes, as the
// kubelet's periodic sync does (pkg/kubelet/volumemanager reconciler remounting configMap,
// secret, downwardAPI and projected volumes, which report RequiresRemount). Upstream the delay
// is the sync period (1m) plus the configMap/secret cache TTL; the simulation makes it
// deterministic: a change the kubelet sees lands at the pod's next periodic sync, the sync
// instants counted in whole periods from the sandbox's creation (so at most 60s later).
// Only the volume blob changes: env vars were read at container start and stay as they were.

import type { KubeObject } from "../api/types";
import type { ClusterView } from "../api/store/view";
import { deepEqual } from "../api/deep-equal";
import { projectVolume } from "../runtime/fs";
import type { VolumeStore } from "../runtime/fs";
import { viewLookup } from "./pod-volumes";

/** The kubelet's syncFrequency (1m): how often a running pod's volumes are remounted. */
export const VOLUME_SYNC_PERIOD_MS = 60_000;

type VolumeSpec = { name: string; configMap?: any; secret?: any; downwardAPI?: any; projected?: any };

/** Volumes whose content comes from API objects and so is re-projected on change. */
function isRemountable(v: VolumeSpec): boolean {
  return Boolean(v.configMap || v.secret || v.downwardAPI || v.projected);
}

/**
 * The pod's periodic sync at or after `now`: sandbox creation plus a whole number of periods.
 * @example nextPeriodicSync(1000, 1000) === 1000; nextPeriodicSync(1000, 1001) === 61000
 */
export function nextPeriodicSync(sandboxCreatedAt: number, now: number): number {
  const periods = Math.max(0, Math.ceil((now - sandboxCreatedAt) / VOLUME_SYNC_PERIOD_MS));
  return sandboxCreatedAt + periods * VOLUME_SYNC_PERIOD_MS;
}

/**
 * The pod's volumes re-projected from the objects as they are now, or undefined when no blob
 * would change. emptyDir and external blobs are kept (their data is the pod's own); a volume
 * whose source is now missing keeps its last content, as upstream's failed remount does.
 */
export function remountedVolumes(view: ClusterView, pod: KubeObject, node: KubeObject, current: VolumeStore): VolumeStore | undefined {
  const input = { pod, lookup: viewLookup(view), allocatable: (node.status?.allocatable ?? {}) as Record<string, string> };
  let next: VolumeStore | undefined;
  for (const v of (pod.spec?.volumes ?? []) as VolumeSpec[]) {
    if (!isRemountable(v) || current[v.name] === undefined) continue;
    const r = projectVolume(v, input);
    if (r.ok !== true || deepEqual(r.data, current[v.name])) continue;
    next ??= { ...current };
    next[v.name] = r.data;
  }
  return next;
}

/** The names of the objects of `kind` (ConfigMap or Secret) the pod's volumes project. */
export function volumeSourceNames(pod: KubeObject, kind: "ConfigMap" | "Secret"): string[] {
  const names: string[] = [];
  for (const v of (pod.spec?.volumes ?? []) as VolumeSpec[]) {
    if (kind === "ConfigMap" && v.configMap?.name) names.push(v.configMap.name);
    if (kind === "Secret" && v.secret?.secretName) names.push(v.secret.secretName);
    for (const s of (v.projected?.sources ?? []) as { configMap?: { name?: string }; secret?: { name?: string } }[]) {
      const ref = kind === "ConfigMap" ? s.configMap : s.secret;
      if (ref?.name) names.push(ref.name);
    }
  }
  return names;
}
