// Status condition helpers: GetCondition / SetCondition / RemoveCondition as in
// pkg/controller/deployment/util/deployment_util.go and pkg/controller/replicaset/replica_set_utils.go
// (kubernetes v1.32). Never mutate their input.

import type { Condition } from "../../api/types";

export function getCondition(conditions: readonly Condition[] | undefined, type: string): Condition | undefined {
  return (conditions ?? []).find((c) => c.type === type);
}

/**
 * SetDeploymentCondition: a condition with the same status and reason is left alone; a changed
 * reason with the same status keeps lastTransitionTime; the new condition goes to the end.
 */
export function setCondition(conditions: readonly Condition[] | undefined, cond: Condition): Condition[] {
  const list = [...(conditions ?? [])];
  const current = getCondition(list, cond.type);
  if (current && current.status === cond.status && current.reason === cond.reason) return list;
  const next = { ...cond };
  if (current && current.status === cond.status) next.lastTransitionTime = current.lastTransitionTime;
  return [...removeCondition(list, cond.type), next];
}

export function removeCondition(conditions: readonly Condition[] | undefined, type: string): Condition[] {
  return (conditions ?? []).filter((c) => c.type !== type);
}
