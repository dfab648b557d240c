// describe statefulset (reference §2.5): StatefulSetDescriber and describeVolumeClaimTemplates
// from staging/src/k8s.io/kubectl/pkg/describe/describe.go (v1.32).

import type { KubeObject } from "../../api/types";
import { formatSelector, fromLabelSelector } from "../../api/selectors";
import { rfc1123z } from "../age";
import { describePodTemplate } from "./containers";
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline, podsStatusLine, PrefixWriter, type DescribeContext } from "./render";

const BETA_CLASS = "volume.beta.kubernetes.io/storage-class";

export function describeStatefulSet(sts: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = sts.spec ?? {};
  w.line(0, `Name:\t${sts.metadata.name}`);
  w.line(0, `Namespace:\t${sts.metadata.namespace}`);
  w.line(0, `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}`);
  w.line(0, `Selector:\t${formatSelector(fromLabelSelector(spec.selector))}`);
  labelsMultiline(w, "Labels", sts.metadata.labels);
  annotationsMultiline(w, "Annotations", sts.metadata.annotations);
  w.line(0, `Replicas:\t${spec.replicas ?? 0} desired | ${sts.status?.replicas ?? 0} total`);
  w.line(0, `Update Strategy:\t${spec.updateStrategy?.type ?? ""}`);
  const ru = spec.updateStrategy?.rollingUpdate;
  if (ru && ru.partition !== undefined && ru.partition !== null) {
    w.line(1, `Partition:\t${ru.partition}`);
    if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) w.line(1, `MaxUnavailable:\t${ru.maxUnavailable}`);
  }
  w.line(0, `Pods Status:\t${podsStatusLine(sts, ctx.view)}`);
  describePodTemplate(w, spec.template);
  describeVolumeClaimTemplates(w, spec.volumeClaimTemplates ?? []);
  describeEvents(w, eventsFor(sts, ctx.view), ctx.now);
  return w.done();
}

/** Each claim template at level 1; Access Modes in Go's slice syntax, "[ReadWriteOnce]". */
function describeVolumeClaimTemplates(w: PrefixWriter, templates: readonly any[]): void {
  if (templates.length === 0) {
    w.line(0, "Volume Claims:\t<none>");
    return;
  }
  w.line(0, "Volume Claims:");
  for (const pvc of templates) {
    w.line(1, `Name:\t${pvc.metadata?.name ?? ""}`);
    w.line(1, `StorageClass:\t${pvc.metadata?.annotations?.[BETA_CLASS] ?? pvc.spec?.storageClassName ?? ""}`);
    labelsMultiline(w, "Labels", pvc.metadata?.labels, "  ");
    annotationsMultiline(w, "Annotations", pvc.metadata?.annotations, "  ");
    w.line(1, `Capacity:\t${pvc.spec?.resources?.requests?.storage ?? "<default>"}`);
    w.line(1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(" ")}]`);
  }
}
