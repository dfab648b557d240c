// describe replicaset and replicationcontroller (reference §2.4; ReplicaSetDescriber,
// ReplicationControllerDescriber). They differ only in the selector's shape and the
// Controlled By line.

import type { KubeObject } from "../../api/types";
import { formatLabels, formatSelector, fromLabelSelector } from "../../api/selectors";
import { describePodTemplate } from "./containers";
import {
  annotationsMultiline,
  controlledBy,
  describeEvents,
  eventsFor,
  labelsMultiline,
  podsStatusLine,
  PrefixWriter,
  type DescribeContext,
} from "./render";

function describeReplicated(obj: KubeObject, ctx: DescribeContext, selector: string, showOwner: boolean): string {
  const w = new PrefixWriter();
  w.line(0, `Name:\t${obj.metadata.name}`);
  w.line(0, `Namespace:\t${obj.metadata.namespace}`);
  w.line(0, `Selector:\t${selector}`);
  labelsMultiline(w, "Labels", obj.metadata.labels);
  annotationsMultiline(w, "Annotations", obj.metadata.annotations);
  const owner = showOwner ? controlledBy(obj) : "";
  if (owner) w.line(0, `Controlled By:\t${owner}`);
  w.line(0, `Replicas:\t${obj.status?.replicas ?? 0} current / ${obj.spec?.replicas ?? 0} desired`);
  w.line(0, `Pods Status:\t${podsStatusLine(obj, ctx.view)}`);
  describePodTemplate(w, obj.spec?.template);
  const conditions: any[] = obj.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.line(0, "Conditions:");
    w.line(1, "Type\tStatus\tReason");
    w.line(1, "----\t------\t------");
    for (const c of conditions) w.line(1, `${c.type} \t${c.status}\t${c.reason ?? ""}`);
  }
  describeEvents(w, eventsFor(obj, ctx.view), ctx.now);
  return w.done();
}

export function describeReplicaSet(rs: KubeObject, ctx: DescribeContext): string {
  return describeReplicated(rs, ctx, formatSelector(fromLabelSelector(rs.spec?.selector)), true);
}

export function describeReplicationController(rc: KubeObject, ctx: DescribeContext): string {
  return describeReplicated(rc, ctx, formatLabels(rc.spec?.selector), false);
}
