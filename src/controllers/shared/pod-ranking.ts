// Which pods a scale-down deletes first: ActivePodsWithRanks.Less from
// pkg/controller/controller_utils.go and getPodsToDelete / getPodsRankedByRelatedPodsOnSameNode
// from pkg/controller/replicaset/replica_set.go (kubernetes v1.32, with the PodDeletionCost and
// LogarithmicScaleDown features on, as they are by default). Pods that sort first go first.

import type { KubeObject } from "../../api/types";
import type { Instant } from "../../sim/time";
import { parseInstant } from "../../sim/time";
import { isPodActive, isPodReady, podReadySince } from "./controller-utils";

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
export const POD_DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

export interface RankedPod {
  readonly pod: KubeObject;
  /** Active related pods on the same node ("doubled up" pods have a higher rank). */
  readonly rank: number;
}

/**
 * getPodsToDelete: the first `diff` pods in deletion order. Ranking only happens when some must
 * stay. Ties that upstream's unstable sort leaves open are broken by name, for determinism.
 */
export function getPodsToDelete(
  filteredPods: readonly KubeObject[],
  relatedPods: readonly KubeObject[],
  diff: number,
  now: Instant,
): KubeObject[] {
  if (diff >= filteredPods.length) return [...filteredPods];
  const ranked = getPodsRankedByRelatedPodsOnSameNode(filteredPods, relatedPods);
  ranked.sort((a, b) => compareRankedPods(a, b, now));
  return ranked.slice(0, diff).map((r) => r.pod);
}

export function getPodsRankedByRelatedPodsOnSameNode(podsToRank: readonly KubeObject[], relatedPods: readonly KubeObject[]): RankedPod[] {
  const podsOnNode = new Map<string, number>();
  for (const pod of relatedPods) {
    if (!isPodActive(pod)) continue;
    const node = pod.spec?.nodeName ?? "";
    podsOnNode.set(node, (podsOnNode.get(node) ?? 0) + 1);
  }
  return podsToRank.map((pod) => ({ pod, rank: podsOnNode.get(pod.spec?.nodeName ?? "") ?? 0 }));
}

/** ActivePodsWithRanks.Less as a comparator: negative when a should be deleted before b. */
export function compareRankedPods(a: RankedPod, b: RankedPod, now: Instant): number {
  const pi = a.pod;
  const pj = b.pod;
  // 1. Unassigned < assigned.
  const ni = pi.spec?.nodeName ?? "";
  const nj = pj.spec?.nodeName ?? "";
  if (ni !== nj && (ni === "" || nj === "")) return ni === "" ? -1 : 1;
  // 2. Pending < Unknown < Running.
  const oi = PHASE_ORDINAL[pi.status?.phase ?? ""] ?? -1;
  const oj = PHASE_ORDINAL[pj.status?.phase ?? ""] ?? -1;
  if (oi !== oj) return oi - oj;
  // 3. Not ready < ready.
  const ri = isPodReady(pi);
  const rj = isPodReady(pj);
  if (ri !== rj) return ri ? 1 : -1;
  // 4. Lower pod-deletion-cost < higher.
  const ci = deletionCost(pi);
  const cj = deletionCost(pj);
  if (ci !== cj) return ci - cj;
  // 5. Doubled up < not doubled up.
  if (a.rank !== b.rank) return b.rank - a.rank;
  // 6. Ready for less time < more time, on a log2 scale; same bucket: lower uid first.
  if (ri && rj) {
    const ti = podReadySince(pi);
    const tj = podReadySince(pj);
    if (ti !== tj) {
      if (ti === undefined || tj === undefined) return afterOrZero(ti, tj) ? -1 : 1;
      const diff = logarithmicRankDiff(ti, tj, now);
      if (diff === 0) return compareStrings(pi.metadata.uid, pj.metadata.uid) || compareStrings(pi.metadata.name, pj.metadata.name);
      return diff;
    }
  }
  // 7. More container restarts < fewer.
  const mi = maxContainerRestarts(pi);
  const mj = maxContainerRestarts(pj);
  if (mi !== mj) return mj - mi;
  // 8. Newer < older, on a log2 scale; same bucket: lower uid first.
  const ki = created(pi);
  const kj = created(pj);
  if (ki !== kj) {
    if (ki === undefined || kj === undefined) return afterOrZero(ki, kj) ? -1 : 1;
    const diff = logarithmicRankDiff(ki, kj, now);
    if (diff === 0) return compareStrings(pi.metadata.uid, pj.metadata.uid) || compareStrings(pi.metadata.name, pj.metadata.name);
    return diff;
  }
  return compareStrings(pi.metadata.name, pj.metadata.name);
}

/**
 * logarithmicRankDiff: compares floor(log2(age in ns)) of two instants, so pods of similar age
 * (within a factor of two) tie. Negative when t1 is the more recent bucket.
 */
export function logarithmicRankDiff(t1: Instant, t2: Instant, now: Instant): number {
  const d1 = (now - t1) * 1e6;
  const d2 = (now - t2) * 1e6;
  const r1 = d1 > 0 ? Math.floor(Math.log2(d1)) : -1;
  const r2 = d2 > 0 ? Math.floor(Math.log2(d2)) : -1;
  return r1 - r2;
}

/** afterOrZero: an empty time counts as the newest. */
function afterOrZero(t1: Instant | undefined, t2: Instant | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

function deletionCost(pod: KubeObject): number {
  const v = pod.metadata.annotations?.[POD_DELETION_COST];
  const n = v === undefined ? 0 : Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : 0;
}

function maxContainerRestarts(pod: KubeObject): number {
  const statuses = (pod.status?.containerStatuses ?? []) as { restartCount?: number }[];
  return statuses.reduce((m, s) => Math.max(m, s.restartCount ?? 0), 0);
}

function created(pod: KubeObject): Instant | undefined {
  return pod.metadata.creationTimestamp ? parseInstant(pod.metadata.creationTimestamp) : undefined;
}

function compareStrings(a: string | undefined, b: string | undefined): number {
  const x = a ?? "";
  const y = b ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}
