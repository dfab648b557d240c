// The kubelets of every node as one controller: a key is a pod bound to a node. It syncs
// the pod when its node is Ready and forgets pods that are gone. Port of the dispatch in
// pkg/kubelet/kubelet.go (syncLoopIteration → podWorkers → SyncPod) and HandlePodCleanups.

import { withoutKeys } from "../api/dictionary";
import type { KubeObject, ObjectKey } from "../api/types";
import { keyOf, objectKey, refOf } from "../api/types";
import type { ClusterView } from "../api/store/view";
import type { Controller, Outcome, RuntimeWrite, Trigger } from "../controllers/types";
import { NOTHING } from "../controllers/types";
import { KUBELET, syncPod } from "./sync-pod";
import { nodeRecordId, readNodeRecord } from "./runtime-record";
import { volumeSourceNames } from "./volume-refresh";
import { isKubeletStopped } from "./kubelet-health";
import { isMirrorPod } from "../api/admission/mirror-pod";
import { notOnlyFinalizers } from "../controllers/shared/change-predicates";

export function isNodeReady(node: KubeObject): boolean {
  return ((node.status?.conditions ?? []) as { type: string; status: string }[]).some((c) => c.type === "Ready" && c.status === "True");
}

const podTrigger: Trigger = {
  kind: "Pod",
  // A Job's controller taking its tracking finalizer off a finished pod asks nothing of it.
  concerns: notOnlyFinalizers,
  keysFor: (obj, _view, key = keyOf(refOf(obj))) => (obj.spec?.nodeName ? [key] : []),
};

/** A node that changes (becomes Ready, say) wakes the kubelet for each of its pods. */
const nodeTrigger: Trigger = {
  kind: "Node",
  keysFor: (obj, view) => view.podsOnNode(obj.metadata.name ?? "").map((p) => keyOf(refOf(p))),
};

/**
 * A ConfigMap or Secret that changes may let a waiting pod go on (CreateContainerConfigError,
 * FailedMount): wake the bound pods of its namespace that have not started, and the running
 * ones whose volumes project it (the change propagates at their next periodic sync).
 */
const configTrigger = (kind: "ConfigMap" | "Secret"): Trigger => ({
  kind,
  keysFor: (obj, view) =>
    view
      .list("Pod", obj.metadata.namespace ?? "")
      .filter((p) => p.spec?.nodeName)
      .filter((p) => (p.status?.phase ?? "Pending") === "Pending" || volumeSourceNames(p, kind).includes(obj.metadata.name ?? ""))
      .map((p) => keyOf(refOf(p))),
});

export const kubelet: Controller = {
  name: KUBELET,
  primary: "Pod",
  wakeOn: [podTrigger, nodeTrigger, configTrigger("ConfigMap"), configTrigger("Secret")],
  derivedStatus: true,
  reconcile(view, key, now, rng) {
    const pod = view.get(key);
    const nodeName = pod?.spec?.nodeName;
    if (!pod || !nodeName) return cleanupPod(view, key, pod?.metadata.uid);
    const node = view.get(objectKey("Node", "", nodeName));
    // A missing or failed node has no kubelet to act: its pods stay as they are.
    if (!node || !isNodeReady(node) || isKubeletStopped(view, nodeName)) return NOTHING;
    // A deleted mirror pod does not stop its static pod: static-pods.ts re-creates the mirror.
    if (isMirrorPod(pod) && pod.metadata.deletionTimestamp) return NOTHING;
    const stale = staleRecords(view, nodeName, key, pod.metadata.uid ?? "");
    const out = syncPod(view, pod, node, now, rng);
    return stale.length === 0 ? out : { ...out, ...mergeNode(view, nodeName, stale, out) };
  },
};

/**
 * The records of a pod that is gone (force-deleted, or replaced by a new pod of the same
 * name): upstream's HandlePodCleanups. Found through the node records, which list their pods.
 */
function cleanupPod(view: ClusterView, key: ObjectKey, liveUid: string | undefined): Outcome {
  const runtime: RuntimeWrite[] = [];
  for (const node of view.list("Node")) {
    const name = node.metadata.name ?? "";
    const rec = readNodeRecord(view, name);
    const gone = staleRecords(view, name, key, liveUid);
    if (gone.length === 0) continue;
    const pods = withoutKeys(rec.pods, (uid) => gone.some((g) => g.podUid === uid));
    runtime.push(...gone, { podUid: nodeRecordId(name), record: { ...rec, pods } });
  }
  return runtime.length === 0 ? NOTHING : { writes: [], events: [], runtime };
}

/** Records under this key on this node that belong to a pod other than `uid` (an earlier pod of the same name). */
function staleRecords(view: ClusterView, nodeName: string, key: ObjectKey, uid: string | undefined): RuntimeWrite[] {
  // Every sync asks, of every pod on the node: a loop, not a filtered copy of the node's uids.
  const pods = readNodeRecord(view, nodeName).pods;
  const stale: RuntimeWrite[] = [];
  for (const u in pods) if (pods[u] === key && u !== uid) stale.push({ podUid: u, record: undefined });
  return stale;
}

function withoutNodeRecord(runtime: readonly RuntimeWrite[] | undefined, nodeName: string): RuntimeWrite[] {
  return (runtime ?? []).filter((r) => r.podUid !== nodeRecordId(nodeName));
}

/** The node record after the sync, minus the stale pods. */
function mergeNode(view: ClusterView, nodeName: string, stale: readonly RuntimeWrite[], out: Outcome): { runtime: RuntimeWrite[] } {
  const id = nodeRecordId(nodeName);
  const synced = out.runtime?.find((r) => r.podUid === id)?.record as ReturnType<typeof readNodeRecord> | undefined;
  const base = synced ?? readNodeRecord(view, nodeName);
  const goneUids = new Set(stale.map((s) => s.podUid));
  const pods = withoutKeys(base.pods, (u) => goneUids.has(u));
  return { runtime: [...stale, ...withoutNodeRecord(out.runtime, nodeName), { podUid: id, record: { ...base, pods } }] };
}
