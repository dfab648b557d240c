// Assembles a container's layers from stored blobs. Volume content lives in a VolumeStore keyed
// by ids the caller chooses (e.g. "pod/<uid>/cache" for an emptyDir, shared by the pod's
// containers and dropped with the pod; "pvc/<ns>/<claim>" for a claim, which outlives it).

import { normalizePath } from "./path";
import type { TreeData } from "./tree";
import type { Layer } from "./vfs";

/** Volume blobs by caller-chosen id. */
export type VolumeStore = Record<string, TreeData>;

/** One volumeMount of a container, pointing at a blob in the VolumeStore. */
export interface VolumeMountRef {
  volumeId: string;
  mountPath: string;
  readOnly?: boolean;
  /** The volumeMount's subPath (after subPathExpr expansion), relative to the volume's root. */
  subPath?: string;
  /**
   * The container's own copy of the volume, taken when it started: a subPath of a configMap,
   * secret, downwardAPI or projected volume is a bind mount of the file as it was then, so
   * later updates of the volume never reach it.
   */
  frozen?: TreeData;
}

/** What the kubelet stores per container: the writable layer is dropped on restart. */
export interface ContainerFsData {
  /** The image's files plus the pod's /etc files (see podEtcFiles), never written. */
  image: TreeData;
  /** The container's writable layer (replace with emptyTree() when the container restarts). */
  writable: TreeData;
  mounts: VolumeMountRef[];
}

/**
 * A tree from absolute paths, e.g. an image's files.
 * @example treeFromFiles({ "/etc/hostname": "web\n" }).files["etc/hostname"] === "web\n"
 */
export function treeFromFiles(files: Record<string, string>, dirs: readonly string[] = []): TreeData {
  const tree: TreeData = { files: {}, dirs: dirs.map((d) => normalizePath(d).slice(1)).filter((d) => d !== "") };
  for (const [path, content] of Object.entries(files)) tree.files[normalizePath(path).slice(1)] = content;
  return tree;
}

/**
 * The layers buildContainerFs takes. A mount whose blob is missing from the store is an error
 * of the caller (volumes are set up before containers start), reported by throwing.
 */
export function containerLayers(data: ContainerFsData, volumes: VolumeStore): Layer[] {
  const layers: Layer[] = [{ mountPath: "/", data: data.writable, lower: data.image }];
  for (const m of data.mounts) {
    const blob = m.frozen ?? volumes[m.volumeId];
    if (!blob) throw new Error(`volume ${m.volumeId} is not set up`);
    layers.push({ mountPath: m.mountPath, data: blob, readOnly: m.readOnly, ...(m.subPath && { subPath: m.subPath }) });
  }
  return layers;
}
