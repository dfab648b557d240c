// One scheduling cycle for one pod: filter every node, score the feasible ones, pick the
// best. Port of pkg/scheduler/schedule_one.go (schedulePod, findNodesThatFitPod,
// prioritizeNodes, selectHost), without the queue, cache or extenders.

import type { KubeObject, ObjectKey } from "../api/types";
import { keyOf, refOf } from "../api/types";
import type { ClusterView } from "../api/store/view";
import type { Rng } from "../sim/random";
import type { FilterPlugin, NodeInfo, PluginContext, PluginStatus, Resources, SchedulerPlugin, ScorePlugin } from "./types";
import { addResourcesTo, computePodResourceRequest, emptyResources, isTerminated } from "./resources";
import { ERR_NO_NODES_AVAILABLE, fitErrorMessage, preFilterFitErrorMessage } from "./fit-error";
import { nodeUnschedulable } from "./plugins/node-unschedulable";
import { nodeName } from "./plugins/node-name";
import { taintToleration } from "./plugins/taint-toleration";
import { nodeAffinity } from "./plugins/node-affinity";
import { nodeResourcesFit } from "./plugins/node-resources-fit";
import { balancedAllocation } from "./plugins/balanced-allocation";
import { volumeBinding } from "./plugins/volume-binding";

/** Every plugin kubesim has, in the default profile's order (for suites run over all plugins). */
export const PLUGINS: readonly SchedulerPlugin[] = [nodeUnschedulable, nodeName, taintToleration, nodeAffinity, nodeResourcesFit, balancedAllocation, volumeBinding];

/** The default 1.32 profile's filters, in the order they run (a node stops at its first failure). */
export const FILTERS: readonly FilterPlugin[] = [nodeUnschedulable, nodeName, taintToleration, nodeAffinity, nodeResourcesFit, volumeBinding];
export const SCORERS: readonly ScorePlugin[] = [taintToleration, nodeResourcesFit, balancedAllocation];

export type ScheduleResult =
  | { readonly ok: true; readonly node: string; readonly evaluated: number; readonly feasible: number }
  | { readonly ok: false; readonly message: string };

/** NodeInfo for a node: its non-terminated pods and the sums of their requests. */
export function nodeInfoFor(view: ClusterView, node: KubeObject): NodeInfo {
  // Upstream's scheduler cache: a node's sums change only when its pods do, and a pod the
  // scheduler just bound there is added to them rather than summed again with all the others.
  const name = node.metadata.name ?? "";
  const revision = view.nodePodsRevision(name);
  const cached = nodeInfoCache.get(name);
  if (cached?.node === node) {
    if (cached.revision === revision) return cached.info;
    const joined = cached.assumed !== undefined && revision === cached.revision + 1 ? view.get(cached.assumed) : undefined;
    if (joined?.spec?.nodeName === name && !isTerminated(joined)) return remember(node, revision, withPod(cached.info, joined));
  }
  return remember(node, revision, computeNodeInfo(view, node));
}

/**
 * AssumePod: the scheduler is binding a pending pod to this node. If the bind is the only
 * change to the node's pods before it is scheduled onto again, the cached sums take the pod
 * alone (the revision moves by exactly one: a pod joined, and it can only be this one).
 */
function assumePod(view: ClusterView, pod: KubeObject, nodeName: string): void {
  const cached = nodeInfoCache.get(nodeName);
  if (cached && cached.revision === view.nodePodsRevision(nodeName)) cached.assumed = keyOf(refOf(pod));
}

interface CachedNodeInfo {
  /** The Node object the info was computed for (replaced on every change to the node). */
  readonly node: KubeObject;
  readonly revision: number;
  readonly info: NodeInfo;
  assumed?: ObjectKey;
}

/** Node name → its pods' sums at a revision. */
const nodeInfoCache = new Map<string, CachedNodeInfo>();

function remember(node: KubeObject, revision: number, info: NodeInfo): NodeInfo {
  nodeInfoCache.set(node.metadata.name ?? "", { node, revision, info });
  return info;
}

function withPod(info: NodeInfo, pod: KubeObject): NodeInfo {
  const requested: Record<string, number> = { ...info.requested };
  const nonZeroRequested: Record<string, number> = { ...info.nonZeroRequested };
  addResourcesTo(requested, computePodResourceRequest(pod));
  addResourcesTo(nonZeroRequested, computePodResourceRequest(pod, true));
  return { node: info.node, pods: [...info.pods, pod], requested: requested as Resources, nonZeroRequested: nonZeroRequested as Resources };
}

function computeNodeInfo(view: ClusterView, node: KubeObject): NodeInfo {
  const pods = view.podsOnNode(node.metadata.name ?? "").filter((p) => !isTerminated(p));
  // Summed in place, in pod order: the same sums addResources gives, without a copy per pod.
  const requested: Record<string, number> = emptyResources();
  const nonZeroRequested: Record<string, number> = emptyResources();
  for (const p of pods) {
    addResourcesTo(requested, computePodResourceRequest(p));
    addResourcesTo(nonZeroRequested, computePodResourceRequest(p, true));
  }
  return { node, pods, requested: requested as Resources, nonZeroRequested: nonZeroRequested as Resources };
}

/** RunFilterPlugins: the first failing plugin's status, or Success. */
export function runFilters(pod: KubeObject, ctx: PluginContext, filters = FILTERS): PluginStatus | undefined {
  for (const f of filters) {
    const status = f.filter(pod, ctx.nodeInfo.node, ctx);
    if (status.code !== "Success") return status;
  }
  return undefined;
}

export function schedulePod(view: ClusterView, pod: KubeObject, rng: Rng): ScheduleResult {
  const nodes = view.list("Node");
  if (nodes.length === 0) return { ok: false, message: ERR_NO_NODES_AVAILABLE };
  const cycleState = new Map<string, unknown>();
  for (const f of FILTERS) {
    const pre = f.preFilter?.(pod, view);
    if (pre?.status) return { ok: false, message: preFilterFitErrorMessage(nodes.length, pre.status, pod.spec?.preemptionPolicy) };
    if (pre?.state !== undefined) cycleState.set(f.name, pre.state);
  }
  const podRequest = computePodResourceRequest(pod);
  const podNonZeroRequest = computePodResourceRequest(pod, true);
  const feasible: PluginContext[] = [];
  const failures: PluginStatus[] = [];
  for (const node of nodes) {
    const ctx = { nodeInfo: nodeInfoFor(view, node), podRequest, podNonZeroRequest, cycleState };
    const status = runFilters(pod, ctx);
    if (status) failures.push(status);
    else feasible.push(ctx);
  }
  if (feasible.length === 0) {
    return { ok: false, message: fitErrorMessage(nodes.length, failures, pod.spec?.preemptionPolicy) };
  }
  // With one feasible node upstream skips scoring (and draws no random number).
  const chosen = feasible.length === 1 ? feasible[0] : feasible[selectHost(prioritizeNodes(pod, feasible), rng)];
  assumePod(view, pod, nameOf(chosen));
  return { ok: true, node: nameOf(chosen), evaluated: nodes.length, feasible: feasible.length };
}

/** Σ weight × (normalized) score per feasible node, in node order. */
export function prioritizeNodes(pod: KubeObject, feasible: readonly PluginContext[], scorers = SCORERS): number[] {
  const totals = feasible.map(() => 0);
  for (const plugin of scorers) {
    let scores = feasible.map((ctx) => plugin.score(pod, ctx.nodeInfo.node, ctx));
    if (plugin.normalize) scores = plugin.normalize(scores);
    scores.forEach((s, i) => (totals[i] += s * plugin.weight));
  }
  return totals;
}

/**
 * selectHost: the highest total wins; among equal totals each is picked with equal chance by
 * reservoir sampling (the k-th tie replaces the choice with probability 1/k), drawn from the
 * seeded rng so runs repeat.
 */
export function selectHost(totals: readonly number[], rng: Rng): number {
  let selected = 0;
  let ties = 1;
  for (let i = 1; i < totals.length; i++) {
    if (totals[i] > totals[selected]) {
      selected = i;
      ties = 1;
    } else if (totals[i] === totals[selected]) {
      ties++;
      if (rng.int(ties) === 0) selected = i;
    }
  }
  return selected;
}

function nameOf(ctx: PluginContext): string {
  return ctx.nodeInfo.node.metadata.name ?? "";
}
