// maxSurge / maxUnavailable arithmetic: GetScaledValueFromIntOrPercent
// (apimachinery/pkg/util/intstr), ResolveFenceposts, MaxSurge, MaxUnavailable and NewRSNewReplicas
// from pkg/controller/deployment/util/deployment_util.go (kubernetes v1.32).

import type { KubeObject } from "../../api/types";
import { getReplicaCountForReplicaSets, isRollingUpdate, replicas } from "./util";

/**
 * An int, or a percent of total rounded up (surge) or down (unavailability).
 * Example: 25% of 10 is 3 rounded up and 2 rounded down.
 */
export function getScaledValueFromIntOrPercent(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === "number") return value;
  const m = /^(-?\d+)%$/.exec(value);
  // Validation rejects anything else; a bare numeric string is read as an int.
  if (!m) return Number.parseInt(value, 10) || 0;
  const scaled = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/**
 * ResolveFenceposts: [surge, unavailable]. If both resolve to 0 (a literal 0/0 is refused by
 * validation, but 25% of 1 rounds down to 0 with surge 0), unavailable becomes 1.
 */
export function resolveFenceposts(maxSurge: number | string | undefined, maxUnavailable: number | string | undefined, desired: number): [number, number] {
  const surge = getScaledValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  let unavailable = getScaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

/** MaxSurge: 0 unless RollingUpdate. */
export function maxSurge(d: KubeObject): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  return resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicas(d))[0];
}

/** MaxUnavailable: 0 unless RollingUpdate with replicas > 0; never more than replicas. */
export function maxUnavailable(d: KubeObject): number {
  if (!isRollingUpdate(d) || replicas(d) === 0) return 0;
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  return Math.min(resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicas(d))[1], replicas(d));
}

/**
 * NewRSNewReplicas: how big the new RS may be now. Rolling: grow by what the surge allows,
 * never past R. Example: R=10, surge 3, all RSes total 10, new RS 0 → min(13-10, 10-0) = 3.
 * Recreate: R at once.
 */
export function newRSNewReplicas(d: KubeObject, allRSs: readonly (KubeObject | undefined)[], newRS: KubeObject): number {
  if (!isRollingUpdate(d)) return replicas(d);
  const surge = getScaledValueFromIntOrPercent(d.spec?.strategy?.rollingUpdate?.maxSurge ?? "25%", replicas(d), true);
  const currentPodCount = getReplicaCountForReplicaSets(allRSs);
  const maxTotalPods = replicas(d) + surge;
  if (currentPodCount >= maxTotalPods) return replicas(newRS);
  const scaleUpCount = Math.min(maxTotalPods - currentPodCount, replicas(d) - replicas(newRS));
  return replicas(newRS) + scaleUpCount;
}
