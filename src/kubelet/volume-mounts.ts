// A container's volumeMounts as mounts of its filesystem. Port of pkg/kubelet/kubelet_pods.go
// makeMounts (v1.32): subPathExpr is expanded over the container's environment; a subPath
// missing from a writable volume (emptyDir, PVC) is created as a directory before it is bind-
// mounted; configMap, secret, downwardAPI and projected volumes are mounted read-only, and a
// subPath of one of them is the content as it was when the container started — the kernel's
// bind mount pins what the kubelet's atomic writer later swaps out, so updates never reach it.

import { dictionary } from "../api/dictionary";
import type { VolumeMountRef, VolumeStore } from "../runtime/fs";
import { normalizePath, OverlayView } from "../runtime/fs";
import { expand, mappingFuncFor } from "../runtime/env";
import { deepCopy } from "../api/deep-copy";

export interface VolumeMountSpec {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  subPath?: string;
  subPathExpr?: string;
}

type VolumeSpec = { name: string; configMap?: unknown; secret?: unknown; downwardAPI?: unknown; projected?: unknown };

/** Volumes the kubelet writes atomically from API data: read-only, and updated in place. */
function isAPIDataVolume(v: VolumeSpec | undefined): boolean {
  return Boolean(v && (v.configMap || v.secret || v.downwardAPI || v.projected));
}

/**
 * The pod's volumes as its containers may write them: the writable ones (emptyDir, PVC)
 * copied, the API-data ones shared, since they are mounted read-only and only ever replaced.
 */
export function writableCopy(podVolumes: readonly VolumeSpec[], volumes: VolumeStore): VolumeStore {
  const out: VolumeStore = dictionary();
  for (const [name, data] of Object.entries(volumes)) out[name] = isAPIDataVolume(podVolumes.find((v) => v.name === name)) ? data : deepCopy(data);
  return out;
}

/**
 * The mounts of one container, in spec order. Mounts of volumes the pod has not set up are
 * skipped. Writes into `volumes` (a created subPath directory) land in the caller's copy.
 * @example containerMounts([{ name: "cfg", mountPath: "/etc/app.conf", subPath: "app.conf" }], podVolumes, volumes, {})
 *   // → [{ volumeId: "cfg", mountPath: "/etc/app.conf", readOnly: true, subPath: "app.conf", frozen: {…} }]
 */
export function containerMounts(
  mounts: readonly VolumeMountSpec[],
  podVolumes: readonly VolumeSpec[],
  volumes: VolumeStore,
  env: Readonly<Record<string, string>>,
): VolumeMountRef[] {
  const out: VolumeMountRef[] = [];
  for (const m of mounts) {
    const blob = volumes[m.name];
    if (blob === undefined) continue;
    const apiData = isAPIDataVolume(podVolumes.find((v) => v.name === m.name));
    const rawSubPath = m.subPathExpr ? expand(m.subPathExpr, mappingFuncFor(env)) : m.subPath;
    const subPath = rawSubPath ? normalizePath(rawSubPath).slice(1) : "";
    const ref: VolumeMountRef = { volumeId: m.name, mountPath: m.mountPath, ...((m.readOnly || apiData) && { readOnly: true }) };
    if (subPath === "") {
      out.push(ref);
      continue;
    }
    const data = apiData ? deepCopy(blob) : blob;
    const view = new OverlayView(data);
    if (view.kind(subPath) === undefined) view.addDir(subPath);
    out.push({ ...ref, subPath, ...(apiData && { frozen: data }) });
  }
  return out;
}
