// The Endpoints controller: one Endpoints object per Service with a selector, listing the
// matching pods' addresses (Ready in `addresses`, the rest in `notReadyAddresses`).
// Port of pkg/controller/endpoint/endpoints_controller.go (kubernetes v1.32): syncService.

import type { KubeObject, ObjectKey } from "../../api/types";
import { parseKey } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import type { Controller, Outcome, Trigger, Write } from "../types";
import { NOTHING, self } from "../types";
import { sameJSON } from "../shared/canonical";
import { isPodReady } from "../shared/controller-utils";
import {
  HEADLESS_LABEL,
  LAST_CHANGE_TRIGGER_TIME,
  findPort,
  lastChangeTriggerTime,
  podIPv4,
  selectedPods,
  serviceSelector,
  servicesOfPod,
  shouldPodBeInEndpoints,
  shouldSetHostname,
} from "../shared/endpoint-util";
import { repackSubsets, type Subset } from "./subsets";

/**
 * Deleting the Endpoints wakes its Service, which puts them back. Upstream watches Endpoints
 * for deletes only (onEndpointsDelete): Endpoints written by hand, for a Service without a
 * selector or none at all, stay as written.
 */
const serviceOfEndpoints: Trigger = {
  kind: "Endpoints",
  concerns: (_before, after) => after === undefined,
  keysFor: (ep) => [`Service/${ep.metadata.namespace ?? ""}/${ep.metadata.name}`],
};

export const endpointsController = {
  name: "endpoint-controller",
  primary: "Service",
  wakeOn: [self("Service"), servicesOfPod, serviceOfEndpoints],
  reconcile: (view, key) => syncService(view, key),
} satisfies Controller;

/** syncService: one pass over one Service. Never mutates the view. */
export function syncService(view: ClusterView, key: ObjectKey): Outcome {
  const { namespace, name } = parseKey(key);
  const svc = view.get(key);
  const current = view.get(`Endpoints/${namespace}/${name}`);
  if (!svc) {
    // The Service is gone: so are its Endpoints.
    if (!current) return NOTHING;
    return { writes: [{ op: "delete", ref: { kind: "Endpoints", namespace, name } }], events: [] };
  }
  // Without a selector the Endpoints are the user's to manage; ExternalName has none to list.
  if (!serviceSelector(svc) || svc.spec?.type === "ExternalName" || svc.metadata.deletionTimestamp) return NOTHING;

  const pods = selectedPods(view, svc);
  const subsets = repackSubsets(endpointSubsets(svc, pods));
  const labels = endpointsLabels(svc);
  if (current && sameJSON((current as any).subsets ?? [], subsets) && sameJSON(current.metadata.labels ?? {}, labels)) return NOTHING;

  const annotations: Record<string, string> = { ...(current?.metadata.annotations ?? {}) };
  const since = current ? (current.metadata.annotations?.[LAST_CHANGE_TRIGGER_TIME] ?? current.metadata.creationTimestamp) : undefined;
  const trigger = lastChangeTriggerTime(svc, pods, since);
  if (trigger) annotations[LAST_CHANGE_TRIGGER_TIME] = trigger;
  else delete annotations[LAST_CHANGE_TRIGGER_TIME];
  const metadata: Record<string, unknown> = { ...(current?.metadata ?? {}), name, namespace, labels };
  if (Object.keys(labels).length === 0) delete metadata.labels;
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  else delete metadata.annotations;
  const endpoints: KubeObject = { apiVersion: "v1", kind: "Endpoints", metadata: metadata as KubeObject["metadata"] };
  if (subsets.length > 0) (endpoints as any).subsets = subsets;
  const write: Write = current ? { op: "update", object: endpoints } : { op: "create", object: endpoints };
  return { writes: [write], events: [] };
}

/**
 * One subset per (address, port) before repacking: Ready pods (or all, with
 * publishNotReadyAddresses) as addresses, the others as notReadyAddresses. A headless Service
 * without ports lists bare addresses.
 */
export function endpointSubsets(svc: KubeObject, pods: readonly KubeObject[]): Subset[] {
  const tolerateUnready = svc.spec?.publishNotReadyAddresses === true;
  const ports = (svc.spec?.ports ?? []) as any[];
  const subsets: Subset[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue;
    const ip = podIPv4(pod);
    if (!ip) continue;
    const address = podToEndpointAddress(svc, pod, ip);
    const ready = tolerateUnready || isPodReady(pod);
    const add = (epPorts: any[]) => subsets.push(ready ? { addresses: [address], ports: epPorts } : { notReadyAddresses: [address], ports: epPorts });
    if (ports.length === 0) {
      if (svc.spec?.clusterIP === "None") add([]);
      continue;
    }
    for (const sp of ports) {
      const portNum = findPort(pod, sp);
      if (portNum === undefined) continue;
      const epp: Record<string, unknown> = {};
      if (sp.name) epp.name = sp.name;
      epp.port = portNum;
      epp.protocol = sp.protocol ?? "TCP";
      if (sp.appProtocol) epp.appProtocol = sp.appProtocol;
      add([epp]);
    }
  }
  return subsets;
}

function podToEndpointAddress(svc: KubeObject, pod: KubeObject, ip: string): Record<string, unknown> {
  const address: Record<string, unknown> = { ip };
  if (shouldSetHostname(pod, svc)) address.hostname = pod.spec.hostname;
  if (pod.spec?.nodeName) address.nodeName = pod.spec.nodeName;
  address.targetRef = { kind: "Pod", name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid };
  return address;
}

/** The Service's labels, plus service.kubernetes.io/headless for a headless Service. */
function endpointsLabels(svc: KubeObject): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  if (svc.spec?.clusterIP === "None") labels[HEADLESS_LABEL] = "";
  else delete labels[HEADLESS_LABEL];
  return labels;
}

export { kubernetesEndpointsReconciler } from "./kubernetes-service";
