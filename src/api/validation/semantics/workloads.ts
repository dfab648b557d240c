// Deployment, ReplicaSet and ReplicationController checks, ported from
// pkg/apis/apps/validation/validation.go (ValidateDeploymentSpec, ValidateReplicaSetSpec,
// ValidatePodTemplateSpecForReplicaSet, ValidateDeploymentStrategy) and
// pkg/apis/core/validation/validation.go (ValidateReplicationControllerSpec).

import type { LabelSelector } from "../../types";
import type { FieldIssue } from "../issues";
import { forbiddenField, invalidValue, notSupported, required } from "../issues";
import { regexError } from "../dns";
import { validateLabelSelector } from "../labels";
import { validateImmutableField, validateNonnegativeField, type Obj } from "./common";
import { validatePodTemplateSpec } from "./pod";

const percentFmt = "[0-9]+%";
const percentErrMsg = "a valid percent string must be a numeric string followed by an ending '%'";
const percentRegexp = new RegExp("^" + percentFmt + "$");

/** Does the selector (nil = labels.Nothing(), which matches nothing) select these labels? */
export function selectorMatches(sel: LabelSelector | undefined | null, labels: Record<string, string>): boolean {
  if (!sel) return false;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = e.key in labels;
    const inValues = has && (e.values ?? []).includes(labels[e.key]);
    if (e.operator === "In" && !inValues) return false;
    if (e.operator === "NotIn" && inValues) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

function isValidSelectorSyntax(sel: LabelSelector | undefined | null): boolean {
  return (sel?.matchExpressions ?? []).every((e) => ["In", "NotIn", "Exists", "DoesNotExist"].includes(e.operator));
}

/** The template checks of ValidatePodTemplateSpecForReplicaSet / ForRC. */
function validateTemplateFor(
  template: Obj | undefined,
  matches: (labels: Record<string, string>) => boolean | undefined,
  path: string,
  activeDeadline: (p: string, v: unknown) => FieldIssue,
): FieldIssue[] {
  if (!template) return [required(path, "")];
  const issues: FieldIssue[] = [];
  const labels: Record<string, string> | undefined = template.metadata?.labels;
  if (matches(labels ?? {}) === false) {
    issues.push(invalidValue(`${path}.metadata.labels`, labels, "`selector` does not match template `labels`", "map[string]string"));
  }
  issues.push(...validatePodTemplateSpec(template, path));
  const restartPolicy = template.spec?.restartPolicy ?? "";
  if (restartPolicy !== "Always") issues.push(notSupported(`${path}.spec.restartPolicy`, restartPolicy, ["Always"]));
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    issues.push(activeDeadline(`${path}.spec.activeDeadlineSeconds`, template.spec.activeDeadlineSeconds));
  }
  return issues;
}

/** Selector checks shared by Deployment and ReplicaSet (upstream's message names deployment for both). */
function validateAppsSelectorAndTemplate(spec: Obj): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const sel: LabelSelector | undefined = spec.selector;
  if (!sel) issues.push(required("spec.selector", ""));
  else {
    issues.push(...validateLabelSelector(sel, "spec.selector"));
    if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
      issues.push(invalidValue("spec.selector", sel, "empty selector is invalid for deployment", "v1.LabelSelector"));
    }
  }
  if (!isValidSelectorSyntax(sel)) {
    issues.push(invalidValue("spec.selector", sel, "invalid label selector", "v1.LabelSelector"));
    return issues;
  }
  const empty = !!sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0;
  issues.push(
    ...validateTemplateFor(
      spec.template,
      (labels) => (empty ? undefined : selectorMatches(sel, labels)),
      "spec.template",
      (p, v) => invalidValue(p, v, "activeDeadlineSeconds in ReplicaSet is not Supported"),
    ),
  );
  return issues;
}

function percentValue(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string" && percentRegexp.test(v)) return Number(v.slice(0, -1));
  return undefined;
}

function validatePositiveIntOrPercent(v: unknown, path: string): FieldIssue[] {
  if (typeof v === "string") {
    return percentRegexp.test(v) ? [] : [invalidValue(path, v, regexError(percentErrMsg, percentFmt, "1%", "93%"), "intstr.IntOrString")];
  }
  return validateNonnegativeField(v, path);
}

function validateRollingUpdateDeployment(ru: Obj, path: string): FieldIssue[] {
  const issues = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, `${path}.maxUnavailable`),
    ...validatePositiveIntOrPercent(ru.maxSurge, `${path}.maxSurge`),
  ];
  if ((percentValue(ru.maxUnavailable) ?? 0) === 0 && (percentValue(ru.maxSurge) ?? 0) === 0) {
    issues.push(invalidValue(`${path}.maxUnavailable`, ru.maxUnavailable ?? 0, "may not be 0 when `maxSurge` is 0", "intstr.IntOrString"));
  }
  if (typeof ru.maxUnavailable === "string" && (percentValue(ru.maxUnavailable) ?? 0) > 100) {
    issues.push(invalidValue(`${path}.maxUnavailable`, ru.maxUnavailable, "must not be greater than 100%", "intstr.IntOrString"));
  }
  return issues;
}

function validateDeploymentStrategy(strategy: Obj | undefined, path: string): FieldIssue[] {
  const s: Obj = strategy ?? {};
  switch (s.type) {
    case "Recreate":
      return s.rollingUpdate ? [forbiddenField(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")] : [];
    case "RollingUpdate":
      return s.rollingUpdate
        ? validateRollingUpdateDeployment(s.rollingUpdate, `${path}.rollingUpdate`)
        : [required(`${path}.rollingUpdate`, "this should be defaulted and never be nil")];
    default:
      return [notSupported(path, s, ["Recreate", "RollingUpdate"])];
  }
}

export function validateDeployment(d: Obj): FieldIssue[] {
  const spec: Obj = d.spec ?? {};
  const issues = [...validateNonnegativeField(spec.replicas, "spec.replicas"), ...validateAppsSelectorAndTemplate(spec)];
  issues.push(...validateDeploymentStrategy(spec.strategy, "spec.strategy"));
  issues.push(...validateNonnegativeField(spec.minReadySeconds, "spec.minReadySeconds"));
  issues.push(...validateNonnegativeField(spec.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  if (typeof spec.progressDeadlineSeconds === "number") {
    issues.push(...validateNonnegativeField(spec.progressDeadlineSeconds, "spec.progressDeadlineSeconds"));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      issues.push(invalidValue("spec.progressDeadlineSeconds", spec.progressDeadlineSeconds, "must be greater than minReadySeconds"));
    }
  }
  return issues;
}

export function validateReplicaSet(rs: Obj): FieldIssue[] {
  const spec: Obj = rs.spec ?? {};
  return [
    ...validateNonnegativeField(spec.replicas, "spec.replicas"),
    ...validateNonnegativeField(spec.minReadySeconds, "spec.minReadySeconds"),
    ...validateAppsSelectorAndTemplate(spec),
  ];
}

export function validateReplicationController(rc: Obj): FieldIssue[] {
  const spec: Obj = rc.spec ?? {};
  const selector: Record<string, string> = spec.selector ?? {};
  const empty = Object.keys(selector).length === 0;
  return [
    ...validateNonnegativeField(spec.minReadySeconds, "spec.minReadySeconds"),
    ...(empty ? [required("spec.selector", "")] : []),
    ...validateNonnegativeField(spec.replicas, "spec.replicas"),
    ...validateTemplateFor(
      spec.template,
      (labels) => (empty ? undefined : Object.entries(selector).every(([k, v]) => labels[k] === v)),
      "spec.template",
      (p) => forbiddenField(p, "activeDeadlineSeconds in ReplicationController is not Supported"),
    ),
  ];
}

/** apps/v1 forbids changing the selector of a Deployment, ReplicaSet or DaemonSet. */
export function validateSelectorUpdate(newObj: Obj, oldObj: Obj): FieldIssue[] {
  return validateImmutableField(newObj.spec?.selector, oldObj.spec?.selector, "spec.selector", "v1.LabelSelector");
}
