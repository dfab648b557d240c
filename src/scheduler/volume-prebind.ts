// VolumeBinding's Reserve and PreBind: once a node is chosen for a pod with unbound
// WaitForFirstConsumer claims, the scheduler binds the matched static volumes (claimRef) and
// asks for provisioning on that node (annotation volume.kubernetes.io/selected-node), then
// holds the pod until every claim is Bound and only then binds it. Port of
// volume_binding.go Reserve/PreBind and binder.go AssumePodVolumes/BindPodVolumes. Upstream
// blocks in PreBind; here the scheduler remembers the assumed node and is woken by claim
// changes. (Upstream gives up after bindTimeout, 10m; kubesim waits on.)

import type { KubeObject, ObjectKey } from "../api/types";
import { keyOf, refOf } from "../api/types";
import type { ClusterView } from "../api/store/view";
import type { RuntimeWrite, Trigger, Write } from "../controllers/types";
import { ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE } from "../controllers/persistentvolume/annotations";
import { claimNamesOf, isBindCompleted } from "../controllers/persistentvolume/claims";
import { findPodVolumes, podVolumeClaims } from "./plugins/volume-binding";

interface Assumed {
  readonly uid: string;
  readonly node: string;
}

const assumedId = (key: ObjectKey): string => `volumebinding:${key}`;

/** The node this pod's volumes were assumed on, while the scheduler waits for them. */
export function assumedNode(view: ClusterView, pod: KubeObject): string | undefined {
  const rec = view.runtime(assumedId(keyOf(refOf(pod)))) as Assumed | undefined;
  return rec && rec.uid === pod.metadata.uid ? rec.node : undefined;
}

export function forgetAssumed(view: ClusterView, key: ObjectKey): RuntimeWrite[] {
  return view.runtime(assumedId(key)) === undefined ? [] : [{ podUid: assumedId(key), record: undefined }];
}

/** Every claim of the pod is bound (checkBindings): PreBind may let the pod go. */
export function podVolumesBound(view: ClusterView, pod: KubeObject): boolean {
  const ns = pod.metadata.namespace ?? "";
  return claimNamesOf(pod).every((name) => {
    const claim = view.get(`PersistentVolumeClaim/${ns}/${name}`);
    return claim !== undefined && Boolean(claim.spec?.volumeName) && isBindCompleted(claim);
  });
}

/**
 * Reserve: the API writes that bind the pod's delayed claims on `node`, and the record that
 * makes the scheduler wait; undefined when the pod has nothing to wait for.
 */
export function reserveVolumes(view: ClusterView, pod: KubeObject, node: KubeObject): { writes: Write[]; runtime: RuntimeWrite[] } | undefined {
  const state = podVolumeClaims(view, pod);
  if ("error" in state || state.delayed.length === 0) return undefined;
  const { matched } = findPodVolumes(state, node);
  const nodeName = node.metadata.name ?? "";
  const writes: Write[] = [];
  for (const { claim } of state.delayed) {
    const pv = matched.get(claim.metadata.name ?? "");
    if (pv) {
      const claimRef = { apiVersion: "v1", kind: "PersistentVolumeClaim", name: claim.metadata.name, namespace: claim.metadata.namespace, resourceVersion: claim.metadata.resourceVersion, uid: claim.metadata.uid };
      const annotations = { ...(pv.metadata.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: "yes" };
      writes.push({ op: "update", object: { ...pv, metadata: { ...pv.metadata, annotations }, spec: { ...pv.spec, claimRef } } });
    } else if (claim.metadata.annotations?.[ANN_SELECTED_NODE] !== nodeName) {
      const annotations = { ...(claim.metadata.annotations ?? {}), [ANN_SELECTED_NODE]: nodeName };
      writes.push({ op: "update", object: { ...claim, metadata: { ...claim.metadata, annotations } } });
    }
  }
  const record: Assumed = { uid: pod.metadata.uid ?? "", node: nodeName };
  return { writes, runtime: [{ podUid: assumedId(keyOf(refOf(pod))), record }] };
}

/** Pending pods that use claims: retried when claims, volumes or classes change. */
function pendingClaimUsers(view: ClusterView, isPending: (p: KubeObject) => boolean, ns?: string, claim?: string): ObjectKey[] {
  return view
    .list("Pod", ns)
    .filter((p) => isPending(p) && (claim === undefined ? claimNamesOf(p).length > 0 : claimNamesOf(p).includes(claim)))
    .map((p) => keyOf(refOf(p)));
}

export function volumeTriggers(isPending: (p: KubeObject) => boolean): Trigger[] {
  return [
    { kind: "PersistentVolumeClaim", keysFor: (c, view) => pendingClaimUsers(view, isPending, c.metadata.namespace, c.metadata.name) },
    { kind: "PersistentVolume", keysFor: (_pv, view) => pendingClaimUsers(view, isPending) },
    { kind: "StorageClass", keysFor: (_sc, view) => pendingClaimUsers(view, isPending) },
  ];
}
