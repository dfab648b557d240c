// The describe writer (kubectl's PrefixWriter over a 0/2 tabwriter) and the helpers every
// describer shares: multi-line labels/annotations/tolerations/taints and the Events section.
// Ported from staging/src/k8s.io/kubectl/pkg/describe/describe.go.

import type { KubeObject } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import { parseInstant, type Instant } from "../../sim/time";
import { age } from "../age";
import { DESCRIBE_WRITER, tabwrite } from "../tabwriter";

export interface DescribeContext {
  readonly now: Instant;
  readonly view: ClusterView;
}

export type Describer = (obj: KubeObject, ctx: DescribeContext) => string;

/** Levels are two spaces each, as LEVEL_0…LEVEL_3. */
export class PrefixWriter {
  private text = "";
  write(level: number, s: string): void {
    this.text += "  ".repeat(level) + s;
  }
  line(level: number, s: string): void {
    this.write(level, s + "\n");
  }
  /** The tab-aligned result. */
  done(): string {
    return tabwrite(this.text, DESCRIBE_WRITER);
  }
}

const SKIP_ANNOTATIONS = new Set(["kubectl.kubernetes.io/last-applied-configuration"]);
const MAX_ANNOTATION_LEN = 140;

/** printLabelsMultilineWithIndent: first pair on the title line, the rest under it. */
export function labelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, indent = ""): void {
  w.write(0, `${indent}${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return w.write(0, "<none>\n");
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, `${indent}\t`);
    w.write(0, `${k}=${labels![k]}\n`);
  });
}

/** printAnnotationsMultilineWithIndent: long or multi-line values get their own lines. */
export function annotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined, indent = ""): void {
  w.write(0, `${indent}${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) return w.write(0, "<none>\n");
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, `${indent}\t`);
    const value = annotations![k].replace(/\n$/, "");
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(0, `${k}:\n`);
      for (const s of value.split("\n")) {
        const cut = s.length > MAX_ANNOTATION_LEN - 2 ? s.slice(0, MAX_ANNOTATION_LEN - 2) + "..." : s;
        w.write(0, `${indent}\t  ${cut}\n`);
      }
    } else w.write(0, `${k}: ${value}\n`);
  });
}

/** printPodTolerationsMultilineWithIndent. */
export function tolerationsMultiline(w: PrefixWriter, title: string, tolerations: any[] | undefined, indent = ""): void {
  w.write(0, `${indent}${title}:\t`);
  const list = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? "") < (b.key ?? "") ? -1 : (a.key ?? "") > (b.key ?? "") ? 1 : 0));
  if (list.length === 0) return w.write(0, "<none>\n");
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, `${indent}\t`);
    let s = t.key ?? "";
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === "Exists" && !t.value) s += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (typeof t.tolerationSeconds === "number") s += ` for ${t.tolerationSeconds}s`;
    w.write(0, s + "\n");
  });
}

/** printNodeTaintsMultiline: sorted by effect, then key. */
export function taintsMultiline(w: PrefixWriter, title: string, taints: any[] | undefined): void {
  w.write(0, `${title}:\t`);
  const key = (t: any): string => `${t.effect ?? ""},${t.key ?? ""}`;
  const list = [...(taints ?? [])].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  if (list.length === 0) return w.write(0, "<none>\n");
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, "\t");
    w.write(0, `${t.key}${t.value ? "=" + t.value : ""}:${t.effect}\n`);
  });
}

/** The events whose involvedObject is `obj` (kind, namespace, name and uid, or a node's name as uid). */
export function eventsFor(obj: KubeObject, view: ClusterView): KubeObject[] {
  const ns = obj.metadata.namespace ?? "";
  const uids = new Set([obj.metadata.uid, ...(obj.kind === "Node" ? [obj.metadata.name] : [])]);
  const events = ns ? view.list("Event", ns) : [...view.list("Event", "default"), ...view.list("Event")];
  const seen = new Set<string>();
  return events.filter((e: any) => {
    const io = e.involvedObject ?? {};
    const id = `${e.metadata.namespace}/${e.metadata.name}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return io.kind === obj.kind && io.name === obj.metadata.name && (io.namespace ?? "") === ns && (!io.uid || uids.has(io.uid));
  });
}

const time = (s: string | undefined): number => (s ? (parseInstant(s) ?? 0) : 0);

/** DescribeEvents: `Events:  <none>`, or the Type/Reason/Age/From/Message table, oldest first. */
export function describeEvents(w: PrefixWriter, events: readonly KubeObject[], now: Instant): void {
  if (events.length === 0) return w.line(0, "Events:\t<none>");
  const sorted = [...events].sort((a: any, b: any) => time(a.lastTimestamp) - time(b.lastTimestamp));
  w.line(0, "Events:");
  w.line(1, "Type\tReason\tAge\tFrom\tMessage");
  w.line(1, "----\t------\t----\t----\t-------");
  for (const e of sorted as any[]) {
    const first = e.eventTime ? age(e.eventTime, now) : age(e.firstTimestamp, now);
    let interval = first;
    if (e.series) interval = `${age(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${age(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    const from = e.source?.component || e.reportingController || "";
    w.line(1, `${e.type ?? ""}\t${e.reason ?? ""}\t${interval}\t${from}\t${String(e.message ?? "").trim()}`);
  }
}

/** printController: "ReplicaSet/nginx-7854ff8877" for the controller owner, "" for none. */
export function controlledBy(obj: KubeObject): string {
  const owner = (obj.metadata.ownerReferences ?? []).find((o) => o.controller);
  return owner ? `${owner.kind}/${owner.name}` : "";
}

/** Pods owned (as controller) by `owner`, counted by phase: the "Pods Status" line. */
export function podsStatusLine(owner: KubeObject, view: ClusterView): string {
  const pods = view.ownedBy(owner.metadata.uid ?? "").filter((p) => p.kind === "Pod");
  const count = (phase: string): number => pods.filter((p) => p.status?.phase === phase).length;
  return `${count("Running")} Running / ${count("Pending")} Waiting / ${count("Succeeded")} Succeeded / ${count("Failed")} Failed`;
}
