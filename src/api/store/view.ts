// The read-only view controllers, the scheduler and kubelets decide from. It answers from the
// store's indexes; it never exposes a way to write.

import type { KubeObject, ObjectKey } from "../types";
import type { Store } from "./store";

export interface ClusterView {
  get(key: ObjectKey): KubeObject | undefined;
  list(kind: string, namespace?: string): readonly KubeObject[];
  ownedBy(uid: string): readonly KubeObject[];
  /** Objects of a kind in a namespace that no controller owns, by name: what a controller may adopt. */
  orphans(kind: string, namespace: string): readonly KubeObject[];
  podsOnNode(nodeName: string): readonly KubeObject[];
  /** Pods bound to no node (by key). */
  unboundPods(): readonly KubeObject[];
  /** Changes whenever podsOnNode(nodeName) would answer differently: a cache key. */
  nodePodsRevision(nodeName: string): number;
  /** The kubelet's runtime record for a pod uid (kept in the state file beside the objects). */
  runtime(podUid: string): unknown;
}

export function viewOf(store: Store, runtime: ReadonlyMap<string, unknown>): ClusterView {
  return {
    get: (key) => store.get(key),
    list: (kind, ns) => store.list(kind, ns),
    ownedBy: (uid) => store.ownedBy(uid),
    orphans: (kind, ns) => store.orphans(kind, ns),
    podsOnNode: (node) => store.podsOnNode(node),
    unboundPods: () => store.unboundPods(),
    nodePodsRevision: (node) => store.nodePodsRevision(node),
    runtime: (uid) => runtime.get(uid),
  };
}
