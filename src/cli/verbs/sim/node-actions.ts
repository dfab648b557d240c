// What the `sim node` verbs do to a cluster, kept apart from flag parsing: a machine joins
// (its kubelet registers a Node), its kubelet stops or comes back, or it is removed. The
// kubelet's state lives in runtime records (kubelet/kubelet-health.ts), so a silent kubelet
// writes nothing per tick; the node lifecycle controller is put on the agenda to notice it.

import type { Cluster } from "../../../sim/cluster";
import type { Condition, KubeObject } from "../../../api/types";
import type { NodeShape } from "../../../state/default-node";
import { buildNode } from "../../../state/default-node";
import { toRFC3339 } from "../../../sim/time";
import { recordEvent } from "../../../sim/recorder";
import { kubeletHealthId, readKubeletHealth } from "../../../kubelet/kubelet-health";
import { healthyConditions, nodeReadyEvent, registrationEvents } from "../../../kubelet/node-status";
import { nodeRecordId, readNodeRecord } from "../../../kubelet/runtime-record";
import { staticManifestsId } from "../../../kubelet/static-pod-manifests";
import { mirrorStateId } from "../../../kubelet/static-pods";
import { NODE_LIFECYCLE_CONTROLLER } from "../../../controllers/node-lifecycle";
import { viewOf } from "../../../api/store/view";
import { deepCopy } from "../../../api/deep-copy";

/** The next free flannel index: one past the highest 10.244.N.0/24 any node holds. */
export function nextNodeIndex(nodes: readonly KubeObject[]): number {
  const used = nodes.map((n) => Number(/^10\.244\.(\d+)\.0\/24$/.exec(n.spec?.podCIDR ?? "")?.[1] ?? -1));
  return Math.max(-1, ...used) + 1;
}

/** A new machine whose kubelet registers itself: a Ready node with the next pod CIDR and IP. */
export function addNode(cluster: Cluster, name: string, shape: NodeShape): KubeObject {
  const index = nextNodeIndex(cluster.store.list("Node"));
  const created = cluster.api.create(buildNode(index, name, toRFC3339(cluster.now), cluster.rng, shape), { trusted: true });
  for (const note of registrationEvents(created)) recordEvent(cluster, note, cluster.now, cluster.rng);
  // A node of this name deleted with kubectl may have left its kubelet's records behind.
  for (const id of [kubeletHealthId(name), mirrorStateId(name)]) if (cluster.runtime.delete(id)) cluster.runtimeWrites++;
  return created;
}

/** The kubelet stops posting status (the machine died or lost the network). */
export function failNode(cluster: Cluster, node: KubeObject): void {
  const name = node.metadata.name ?? "";
  if (readKubeletHealth(runtimeView(cluster), name).stoppedAt !== undefined) return;
  cluster.runtime.set(kubeletHealthId(name), { stoppedAt: cluster.now });
  cluster.runtimeWrites++;
  cluster.agenda.add({ due: cluster.now, component: NODE_LIFECYCLE_CONTROLLER, key: `Node//${name}` });
}

/** The kubelet is back: it posts healthy conditions, and the controllers lift the taints. */
export function recoverNode(cluster: Cluster, node: KubeObject): void {
  const name = node.metadata.name ?? "";
  if (cluster.runtime.delete(kubeletHealthId(name))) cluster.runtimeWrites++;
  const conditions = (node.status?.conditions ?? []) as Condition[];
  const next = healthyConditions(conditions, cluster.now);
  const wasReady = conditions.some((c) => c.type === "Ready" && c.status === "True");
  if (wasReady) return;
  const posted = cluster.api.updateStatus({ ...deepCopy(node), status: { ...node.status, conditions: next } });
  recordEvent(cluster, nodeReadyEvent(posted), cluster.now, cluster.rng);
}

/** The Node object goes; the machine's kubelet records go with it (its pods wait for pod GC). */
export function deleteNode(cluster: Cluster, node: KubeObject): void {
  const name = node.metadata.name ?? "";
  cluster.api.delete({ kind: "Node", namespace: "", name });
  const pods = readNodeRecord(viewOf(cluster.store, cluster.runtime), name).pods;
  for (const id of [...Object.keys(pods), nodeRecordId(name), kubeletHealthId(name), staticManifestsId(name), mirrorStateId(name)]) {
    if (cluster.runtime.delete(id)) cluster.runtimeWrites++;
  }
}

function runtimeView(cluster: Cluster) {
  return { runtime: (id: string) => cluster.runtime.get(id) };
}
