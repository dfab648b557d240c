// describe service (reference §2.10). Port of describeService and formatEndpointSlices
// (staging/src/k8s.io/kubectl/pkg/describe/describe.go, v1.32): the Endpoints line per port
// lists the ready addresses of the Service's EndpointSlices.

import type { KubeObject } from "../../api/types";
import { formatLabels } from "../../api/selectors";
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline, PrefixWriter, type DescribeContext } from "./render";

export function describeService(svc: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = svc.spec ?? {};
  const slices = ctx.view
    .list("EndpointSlice", svc.metadata.namespace ?? "")
    .filter((s) => s.metadata.labels?.["kubernetes.io/service-name"] === svc.metadata.name);
  w.line(0, `Name:\t${svc.metadata.name}`);
  w.line(0, `Namespace:\t${svc.metadata.namespace}`);
  labelsMultiline(w, "Labels", svc.metadata.labels);
  annotationsMultiline(w, "Annotations", svc.metadata.annotations);
  w.line(0, `Selector:\t${formatLabels(spec.selector)}`);
  w.line(0, `Type:\t${spec.type ?? ""}`);
  if (spec.ipFamilyPolicy) w.line(0, `IP Family Policy:\t${spec.ipFamilyPolicy}`);
  w.line(0, `IP Families:\t${(spec.ipFamilies ?? []).join(",") || "<none>"}`);
  w.line(0, `IP:\t${spec.clusterIP ?? ""}`);
  w.line(0, `IPs:\t${(spec.clusterIPs ?? []).join(",") || "<none>"}`);
  if ((spec.externalIPs ?? []).length > 0) w.line(0, `External IPs:\t${spec.externalIPs.join(",")}`);
  if (spec.loadBalancerIP) w.line(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}`);
  if (spec.externalName) w.line(0, `External Name:\t${spec.externalName}`);
  const ingress = (svc.status?.loadBalancer?.ingress ?? []) as any[];
  if (ingress.length > 0) w.line(0, `LoadBalancer Ingress:\t${ingress.map((i) => i.ip || i.hostname).join(", ")}`);
  for (const sp of (spec.ports ?? []) as any[]) {
    const name = sp.name || "<unset>";
    w.line(0, `Port:\t${name}\t${sp.port}/${sp.protocol}`);
    w.line(0, `TargetPort:\t${sp.targetPort}/${sp.protocol}`);
    if (sp.nodePort) w.line(0, `NodePort:\t${name}\t${sp.nodePort}/${sp.protocol}`);
    w.line(0, `Endpoints:\t${formatEndpointSlices(slices, sp)}`);
  }
  w.line(0, `Session Affinity:\t${spec.sessionAffinity ?? ""}`);
  if (spec.externalTrafficPolicy) w.line(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}`);
  if (spec.internalTrafficPolicy) w.line(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}`);
  if (spec.healthCheckNodePort) w.line(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}`);
  if ((spec.loadBalancerSourceRanges ?? []).length > 0) w.line(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(",")}`);
  if (spec.trafficDistribution) w.line(0, `Traffic Distribution:\t${spec.trafficDistribution}`);
  describeEvents(w, eventsFor(svc, ctx.view), ctx.now);
  return w.done();
}

/**
 * formatEndpointSlices: for the slice ports named like the Service port, each ready endpoint's
 * first address with that port; the first 3, then " + N more...". No slices: "<none>".
 */
export function formatEndpointSlices(slices: readonly KubeObject[], sp: any | undefined): string {
  if (slices.length === 0) return "<none>";
  const list: string[] = [];
  let count = 0;
  const add = (entry: string) => {
    if (list.length < 3) list.push(entry);
    count++;
  };
  for (const slice of slices as any[]) {
    const ready = ((slice.endpoints ?? []) as any[]).filter((ep) => ep.conditions?.ready !== false);
    if (!sp) {
      for (const ep of ready) add(ep.addresses[0]);
      continue;
    }
    for (const port of (slice.ports ?? []) as any[]) {
      if ((port.name ?? "") !== (sp.name ?? "")) continue;
      for (const ep of ready) add(joinHostPort(ep.addresses[0], port.port));
    }
  }
  const ret = list.join(",");
  return count > 3 ? `${ret} + ${count - 3} more...` : ret;
}

const joinHostPort = (ip: string, port: number): string => (ip.includes(":") ? `[${ip}]:${port}` : `${ip}:${port}`);
