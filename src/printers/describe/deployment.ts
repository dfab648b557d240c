// describe deployment (reference §2.3; kubectl describe.go DeploymentDescriber).

import type { KubeObject } from "../../api/types";
import { formatSelector, fromLabelSelector } from "../../api/selectors";
import type { ClusterView } from "../../api/store/view";
import { rfc1123z } from "../age";
import { describePodTemplate } from "./containers";
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline, PrefixWriter, type DescribeContext } from "./render";

const HASH = "pod-template-hash";

/** A template compared without the pod-template-hash label, as EqualIgnoreHash does. */
function templateKey(template: any): string {
  const labels = { ...(template?.metadata?.labels ?? {}) };
  delete labels[HASH];
  const sorted = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sorted) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as any)[k])])) : v;
  return JSON.stringify(sorted({ ...template, metadata: { ...(template?.metadata ?? {}), labels } }));
}

/** GetAllReplicaSets: the new RS (template equal, oldest first) and the old ones still scaled up. */
export function replicaSetsOf(d: KubeObject, view: ClusterView): { old: KubeObject[]; newRS?: KubeObject; any: boolean } {
  const owned = view.ownedBy(d.metadata.uid ?? "").filter((o) => o.kind === "ReplicaSet");
  const want = templateKey(d.spec?.template);
  const byAge = [...owned].sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)));
  const newRS = byAge.find((rs) => templateKey(rs.spec?.template) === want);
  const old = owned.filter((rs) => rs !== newRS && (rs.spec?.replicas ?? 0) !== 0);
  return { old, newRS, any: owned.length > 0 };
}

const rsList = (list: KubeObject[]): string =>
  list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(", ") || "<none>";

export function describeDeployment(d: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const s = d.status ?? {};
  w.line(0, `Name:\t${d.metadata.name}`);
  w.line(0, `Namespace:\t${d.metadata.namespace}`);
  w.line(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}`);
  labelsMultiline(w, "Labels", d.metadata.labels);
  annotationsMultiline(w, "Annotations", d.metadata.annotations);
  w.line(0, `Selector:\t${formatSelector(fromLabelSelector(d.spec?.selector))}`);
  w.line(
    0,
    `Replicas:\t${d.spec?.replicas ?? 0} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable`,
  );
  w.line(0, `StrategyType:\t${d.spec?.strategy?.type ?? ""}`);
  w.line(0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}`);
  const ru = d.spec?.strategy?.rollingUpdate;
  if (ru) w.line(0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? ""} max unavailable, ${ru.maxSurge ?? ""} max surge`);
  describePodTemplate(w, d.spec?.template);
  const conditions: any[] = s.conditions ?? [];
  if (conditions.length > 0) {
    w.line(0, "Conditions:");
    w.line(1, "Type\tStatus\tReason");
    w.line(1, "----\t------\t------");
    for (const c of conditions) w.line(1, `${c.type} \t${c.status}\t${c.reason ?? ""}`);
  }
  const { old, newRS, any } = replicaSetsOf(d, ctx.view);
  if (any) {
    w.line(0, `OldReplicaSets:\t${rsList(old)}`);
    w.line(0, `NewReplicaSet:\t${rsList(newRS ? [newRS] : [])}`);
  }
  describeEvents(w, eventsFor(d, ctx.view), ctx.now);
  return w.done();
}
