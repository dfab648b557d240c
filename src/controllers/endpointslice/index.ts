// The EndpointSlice controller: EndpointSlices (discovery.k8s.io/v1) for every Service with a
// selector, named `<service>-<5 random chars>`, owned by the Service and labelled with its name
// and this controller. Port of pkg/controller/endpointslice/endpointslice_controller.go
// syncService (kubernetes v1.32); the slice arithmetic is in reconciler.ts.

import type { KubeObject, ObjectKey } from "../../api/types";
import { parseKey } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import type { Controller, Outcome, Trigger, Write } from "../types";
import { NOTHING, self } from "../types";
import { sameJSON } from "../shared/canonical";
import { newControllerRef } from "../shared/owner-refs";
import { HEADLESS_LABEL, LAST_CHANGE_TRIGGER_TIME, lastChangeTriggerTime, selectedPods, serviceSelector, servicesOfPod } from "../shared/endpoint-util";
import type { Endpoint } from "./desired";
import { desiredPortGroups } from "./desired";
import { reconcileSlices } from "./reconciler";

export const SERVICE_NAME_LABEL = "kubernetes.io/service-name";
export const MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
export const CONTROLLER_NAME = "endpointslice-controller.k8s.io";

/** A changed or deleted managed slice wakes its Service. */
const serviceOfSlice: Trigger = {
  kind: "EndpointSlice",
  keysFor: (slice) => {
    const labels = slice.metadata.labels ?? {};
    if (labels[MANAGED_BY_LABEL] !== CONTROLLER_NAME || !labels[SERVICE_NAME_LABEL]) return [];
    return [`Service/${slice.metadata.namespace ?? ""}/${labels[SERVICE_NAME_LABEL]}`];
  },
};

export const endpointSliceController = {
  name: "endpointslice-controller",
  primary: "Service",
  wakeOn: [self("Service"), servicesOfPod, serviceOfSlice],
  reconcile: (view, key) => syncService(view, key),
} satisfies Controller;

/** syncService: one pass over one Service. Never mutates the view. */
export function syncService(view: ClusterView, key: ObjectKey): Outcome {
  const { namespace, name } = parseKey(key);
  const svc = view.get(key);
  const existing = managedSlices(view, namespace, name);
  // A deleted Service's slices go with it (the garbage collector would also remove them).
  if (!svc || svc.spec?.type === "ExternalName" || !serviceSelector(svc)) {
    if (!svc || svc.spec?.type === "ExternalName") return deleteAll(existing);
    return NOTHING;
  }
  if (svc.metadata.deletionTimestamp) return NOTHING;

  const pods = selectedPods(view, svc);
  const plan = reconcileSlices(existing, desiredPortGroups(view, svc, pods));
  const labels = sliceLabels(svc);
  const trigger = lastChangeTriggerTime(svc, pods, lastRecordedTrigger(existing));
  const writes: Write[] = [];
  for (const slice of plan.delete) writes.push({ op: "delete", ref: { kind: "EndpointSlice", namespace, name: slice.metadata.name ?? "" } });
  for (const c of plan.create) writes.push({ op: "create", object: newEndpointSlice(svc, c.ports, c.endpoints, labels, trigger) });
  for (const u of plan.update) writes.push({ op: "update", object: withEndpoints(u.slice, u.endpoints, labels, trigger) });
  for (const slice of plan.unchanged) {
    if (!sameJSON(slice.metadata.labels ?? {}, labels)) writes.push({ op: "update", object: { ...slice, metadata: { ...slice.metadata, labels } } });
  }
  return writes.length > 0 ? { writes, events: [] } : NOTHING;
}

/** The Service's slices this controller manages (listed by namespace, matched by label). */
function managedSlices(view: ClusterView, namespace: string, service: string): KubeObject[] {
  return view.list("EndpointSlice", namespace).filter((s) => {
    const l = s.metadata.labels ?? {};
    return l[SERVICE_NAME_LABEL] === service && l[MANAGED_BY_LABEL] === CONTROLLER_NAME;
  });
}

function deleteAll(slices: readonly KubeObject[]): Outcome {
  if (slices.length === 0) return NOTHING;
  const writes: Write[] = slices.map((s) => ({ op: "delete", ref: { kind: "EndpointSlice", namespace: s.metadata.namespace ?? "", name: s.metadata.name ?? "" } }));
  return { writes, events: [] };
}

/** setEndpointSliceLabels: the Service's labels, then the two the controller owns (and headless). */
function sliceLabels(svc: KubeObject): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) {
    if (k !== SERVICE_NAME_LABEL && k !== MANAGED_BY_LABEL) labels[k] = v as string;
  }
  if (svc.spec?.clusterIP === "None") labels[HEADLESS_LABEL] = "";
  else delete labels[HEADLESS_LABEL];
  labels[SERVICE_NAME_LABEL] = svc.metadata.name ?? "";
  labels[MANAGED_BY_LABEL] = CONTROLLER_NAME;
  return labels;
}

/** newEndpointSlice: generateName `<service>-`, owned by the Service, IPv4. */
function newEndpointSlice(svc: KubeObject, ports: any[] | null, endpoints: Endpoint[], labels: Record<string, string>, trigger?: string): KubeObject {
  const metadata: Record<string, unknown> = {
    generateName: `${svc.metadata.name}-`,
    namespace: svc.metadata.namespace,
    labels,
    ownerReferences: [newControllerRef(svc)],
  };
  if (trigger) metadata.annotations = { [LAST_CHANGE_TRIGGER_TIME]: trigger };
  // Go serialises the empty lists of a placeholder (no omitempty) as `endpoints: null`, `ports: null`.
  const slice = { apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", metadata, addressType: "IPv4", endpoints: endpoints.length > 0 ? endpoints : null, ports };
  return slice as unknown as KubeObject;
}

function withEndpoints(slice: KubeObject, endpoints: Endpoint[], labels: Record<string, string>, trigger?: string): KubeObject {
  const annotations: Record<string, string> = { ...(slice.metadata.annotations ?? {}) };
  if (trigger) annotations[LAST_CHANGE_TRIGGER_TIME] = trigger;
  else delete annotations[LAST_CHANGE_TRIGGER_TIME];
  const metadata: Record<string, unknown> = { ...slice.metadata, labels, annotations };
  if (Object.keys(annotations).length === 0) delete metadata.annotations;
  return { ...slice, metadata, endpoints } as KubeObject;
}

/**
 * What the tracker last saw for this Service: the latest trigger time its slices carry (or,
 * when none carries one, the newest slice's creation). undefined when it has no slices yet.
 */
function lastRecordedTrigger(slices: readonly KubeObject[]): string | undefined {
  let latest: string | undefined;
  for (const s of slices) {
    const t = s.metadata.annotations?.[LAST_CHANGE_TRIGGER_TIME] ?? s.metadata.creationTimestamp;
    if (t && (!latest || Date.parse(t) > Date.parse(latest))) latest = t;
  }
  return latest;
}
