// A container's read-only image layer as kubesim models it: the directories every Linux image
// has, the pod's /etc files (hostname, hosts, resolv.conf) and the few image files modelled
// (busybox's binary). Kept apart from container-process.ts so that the runtime-record encoding
// (record-encoding.ts) can rebuild it without loading the shell interpreter.

import { podEtcFiles } from "../runtime/fs/pod-etc-files";
import type { PodEtcInput } from "../runtime/fs/pod-etc-files";
import { treeFromFiles } from "../runtime/fs/container-layers";
import type { TreeData } from "../runtime/fs/tree";

/** The directories every Linux image has (the catalog models no image files yet). */
export const IMAGE_DIRS = ["/bin", "/dev", "/etc", "/home", "/lib", "/mnt", "/opt", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr/bin", "/usr/lib", "/usr/local/bin", "/usr/sbin", "/usr/share", "/var/log", "/var/run", "/var/tmp"];

/** IMAGE_DIRS as a tree holds them, normalised once: every runtime record's load rebuilds this layer. */
const TREE_DIRS = treeFromFiles({}, IMAGE_DIRS).dirs;

/** The image layer: the pod's /etc files, then `imageFiles` (absolute paths), over IMAGE_DIRS. */
export function podImageLayer(etc: PodEtcInput, imageFiles: Readonly<Record<string, string>>): TreeData {
  const tree = treeFromFiles({ ...podEtcFiles(etc), ...imageFiles });
  tree.dirs = [...TREE_DIRS];
  return tree;
}
