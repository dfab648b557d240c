// describe endpointslice. Port of describeEndpointSliceV1 (staging/src/k8s.io/kubectl/pkg/
// describe/describe.go, v1.32), including its port rows one level deeper than their header.

import type { KubeObject } from "../../api/types";
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline, PrefixWriter, type DescribeContext } from "./render";

export function describeEndpointSlice(eps: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const slice = eps as any;
  w.line(0, `Name:\t${eps.metadata.name}`);
  w.line(0, `Namespace:\t${eps.metadata.namespace}`);
  labelsMultiline(w, "Labels", eps.metadata.labels);
  annotationsMultiline(w, "Annotations", eps.metadata.annotations);
  w.line(0, `AddressType:\t${slice.addressType ?? ""}`);
  const ports = (slice.ports ?? []) as any[];
  if (ports.length === 0) w.line(0, "Ports: <unset>");
  else {
    w.line(0, "Ports:");
    w.line(1, "Name\tPort\tProtocol");
    w.line(1, "----\t----\t--------");
    for (const p of ports) w.line(2, `${p.name || "<unset>"}\t${p.port ?? "<unset>"}\t${p.protocol}`);
  }
  const endpoints = (slice.endpoints ?? []) as any[];
  if (endpoints.length === 0) w.line(0, "Endpoints: <none>");
  else {
    w.line(0, "Endpoints:");
    for (const ep of endpoints) {
      w.line(1, `- Addresses:\t${(ep.addresses ?? []).join(", ") || "<none>"}`);
      w.line(2, "Conditions:");
      w.line(3, `Ready:\t${typeof ep.conditions?.ready === "boolean" ? String(ep.conditions.ready) : "<unset>"}`);
      w.line(2, `Hostname:\t${ep.hostname ?? "<unset>"}`);
      if (ep.targetRef) w.line(2, `TargetRef:\t${ep.targetRef.kind}/${ep.targetRef.name}`);
      w.line(2, `NodeName:\t${ep.nodeName ?? "<unset>"}`);
      w.line(2, `Zone:\t${ep.zone ?? "<unset>"}`);
    }
  }
  describeEvents(w, eventsFor(eps, ctx.view), ctx.now);
  return w.done();
}
