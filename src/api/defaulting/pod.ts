// Pod defaults: SetDefaults_Pod (pkg/apis/core/v1/defaults.go) on top of the pod spec ones,
// plus what admission adds to every Pod (and never to templates): the ServiceAccount
// plugin's service account, DefaultTolerationSeconds' tolerations and Priority's fields.

import type { KubeObject } from "../types";
import { setDefaultsPodSpec } from "./pod-spec";
import { deepFreeze } from "../deep-freeze";

type Obj = Record<string, any>;

/** DefaultTolerationSeconds admission: --default-not-ready/unreachable-toleration-seconds. */
export const DefaultTolerationSeconds = 300;
const NOT_READY = "node.kubernetes.io/not-ready";
const UNREACHABLE = "node.kubernetes.io/unreachable";

/** Requests default to limits, for Pods only (not templates), as upstream notes. */
function defaultRequestsToLimits(c: Obj): void {
  const limits = c.resources?.limits;
  if (!limits) return;
  c.resources.requests ??= {};
  for (const [k, v] of Object.entries(limits)) if (!(k in c.resources.requests)) c.resources.requests[k] = v;
}

function tolerates(tolerations: Obj[], key: string): boolean {
  return tolerations.some((t) => (t.key === key || !t.key) && (t.effect === "NoExecute" || !t.effect));
}

/** One frozen object per toleration, shared by every Pod (a state holds thousands). */
const DEFAULT_TOLERATIONS: Record<string, Obj> = Object.fromEntries(
  [NOT_READY, UNREACHABLE].map((key) => [key, deepFreeze({ key, operator: "Exists", effect: "NoExecute", tolerationSeconds: DefaultTolerationSeconds })]),
);

function addDefaultTolerations(spec: Obj): void {
  const tolerations: Obj[] = spec.tolerations ?? [];
  const added: Obj[] = [];
  for (const key of [NOT_READY, UNREACHABLE]) {
    if (!tolerates(tolerations, key)) added.push(DEFAULT_TOLERATIONS[key]);
  }
  if (added.length > 0) spec.tolerations = [...tolerations, ...added];
}

export function defaultPod(pod: KubeObject): void {
  pod.spec ??= {};
  const spec: Obj = pod.spec;
  setDefaultsPodSpec(spec);
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) defaultRequestsToLimits(c);
  spec.enableServiceLinks ??= true;
  // ServiceAccount admission; the v1 API mirrors the name into the deprecated serviceAccount.
  // It leaves mirror (static) pods alone: they may not reference a service account at all.
  if (!pod.metadata?.annotations?.["kubernetes.io/config.mirror"]) spec.serviceAccountName ||= spec.serviceAccount || "default";
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  addDefaultTolerations(spec);
  // Priority admission, with no PriorityClass marked globalDefault.
  spec.priority ??= 0;
  spec.preemptionPolicy ||= "PreemptLowerPriority";
}
