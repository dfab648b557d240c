// The text of a scheduling failure, as FitError.Error() builds it (pkg/scheduler/framework/
// types.go), with the default preemption plugin's verdict appended (PostFilter in
// pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go).

import type { PluginStatus } from "./types";

/** When the cluster has no nodes at all (upstream's ErrNoNodesAvailable). */
export const ERR_NO_NODES_AVAILABLE = "no nodes available to schedule pods";

/** Preemption reasons per node (preemption.go: nodesWherePreemptionMightHelp, findCandidates). */
export const PREEMPTION_NOT_HELPFUL = "Preemption is not helpful for scheduling";
export const NO_PREEMPTION_VICTIMS = "No preemption victims found for incoming pod";
export const PREEMPTION_POLICY_NEVER = "not eligible due to preemptionPolicy=Never";

/**
 * "0/3 nodes are available: 1 node(s) had untolerated taint {…}, 2 Insufficient cpu."
 * Each distinct reason is counted over nodes and rendered "<count> <reason>"; the parts are
 * sorted as whole strings (so "10 …" sorts before "2 …", as upstream's sort.Strings does).
 */
export function nodesAvailableMessage(numAllNodes: number, statuses: readonly PluginStatus[]): string {
  const counts = new Map<string, number>();
  for (const s of statuses) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const parts = [...counts].map(([reason, n]) => `${n} ${reason}`).sort(compareStrings);
  return `0/${numAllNodes} nodes are available: ${parts.join(", ")}.`;
}

/**
 * The whole FailedScheduling text: the filter reasons, then what preemption found. kubesim
 * does not evict victims yet, so every node that removing pods could help reports that no
 * victims were found (true whenever all pods share the incoming pod's priority).
 */
export function fitErrorMessage(numAllNodes: number, statuses: readonly PluginStatus[], preemptionPolicy?: string): string {
  const filterMsg = nodesAvailableMessage(numAllNodes, statuses);
  if (preemptionPolicy === "Never") return `${filterMsg} preemption: ${PREEMPTION_POLICY_NEVER}.`;
  const preemption = statuses.map((s) => ({
    code: s.code,
    reasons: [s.code === "UnschedulableAndUnresolvable" ? PREEMPTION_NOT_HELPFUL : NO_PREEMPTION_VICTIMS],
  }));
  return `${filterMsg} preemption: ${nodesAvailableMessage(numAllNodes, preemption)}`;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A PreFilter failure (FitError with PreFilterMsg): its message stands alone, and every node
 * gets the same unresolvable status, so preemption is not helpful anywhere.
 * @example 0/3 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.
 */
export function preFilterFitErrorMessage(numAllNodes: number, status: PluginStatus, preemptionPolicy?: string): string {
  const filterMsg = `0/${numAllNodes} nodes are available: ${status.reasons.join(", ")}.`;
  if (preemptionPolicy === "Never") return `${filterMsg} preemption: ${PREEMPTION_POLICY_NEVER}.`;
  const everyNode = Array.from({ length: numAllNodes }, () => ({ code: status.code, reasons: [PREEMPTION_NOT_HELPFUL] }));
  return `${filterMsg} preemption: ${nodesAvailableMessage(numAllNodes, everyNode)}`;
}
