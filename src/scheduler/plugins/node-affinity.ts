// NodeAffinity: the pod's nodeSelector and required node affinity must match the node.
// Port of pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go and
// k8s.io/component-helpers/scheduling/corev1/nodeaffinity (the term matching).

import type { KubeObject } from "../../api/types";
import type { FilterPlugin } from "../types";
import { SUCCESS, unresolvable } from "../types";

export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";

export interface NodeSelectorRequirement {
  key: string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist" | "Gt" | "Lt";
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

function matchesRequirement(r: NodeSelectorRequirement, fields: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(fields, r.key);
  const value = fields[r.key];
  const values = r.values ?? [];
  switch (r.operator) {
    case "In":
      return has && values.includes(value);
    case "NotIn":
      return !has || !values.includes(value);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    case "Gt":
    case "Lt": {
      // Both sides must be integers; anything else does not match.
      if (!has || values.length !== 1 || !/^-?\d+$/.test(value) || !/^-?\d+$/.test(values[0])) return false;
      return r.operator === "Gt" ? Number(value) > Number(values[0]) : Number(value) < Number(values[0]);
    }
    default:
      return false;
  }
}

/** A term matches when all its requirements do; a term with none matches nothing. */
export function matchesTerm(term: NodeSelectorTerm, node: KubeObject): boolean {
  const exprs = term.matchExpressions ?? [];
  const fieldReqs = term.matchFields ?? [];
  if (exprs.length === 0 && fieldReqs.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  const fields = { "metadata.name": node.metadata.name ?? "" };
  return exprs.every((r) => matchesRequirement(r, labels)) && fieldReqs.every((r) => matchesRequirement(r, fields));
}

/** GetRequiredNodeAffinity(pod).Match(node): nodeSelector AND (terms ORed). */
export function matchesRequiredNodeAffinity(pod: KubeObject, node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  const selector = (pod.spec?.nodeSelector ?? {}) as Record<string, string>;
  if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) return false;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return ((required.nodeSelectorTerms ?? []) as NodeSelectorTerm[]).some((t) => matchesTerm(t, node));
}

export const nodeAffinity: FilterPlugin = {
  name: "NodeAffinity",
  filter(pod, node) {
    return matchesRequiredNodeAffinity(pod, node) ? SUCCESS : unresolvable(ERR_REASON_POD);
  },
};
