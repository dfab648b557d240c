// Whether a node's kubelet is alive, kept as a runtime record (`kubelet:<node>`) beside the
// kubelets' other private state, so that a stopped kubelet costs no store write per tick.
// A live kubelet renews its Lease and posts status every 10s (pkg/kubelet/kubelet_node_status.go);
// the simulation models those heartbeats as "alive until stoppedAt", and the node lifecycle
// controller works out from stoppedAt when the node-monitor grace period runs out.

import { prefixedKey } from "../api/types";
import type { ClusterView } from "../api/store/view";

export interface KubeletHealth {
  /** The simulated instant (ms) the kubelet stopped posting status (sim node fail). */
  readonly stoppedAt?: number;
}

export const kubeletHealthId = (nodeName: string): string => prefixedKey("kubelet:", nodeName);

export function readKubeletHealth(view: Pick<ClusterView, "runtime">, nodeName: string): KubeletHealth {
  return (view.runtime(kubeletHealthId(nodeName)) as KubeletHealth | undefined) ?? {};
}

export function isKubeletStopped(view: Pick<ClusterView, "runtime">, nodeName: string): boolean {
  return readKubeletHealth(view, nodeName).stoppedAt !== undefined;
}
