// describe endpoints. Port of describeEndpoints (staging/src/k8s.io/kubectl/pkg/describe/
// describe.go, v1.32): per subset its ready and not-ready IPs and its ports.

import type { KubeObject } from "../../api/types";
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline, PrefixWriter, type DescribeContext } from "./render";

export function describeEndpoints(ep: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.line(0, `Name:\t${ep.metadata.name}`);
  w.line(0, `Namespace:\t${ep.metadata.namespace}`);
  labelsMultiline(w, "Labels", ep.metadata.labels);
  annotationsMultiline(w, "Annotations", ep.metadata.annotations);
  w.line(0, "Subsets:");
  for (const subset of ((ep as any).subsets ?? []) as any[]) {
    const ips = (list: any[] | undefined) => (list ?? []).map((a) => a.ip).join(",") || "<none>";
    w.line(1, `Addresses:\t${ips(subset.addresses)}`);
    w.line(1, `NotReadyAddresses:\t${ips(subset.notReadyAddresses)}`);
    if ((subset.ports ?? []).length > 0) {
      w.line(1, "Ports:");
      w.line(2, "Name\tPort\tProtocol");
      w.line(2, "----\t----\t--------");
      for (const p of subset.ports) w.line(2, `${p.name || "<unset>"}\t${p.port}\t${p.protocol}`);
    }
    w.line(0, "");
  }
  describeEvents(w, eventsFor(ep, ctx.view), ctx.now);
  return w.done();
}
