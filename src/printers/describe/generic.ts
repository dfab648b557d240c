// The fallback for kinds without a describer: kubectl's GenericDescriberFor prints the
// object's metadata and then its fields as nested "Key:  value" lines, then events.

import type { KubeObject } from "../../api/types";
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline, PrefixWriter, type DescribeContext } from "./render";

const SKIP_TOP = new Set(["apiVersion", "kind", "metadata"]);
const ACRONYMS = new Set(["API", "URL", "UID", "OSB", "GUID"]);

/** smartLabelFor: "holderIdentity" → "Holder Identity", "apiVersion" → "API Version". */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  const parts = field.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|-/g) ?? [field];
  return parts
    .filter((p) => p !== "-")
    .map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(" ");
}

/** printUnstructuredContent: maps nest one level per key, lists of maps print each item. */
function fields(w: PrefixWriter, level: number, value: Record<string, unknown>): void {
  for (const key of Object.keys(value).sort()) {
    const v = value[key];
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      w.line(level, `${smartLabel(key)}:`);
      for (const item of v) {
        if (item && typeof item === "object") fields(w, level + 1, item as Record<string, unknown>);
        else w.line(level + 1, String(item));
      }
    } else if (v && typeof v === "object") {
      w.line(level, `${smartLabel(key)}:`);
      fields(w, level + 1, v as Record<string, unknown>);
    } else w.line(level, `${smartLabel(key)}:\t${String(v)}`);
  }
}

export function describeGeneric(obj: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.line(0, `Name:\t${obj.metadata.name}`);
  w.line(0, `Namespace:\t${obj.metadata.namespace ?? ""}`);
  labelsMultiline(w, "Labels", obj.metadata.labels);
  annotationsMultiline(w, "Annotations", obj.metadata.annotations);
  w.line(0, `API Version:\t${obj.apiVersion}`);
  w.line(0, `Kind:\t${obj.kind}`);
  const rest = Object.fromEntries(Object.entries(obj).filter(([k]) => !SKIP_TOP.has(k)));
  fields(w, 0, rest);
  describeEvents(w, eventsFor(obj, ctx.view), ctx.now);
  return w.done();
}
