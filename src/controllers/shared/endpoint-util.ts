// What the Endpoints and EndpointSlice controllers share. Ports of
// pkg/controller/util/endpoint/controller_utils.go (ShouldSetHostname, the trigger times),
// staging/src/k8s.io/endpointslice/util/controller_utils.go (ShouldPodBeInEndpoints) and
// pkg/api/v1/pod/util.go (FindPort), kubernetes v1.32.

import type { KubeObject, ObjectKey } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import { fromMap, matches } from "../../api/selectors";
import type { Trigger } from "../types";
import { getPodReadyCondition } from "./controller-utils";
import { parseInstant } from "../../sim/time";

/** The Service's selector as a map; undefined (no managed endpoints) when it has none. */
export function serviceSelector(svc: KubeObject): Record<string, string> | undefined {
  const sel = svc.spec?.selector as Record<string, string> | undefined;
  return sel && Object.keys(sel).length > 0 ? sel : undefined;
}

/** The pods in the Service's namespace its selector matches (listed by namespace, sorted by name). */
export function selectedPods(view: ClusterView, svc: KubeObject): KubeObject[] {
  const sel = serviceSelector(svc);
  if (!sel) return [];
  const selector = fromMap(sel);
  return view.list("Pod", svc.metadata.namespace ?? "").filter((p) => matches(selector, p.metadata.labels));
}

/**
 * ShouldPodBeInEndpoints: the pod has an IP, is not terminating (unless includeTerminating),
 * and is not finished for good under its restartPolicy.
 */
export function shouldPodBeInEndpoints(pod: KubeObject, includeTerminating: boolean): boolean {
  if (!pod.status?.podIP && ((pod.status?.podIPs ?? []) as unknown[]).length === 0) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  const phase = pod.status?.phase;
  switch (pod.spec?.restartPolicy) {
    case "Never":
      return phase !== "Failed" && phase !== "Succeeded";
    case "OnFailure":
      return phase !== "Succeeded";
    default:
      return true;
  }
}

/** ShouldSetHostname: the pod names itself under this Service with hostname + subdomain. */
export function shouldSetHostname(pod: KubeObject, svc: KubeObject): boolean {
  return Boolean(pod.spec?.hostname) && pod.spec?.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace;
}

/**
 * FindPort: a numeric targetPort as is; a named one against the pod's container ports of the
 * same protocol. undefined when the pod has no such port (it is left out for that port).
 */
export function findPort(pod: KubeObject, servicePort: any): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === "number") return target;
  if (/^\d+$/.test(String(target))) return Number(target);
  const protocol = servicePort.protocol ?? "TCP";
  for (const c of (pod.spec?.containers ?? []) as any[]) {
    for (const p of (c.ports ?? []) as any[]) if (p.name === target && (p.protocol ?? "TCP") === protocol) return Number(p.containerPort);
  }
  return undefined;
}

/** The first IPv4 address of the pod. */
export function podIPv4(pod: KubeObject): string | undefined {
  const ips = [pod.status?.podIP, ...((pod.status?.podIPs ?? []) as { ip: string }[]).map((a) => a.ip)];
  return ips.find((ip): ip is string => typeof ip === "string" && !ip.includes(":"));
}

/**
 * The last-change-trigger-time annotation's value, after upstream's TriggerTimeTracker
 * (pkg/controller/util/endpoint/trigger_time_tracker.go): the earliest trigger time that changed
 * since the last sync, where a pod's trigger time is its Ready condition's lastTransitionTime and
 * the Service's is its creation. The tracker keeps the last seen times in memory; kubesim reads
 * them back from what the last write recorded (`since`): on the first sync (`since` undefined)
 * every time counts, later only times after it. undefined: nothing changed (a pod went away), so
 * upstream clears the annotation.
 * @example lastChangeTriggerTime(svc, pods, undefined) // the earliest Ready time or the Service's creation
 */
export function lastChangeTriggerTime(svc: KubeObject, pods: readonly KubeObject[], since: string | undefined): string | undefined {
  const times: string[] = [];
  if (svc.metadata.creationTimestamp) times.push(svc.metadata.creationTimestamp);
  for (const pod of pods) {
    const t = getPodReadyCondition(pod)?.lastTransitionTime as string | undefined;
    if (t) times.push(t);
  }
  const after = since === undefined ? undefined : (parseInstant(since) ?? 0);
  let min: string | undefined;
  let minAt = Infinity;
  for (const t of times) {
    const at = parseInstant(t) ?? 0;
    if (after !== undefined && at <= after) continue;
    if (at < minAt) [min, minAt] = [t, at];
  }
  return min;
}

export const LAST_CHANGE_TRIGGER_TIME = "endpoints.kubernetes.io/last-change-trigger-time";
export const HEADLESS_LABEL = "service.kubernetes.io/headless";

/**
 * Wakes the Services whose selector matches a changed pod (before or after the change): the
 * namespace's Services are listed, never the whole cluster's.
 */
export const servicesOfPod: Trigger = {
  kind: "Pod",
  keysFor: (pod, view) => {
    const ns = pod.metadata.namespace ?? "";
    const keys: ObjectKey[] = [];
    for (const svc of view.list("Service", ns)) {
      const sel = serviceSelector(svc);
      if (sel && matches(fromMap(sel), pod.metadata.labels)) keys.push(`Service/${ns}/${svc.metadata.name}`);
    }
    return keys;
  },
};
