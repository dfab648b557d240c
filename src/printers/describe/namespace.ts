// describe namespace (kubectl NamespaceDescriber): status, conditions, then the namespace's
// ResourceQuotas and LimitRanges (or the "No resource quota." lines).

import type { KubeObject } from "../../api/types";
import { rfc1123z } from "../age";
import { annotationsMultiline, labelsMultiline, PrefixWriter, type DescribeContext } from "./render";

function quotas(w: PrefixWriter, list: readonly KubeObject[]): void {
  if (list.length === 0) return w.line(0, "No resource quota.");
  w.line(0, "Resource Quotas");
  for (const q of list) {
    w.line(1, `Name:\t${q.metadata.name}`);
    const scopes: string[] = [...(q.spec?.scopes ?? [])].sort();
    if (scopes.length > 0) w.line(1, `Scopes:\t${scopes.join(", ")}`);
    w.line(1, "Resource\tUsed\tHard");
    w.line(1, "--------\t---\t---");
    const hard = q.status?.hard ?? {};
    const used = q.status?.used ?? {};
    for (const r of Object.keys(hard).sort()) w.line(1, `${r}\t${used[r] ?? "0"}\t${hard[r]}`);
  }
}

/** describeLimitRangeSpec, one row per (type, resource). */
function limitRanges(w: PrefixWriter, list: readonly KubeObject[]): void {
  if (list.length === 0) return w.line(0, "No LimitRange resource.");
  w.line(0, "Resource Limits");
  w.line(0, " Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio");
  w.line(0, " ----\t--------\t---\t---\t---------------\t-------------\t-----------------------");
  for (const lr of list) {
    for (const item of (lr.spec?.limits ?? []) as any[]) {
      const names = new Set<string>();
      for (const f of ["min", "max", "default", "defaultRequest", "maxLimitRequestRatio"]) Object.keys(item[f] ?? {}).forEach((n) => names.add(n));
      for (const r of [...names].sort()) {
        const cell = (f: string): string => item[f]?.[r] ?? "-";
        w.line(0, ` ${item.type}\t${r}\t${cell("min")}\t${cell("max")}\t${cell("defaultRequest")}\t${cell("default")}\t${cell("maxLimitRequestRatio")}`);
      }
    }
  }
}

export function describeNamespace(ns: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const name = ns.metadata.name ?? "";
  w.line(0, `Name:\t${name}`);
  labelsMultiline(w, "Labels", ns.metadata.labels);
  annotationsMultiline(w, "Annotations", ns.metadata.annotations);
  w.line(0, `Status:\t${ns.status?.phase ?? ""}`);
  const conditions: any[] = ns.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.line(0, "Conditions:");
    w.line(1, "Type\tStatus\tLastTransitionTime\tReason\tMessage");
    w.line(1, "----\t------\t------------------\t------\t-------");
    for (const c of conditions) w.line(1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ""}\t${c.message ?? ""}`);
  }
  w.write(0, "\n");
  quotas(w, ctx.view.list("ResourceQuota", name));
  w.write(0, "\n");
  limitRanges(w, ctx.view.list("LimitRange", name));
  return w.done();
}
