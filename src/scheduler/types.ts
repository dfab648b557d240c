// The scheduler plugin contract (STYLE.md §4): a plugin is a small object whose filter says
// whether a pod may run on a node and whose score ranks the nodes that may. Port of the
// Filter/Score extension points of pkg/scheduler/framework/interface.go, without CycleState.

import type { KubeObject } from "../api/types";
import type { ClusterView } from "../api/store/view";

/** Resource amounts in the scheduler's units: cpu in millicores, memory in bytes. */
export interface Resources {
  readonly cpu: number;
  readonly memory: number;
  readonly [resource: string]: number;
}

/** What the scheduler knows about one node in a cycle (upstream's NodeInfo). */
export interface NodeInfo {
  readonly node: KubeObject;
  /** Non-terminated pods bound to the node. */
  readonly pods: readonly KubeObject[];
  /** Σ requests of those pods. */
  readonly requested: Resources;
  /** Σ requests with 100m / 200Mi for containers that request nothing (scoring only). */
  readonly nonZeroRequested: Resources;
}

/** The per-node context a plugin decides from. */
export interface PluginContext {
  readonly nodeInfo: NodeInfo;
  /** The incoming pod's request (computePodResourceRequest). */
  readonly podRequest: Resources;
  /** The incoming pod's request with the scoring defaults for unset requests. */
  readonly podNonZeroRequest: Resources;
  /** What PreFilter plugins computed for the pod in this cycle, by plugin name (CycleState). */
  readonly cycleState?: ReadonlyMap<string, unknown>;
}

/** A PreFilter's verdict: a failure for every node, or state for its Filter. */
export interface PreFilterResult {
  readonly status?: PluginStatus;
  readonly state?: unknown;
}

/**
 * Upstream's framework.Code: Unschedulable may be fixed by preemption (removing pods),
 * UnschedulableAndUnresolvable may not (affinity, taints, cordon).
 */
export type StatusCode = "Success" | "Unschedulable" | "UnschedulableAndUnresolvable";

export interface PluginStatus {
  readonly code: StatusCode;
  readonly reasons: readonly string[];
}

export const SUCCESS: PluginStatus = Object.freeze({ code: "Success", reasons: [] });

export function unschedulable(...reasons: string[]): PluginStatus {
  return { code: "Unschedulable", reasons };
}

export function unresolvable(...reasons: string[]): PluginStatus {
  return { code: "UnschedulableAndUnresolvable", reasons };
}

/**
 * A plugin of the default profile: a filter, a scorer, or both (as TaintToleration and
 * NodeResourcesFit are upstream).
 */
export interface SchedulerPlugin {
  readonly name: string;
  /** Once per cycle, before any Filter: whole-pod checks (VolumeBinding's claims). */
  preFilter?(pod: KubeObject, view: ClusterView): PreFilterResult;
  /** Whether the pod may run on the node. */
  filter?(pod: KubeObject, node: KubeObject, ctx: PluginContext): PluginStatus;
  /** The weight of the default 1.32 profile (scorers only). */
  readonly weight?: number;
  /** 0–100 (MaxNodeScore) before normalization. */
  score?(pod: KubeObject, node: KubeObject, ctx: PluginContext): number;
  /** NormalizeScore across all feasible nodes, when the plugin has one. */
  normalize?(scores: readonly number[]): number[];
}

export type FilterPlugin = SchedulerPlugin & Required<Pick<SchedulerPlugin, "filter">>;
export type ScorePlugin = SchedulerPlugin & Required<Pick<SchedulerPlugin, "score" | "weight">>;

export const MAX_NODE_SCORE = 100;
