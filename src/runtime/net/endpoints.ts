// Which pods stand behind a Service, decided straight from the pods with the EndpointSlice
// controller's rule (pkg/controller/endpointslice, podToEndpoint / ShouldPodBeInEndpoints,
// v1.32). The controller settles at the same instant as every change, so its slices and this
// answer agree; reading the pods keeps the network usable on views without slices. A pod
// counts when it matches spec.selector, has an IP, is not terminating and not finished, and
// is Ready (or the Service sets publishNotReadyAddresses).

import type { KubeObject } from "../../api/types/meta";
import type { ClusterView } from "../../api/store/view";
import { fromMap, matches } from "../../api/selectors";

/** The pod's Ready condition is True. */
export function isPodReady(pod: KubeObject): boolean {
  const conds = (pod.status?.conditions ?? []) as { type: string; status: string }[];
  return conds.some((c) => c.type === "Ready" && c.status === "True");
}

/**
 * The pods a Service routes to, sorted by name (a stable order: real endpoint order is not
 * specified). A Service without a selector has no automatic endpoints.
 */
export function servicePods(view: ClusterView, service: KubeObject): KubeObject[] {
  const selector = service.spec?.selector as Record<string, string> | undefined;
  if (!selector || Object.keys(selector).length === 0) return [];
  const sel = fromMap(selector);
  const publishNotReady = service.spec?.publishNotReadyAddresses === true;
  return view
    .list("Pod", service.metadata.namespace ?? "default")
    .filter((p) => matches(sel, p.metadata.labels))
    .filter((p) => shouldPodBeInEndpoints(p) && (publishNotReady || isPodReady(p)))
    .sort((a, b) => (a.metadata.name ?? "").localeCompare(b.metadata.name ?? ""));
}

function shouldPodBeInEndpoints(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") return false;
  if (!pod.status?.podIP) return false;
  return !pod.metadata.deletionTimestamp;
}
