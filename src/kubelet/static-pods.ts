// The kubelets' static pods: each manifest in a node's static pod folder runs on that node,
// and the kubelet keeps a mirror pod for it in the API. A deleted mirror is re-created (the
// static pod itself keeps running: its runtime record moves to the new mirror's uid); an edited
// manifest replaces the pod; a removed file stops it (the mirror goes at once). A mirror the
// API server refuses (it references a ServiceAccount, Secret, ConfigMap or PVC) is reported.
// Port of the static pod parts of pkg/kubelet/kubelet.go (SyncPod's mirror handling,
// deleteOrphanedMirrorPods) and pkg/kubelet/pod/mirror_client.go (v1.32). One key per node.

import { withEntry, withoutKeys } from "../api/dictionary";
import type { KubeObject, ObjectKey } from "../api/types";
import { keyOf, objectKey, parseKey, prefixedKey, refOf } from "../api/types";
import type { ClusterView } from "../api/store/view";
import type { Controller, EventNote, RuntimeWrite, Trigger, Write } from "../controllers/types";
import { NOTHING, self } from "../controllers/types";
import { isMirrorPod, mirrorPodRefusal } from "../api/admission/mirror-pod";
import { deepEqual } from "../api/deep-equal";
import { isKubeletStopped } from "./kubelet-health";
import { readStaticManifests } from "./static-pod-manifests";
import type { StaticManifest } from "./static-pod-manifests";
import { buildMirrorPod } from "./mirror-pod";
import { nodeRecordId, readNodeRecord } from "./runtime-record";
import { isNodeReady } from "./kubelet";

export const STATIC_PODS = "kubelet-static-pods";

/** What the kubelet remembers per manifest file: the version it mirrored and the uid the pod runs under. */
interface MirrorState {
  readonly hash: string;
  readonly podUid?: string;
  /** A refusal or a bad file was reported for this version. */
  readonly reported?: boolean;
}
type MirrorStates = Readonly<Record<string, MirrorState>>;

export const mirrorStateId = (nodeName: string): string => prefixedKey("static-mirrors:", nodeName);

const mirrorTrigger: Trigger = {
  kind: "Pod",
  keysFor: (obj) => (obj.spec?.nodeName && isMirrorPod(obj) ? [objectKey("Node", "", obj.spec.nodeName)] : []),
};

export const staticPods: Controller = {
  name: STATIC_PODS,
  primary: "Node",
  wakeOn: [self("Node"), mirrorTrigger],
  reconcile(view, key) {
    const node = view.get(key);
    const nodeName = parseKey(key).name;
    if (!node || !isNodeReady(node) || isKubeletStopped(view, nodeName)) return NOTHING;
    const states = (view.runtime(mirrorStateId(nodeName)) as MirrorStates | undefined) ?? {};
    const mirrors = new Map(view.podsOnNode(nodeName).filter(isMirrorPod).map((p) => [keyOf(refOf(p)), p]));
    const writes: Write[] = [];
    const events: EventNote[] = [];
    const runtime: RuntimeWrite[] = [];
    const next: Record<string, MirrorState> = {};
    const wanted = new Set<ObjectKey>();
    for (const m of readStaticManifests(view, nodeName)) {
      const prev = states[m.file]?.hash === m.hash ? states[m.file] : undefined;
      const refusal = m.pod ? mirrorPodRefusal(buildMirrorPod({ ...m, pod: m.pod }, nodeName, ""), nodeName) : undefined;
      if (!m.pod || refusal) {
        if (!prev?.reported) events.push(report(node, m, refusal));
        next[m.file] = { hash: m.hash, reported: true };
        continue;
      }
      const mirror = buildMirrorPod({ ...m, pod: m.pod }, nodeName, node.metadata.uid ?? "");
      const mirrorKey = keyOf(refOf(mirror));
      wanted.add(mirrorKey);
      const existing = mirrors.get(mirrorKey);
      const current = existing && !existing.metadata.deletionTimestamp && existing.metadata.annotations?.["kubernetes.io/config.mirror"] === m.hash;
      if (!current) {
        if (existing) writes.push(forceDelete(existing));
        writes.push({ op: "create", object: mirror });
        next[m.file] = { hash: m.hash, ...(prev?.podUid ? { podUid: prev.podUid } : {}) };
        continue;
      }
      const uid = existing.metadata.uid ?? "";
      if (prev?.podUid && prev.podUid !== uid) runtime.push(...moveRecord(view, nodeName, prev.podUid, uid, mirrorKey));
      next[m.file] = { hash: m.hash, podUid: uid };
    }
    for (const [k, pod] of mirrors) if (!wanted.has(k)) writes.push(forceDelete(pod));
    if (!deepEqual(next, states)) runtime.push({ podUid: mirrorStateId(nodeName), record: Object.keys(next).length > 0 ? next : undefined });
    return { writes, events, runtime };
  },
};

/** DeleteMirrorPod: grace 0 with the uid as precondition. */
function forceDelete(pod: KubeObject): Write {
  return { op: "delete", ref: refOf(pod), gracePeriodSeconds: 0, force: true, uid: pod.metadata.uid };
}

/** The static pod keeps running under its new mirror: its runtime record follows the uid. */
function moveRecord(view: ClusterView, nodeName: string, from: string, to: string, podKey: ObjectKey): RuntimeWrite[] {
  const record = view.runtime(from);
  if (record === undefined) return [];
  const node = readNodeRecord(view, nodeName);
  const pods = withEntry(withoutKeys(node.pods, (uid) => uid === from), to, podKey);
  return [
    { podUid: from, record: undefined },
    { podUid: to, record },
    { podUid: nodeRecordId(nodeName), record: { ...node, pods } },
  ];
}

/** The kubelet's log line about a manifest it cannot mirror, as an Event on the Node. */
function report(node: KubeObject, m: StaticManifest, refusal: string | undefined): EventNote {
  const name = node.metadata.name ?? "";
  return refusal
    ? { regarding: node, type: "Warning", reason: "FailedCreateMirrorPod", message: `Failed creating a mirror pod: ${refusal}`, source: "kubelet", host: name }
    : { regarding: node, type: "Warning", reason: "FailedStaticPodManifest", message: `Could not process manifest file "${m.file}": ${m.error}`, source: "kubelet", host: name };
}
