// The desired state of a Service's EndpointSlices: one endpoint per pod, grouped by the set of
// ports it resolves to. Ports of staging/src/k8s.io/endpointslice/utils.go (podToEndpoint,
// getEndpointPorts) and reconciler.go's desired-state loop (kubernetes v1.32).

import type { KubeObject } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import { isPodReady } from "../shared/controller-utils";
import { findPort, podIPv4, shouldPodBeInEndpoints, shouldSetHostname } from "../shared/endpoint-util";

export interface Endpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  hostname?: string;
  targetRef: { kind: "Pod"; name: string; namespace: string; uid: string };
  nodeName?: string;
  zone?: string;
}

export interface PortGroup {
  /** The ports' identity (name, port, protocol), what upstream hashes into a portMapKey. */
  readonly key: string;
  readonly ports: any[];
  readonly endpoints: Endpoint[];
}

export const portMapKey = (ports: readonly any[] | undefined | null): string =>
  JSON.stringify([...(ports ?? [])].map((p) => [p.name ?? "", p.port, p.protocol ?? "TCP", p.appProtocol ?? ""]).sort());

/** Endpoint identity within a slice (upstream's endpointHash: the address and target). */
export const endpointKey = (ep: Endpoint): string => `${ep.addresses.join(",")}/${ep.targetRef?.uid ?? ""}`;

/** The endpoints the Service should have, by port set; pods are taken terminating or not. */
export function desiredPortGroups(view: ClusterView, svc: KubeObject, pods: readonly KubeObject[]): PortGroup[] {
  const groups = new Map<string, PortGroup>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ip = podIPv4(pod);
    if (!ip) continue;
    const ports = getEndpointPorts(svc, pod);
    const key = portMapKey(ports);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, ports, endpoints: [] }));
    group.endpoints.push(podToEndpoint(view, pod, svc, ip));
  }
  return [...groups.values()];
}

/**
 * podToEndpoint: serving = Ready (or publishNotReadyAddresses), terminating = being deleted,
 * ready = serving and not terminating (always true with publishNotReadyAddresses).
 */
export function podToEndpoint(view: ClusterView, pod: KubeObject, svc: KubeObject, ip: string): Endpoint {
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  const serving = publishNotReady || isPodReady(pod);
  const terminating = Boolean(pod.metadata.deletionTimestamp);
  const ready = publishNotReady || (serving && !terminating);
  const ep: Endpoint = {
    addresses: [ip],
    conditions: { ready, serving, terminating },
    targetRef: { kind: "Pod", name: pod.metadata.name ?? "", namespace: pod.metadata.namespace ?? "", uid: pod.metadata.uid ?? "" },
  };
  if (shouldSetHostname(pod, svc)) ep.hostname = pod.spec.hostname;
  if (pod.spec?.nodeName) {
    ep.nodeName = pod.spec.nodeName;
    const zone = view.get(`Node//${pod.spec.nodeName}`)?.metadata.labels?.["topology.kubernetes.io/zone"];
    if (zone) ep.zone = zone;
  }
  return ep;
}

/** getEndpointPorts: each Service port the pod resolves, named as the Service names it ("" too). */
export function getEndpointPorts(svc: KubeObject, pod: KubeObject): any[] {
  const out: any[] = [];
  for (const sp of (svc.spec?.ports ?? []) as any[]) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const ep: Record<string, unknown> = { name: sp.name ?? "", port, protocol: sp.protocol ?? "TCP" };
    if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
    out.push(ep);
  }
  return out;
}
