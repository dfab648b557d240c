// A static pod's mirror in the API: the manifest's pod named `<name>-<node>`, bound to the node,
// owned by the Node, annotated with its config source, hash and first-seen time, tolerating
// every NoExecute taint (so node problems never evict it). Port of applyDefaults in
// pkg/kubelet/config/common.go and getPodWithMirrorAnnotation in pkg/kubelet/pod/mirror_client.go (v1.32).

import type { KubeObject } from "../api/types";
import { MIRROR_ANNOTATION } from "../api/admission/mirror-pod";
import type { StaticManifest } from "./static-pod-manifests";
import { deepCopy } from "../api/deep-copy";

export const CONFIG_HASH = "kubernetes.io/config.hash";
export const CONFIG_SEEN = "kubernetes.io/config.seen";
export const CONFIG_SOURCE = "kubernetes.io/config.source";

export function mirrorPodName(podName: string, nodeName: string): string {
  return `${podName}-${nodeName}`;
}

export function buildMirrorPod(manifest: StaticManifest & { pod: KubeObject }, nodeName: string, nodeUid: string): KubeObject {
  const source = manifest.pod;
  const spec = deepCopy(source.spec ?? {});
  spec.nodeName = nodeName;
  spec.tolerations = [...(spec.tolerations ?? []), { operator: "Exists", effect: "NoExecute" }];
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: mirrorPodName(source.metadata?.name ?? "", nodeName),
      namespace: source.metadata?.namespace || "default",
      ...(source.metadata?.labels ? { labels: deepCopy(source.metadata.labels) } : {}),
      annotations: {
        ...source.metadata?.annotations,
        [CONFIG_HASH]: manifest.hash,
        [MIRROR_ANNOTATION]: manifest.hash,
        [CONFIG_SEEN]: manifest.seenAt,
        [CONFIG_SOURCE]: "file",
      },
      ownerReferences: [{ apiVersion: "v1", kind: "Node", name: nodeName, uid: nodeUid, controller: true }],
    },
    spec,
  };
}
