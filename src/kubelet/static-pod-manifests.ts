// The static pod manifests of a node, as the edge read them from the node's static pod folder
// (state/static-pod-dirs.ts) and handed them to the simulation: one runtime record per node
// (`static:<node>`), so the kubelet never touches files. Each entry keeps the file's content
// hash: unchanged files cost nothing on the next read.

import type { KubeObject } from "../api/types";
import { prefixedKey } from "../api/types";
import type { ClusterView } from "../api/store/view";

export interface StaticManifest {
  /** The file name within the folder, e.g. "static-web.yaml". */
  readonly file: string;
  /** The kubelet's config hash of the pod (kubernetes.io/config.hash). */
  readonly hash: string;
  /** When the kubelet first saw this version of the file (kubernetes.io/config.seen). */
  readonly seenAt: string;
  /** The pod the file describes, as written. */
  readonly pod?: KubeObject;
  /** Why the file could not be used as a pod. */
  readonly error?: string;
}

export interface StaticManifests {
  readonly manifests: readonly StaticManifest[];
}

export const staticManifestsId = (nodeName: string): string => prefixedKey("static:", nodeName);

export function readStaticManifests(view: Pick<ClusterView, "runtime">, nodeName: string): readonly StaticManifest[] {
  return (view.runtime(staticManifestsId(nodeName)) as StaticManifests | undefined)?.manifests ?? [];
}
