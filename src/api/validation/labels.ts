// Label, annotation and label-selector checks, ported from
// k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go and
// k8s.io/apimachinery/pkg/api/validation/objectmeta.go (ValidateAnnotations).

import type { LabelSelector } from "../types";
import type { FieldIssue } from "./issues";
import { forbiddenField, invalidValue, required } from "./issues";
import { isQualifiedName, isValidLabelValue } from "./dns";

export const TotalAnnotationSizeLimitB = 256 * 1024;

/** Go ranges over maps in random order; sorting keys keeps kubesim's output stable. */
const sortedEntries = (m: Record<string, unknown>): [string, unknown][] =>
  Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

export function validateLabelName(labelName: string, path: string): FieldIssue[] {
  return isQualifiedName(labelName).map((msg) => invalidValue(path, labelName, msg));
}

/** Keys and values are reported at the map's path itself, as upstream does. */
export function validateLabels(labels: Record<string, unknown> | undefined, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [k, v] of sortedEntries(labels ?? {})) {
    issues.push(...validateLabelName(k, path));
    if (typeof v === "string") issues.push(...isValidLabelValue(v).map((msg) => invalidValue(path, v, msg)));
  }
  return issues;
}

export function validateAnnotations(annotations: Record<string, unknown> | undefined, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  let size = 0;
  for (const [k, v] of sortedEntries(annotations ?? {})) {
    // The rule is QualifiedName except that case doesn't matter.
    issues.push(...isQualifiedName(k.toLowerCase()).map((msg) => invalidValue(path, k, msg)));
    size += k.length + String(v ?? "").length;
  }
  if (size > TotalAnnotationSizeLimitB) {
    issues.push({ type: "TooLong", path, value: "", detail: `may not be more than ${TotalAnnotationSizeLimitB} bytes` });
  }
  return issues;
}

export function validateLabelSelector(ps: LabelSelector | undefined | null, path: string): FieldIssue[] {
  if (!ps) return [];
  const issues = validateLabels(ps.matchLabels, `${path}.matchLabels`);
  (ps.matchExpressions ?? []).forEach((sr, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const values = sr.values ?? [];
    switch (sr.operator) {
      case "In":
      case "NotIn":
        if (values.length === 0) issues.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case "Exists":
      case "DoesNotExist":
        if (values.length > 0) issues.push(forbiddenField(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        issues.push(invalidValue(`${p}.operator`, sr.operator, "not a valid selector operator"));
    }
    issues.push(...validateLabelName(sr.key ?? "", `${p}.key`));
    values.forEach((v, j) => issues.push(...isValidLabelValue(v).map((msg) => invalidValue(`${p}.values[${j}]`, v, msg))));
  });
  return issues;
}
