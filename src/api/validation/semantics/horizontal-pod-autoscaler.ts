// HorizontalPodAutoscaler (autoscaling/v2) checks, ported from validateHorizontalPodAutoscalerSpec,
// ValidateCrossVersionObjectReference, validateMetricSpec, validateResourceSource,
// validateMetricTarget and validateScalingRules (pkg/apis/autoscaling/validation/validation.go,
// kubernetes v1.32), with HPAScaleToZero off (its default), so minReplicas must be at least 1.
// kubesim does not default HPAs: an unset minReplicas stands for the defaulted 1, and unset
// metrics for the defaulted CPU target, which is valid. Not ported: object, pods, external and
// containerResource sources beyond their presence.

import type { FieldIssue } from "../issues";
import { forbiddenField, invalidValue, notSupported, required } from "../issues";
import type { Obj } from "./common";

const MIN_REPLICAS_LOWER_BOUND = 1;
const MAX_PERIOD_SECONDS = 1800;
const MAX_STABILIZATION_WINDOW_SECONDS = 3600;

/** sets.List order: sorted. */
const METRIC_SOURCE_TYPES = ["ContainerResource", "External", "Object", "Pods", "Resource"];
const SELECT_POLICIES = ["Disabled", "Max", "Min"];
const POLICY_TYPES = ["Percent", "Pods"];

/** The field each metric source type populates, in upstream's check order. */
const SOURCE_FIELDS: readonly (readonly [string, string])[] = [
  ["object", "Object"],
  ["external", "External"],
  ["pods", "Pods"],
  ["resource", "Resource"],
  ["containerResource", "ContainerResource"],
];

/** path.IsValidPathSegmentName: the name ends up in a URL path. */
function isValidPathSegmentName(name: string): string[] {
  if (name === "." || name === "..") return [`may not be '${name}'`];
  const errs: string[] = [];
  for (const illegal of ["/", "%"]) if (name.includes(illegal)) errs.push(`may not contain '${illegal}'`);
  return errs;
}

function validateReferenceField(value: unknown, path: string): FieldIssue[] {
  const s = value === undefined || value === null ? "" : String(value);
  if (s === "") return [required(path, "")];
  return isValidPathSegmentName(s).map((msg) => invalidValue(path, s, msg));
}

export function validateCrossVersionObjectReference(ref: Obj | undefined, path: string): FieldIssue[] {
  return [...validateReferenceField(ref?.kind, `${path}.kind`), ...validateReferenceField(ref?.name, `${path}.name`)];
}

/** A quantity's sign, from its text: "0", "-1", "500m". */
const isPositiveQuantity = (q: unknown): boolean => !/^\s*-/.test(String(q)) && /[1-9]/.test(String(q).replace(/[eE].*$/, ""));

function validateMetricTarget(target: Obj, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const type = target.type ?? "";
  if (type === "") issues.push(required(`${path}.type`, "must specify a metric target type"));
  if (!["Utilization", "Value", "AverageValue"].includes(type)) {
    issues.push(invalidValue(`${path}.type`, type, "must be either Utilization, Value, or AverageValue"));
  }
  if (target.value !== undefined && !isPositiveQuantity(target.value)) issues.push(invalidValue(`${path}.value`, String(target.value), "must be positive"));
  if (target.averageValue !== undefined && !isPositiveQuantity(target.averageValue)) {
    issues.push(invalidValue(`${path}.averageValue`, String(target.averageValue), "must be positive"));
  }
  if (typeof target.averageUtilization === "number" && target.averageUtilization < 1) {
    issues.push(invalidValue(`${path}.averageUtilization`, target.averageUtilization, "must be greater than 0"));
  }
  return issues;
}

function validateResourceSource(src: Obj, path: string): FieldIssue[] {
  const target: Obj = src.target ?? {};
  const issues: FieldIssue[] = [];
  if (!src.name) issues.push(required(`${path}.name`, "must specify a resource name"));
  issues.push(...validateMetricTarget(target, `${path}.target`));
  if (target.averageUtilization === undefined && target.averageValue === undefined) {
    issues.push(required(`${path}.target.averageUtilization`, "must set either a target raw value or a target utilization"));
  }
  if (target.averageUtilization !== undefined && target.averageValue !== undefined) {
    issues.push(forbiddenField(`${path}.target.averageValue`, "may not set both a target raw value and a target utilization"));
  }
  return issues;
}

function validateMetricSpec(metric: Obj, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const type = metric.type ?? "";
  if (type === "") issues.push(required(`${path}.type`, "must specify a metric source type"));
  const known = METRIC_SOURCE_TYPES.includes(type);
  if (!known) issues.push(notSupported(`${path}.type`, type, METRIC_SOURCE_TYPES));
  const present = SOURCE_FIELDS.filter(([f]) => metric[f] !== undefined && metric[f] !== null).map(([f]) => f);
  if (present[0] === "resource") issues.push(...validateResourceSource(metric.resource, `${path}.resource`));
  const expected = SOURCE_FIELDS.find(([, t]) => t === type)?.[0];
  if (expected && !present.includes(expected)) {
    issues.push(required(`${path}.${expected}`, "must populate information for the given metric source"));
  }
  // The switch's default case adds a second NotSupported for an unknown type.
  if (!known) issues.push(notSupported(`${path}.type`, type, METRIC_SOURCE_TYPES));
  if (present.length !== 1) {
    for (const f of present.filter((f) => f !== expected).sort()) {
      issues.push(forbiddenField(`${path}.${f}`, "must populate the given metric source only"));
    }
  }
  return issues;
}

function validateScalingRules(rules: Obj | undefined, path: string): FieldIssue[] {
  if (!rules) return [];
  const issues: FieldIssue[] = [];
  const window = rules.stabilizationWindowSeconds;
  if (typeof window === "number" && window < 0) {
    issues.push(invalidValue(`${path}.stabilizationWindowSeconds`, window, "must be greater than or equal to zero"));
  }
  if (typeof window === "number" && window > MAX_STABILIZATION_WINDOW_SECONDS) {
    issues.push(invalidValue(`${path}.stabilizationWindowSeconds`, window, `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`));
  }
  if (rules.selectPolicy !== undefined && !SELECT_POLICIES.includes(rules.selectPolicy)) {
    issues.push(notSupported(`${path}.selectPolicy`, rules.selectPolicy, SELECT_POLICIES));
  }
  // An empty policies list is defaulted (GenerateHPAScaleUpRules), so it is never Required here.
  for (const [i, p] of ((rules.policies ?? []) as Obj[]).entries()) {
    const pp = `${path}.policies[${i}]`;
    if (!POLICY_TYPES.includes(p.type)) issues.push(notSupported(`${pp}.type`, p.type ?? "", POLICY_TYPES));
    if (!((p.value ?? 0) > 0)) issues.push(invalidValue(`${pp}.value`, p.value ?? 0, "must be greater than zero"));
    if (!((p.periodSeconds ?? 0) > 0)) issues.push(invalidValue(`${pp}.periodSeconds`, p.periodSeconds ?? 0, "must be greater than zero"));
    if ((p.periodSeconds ?? 0) > MAX_PERIOD_SECONDS) {
      issues.push(invalidValue(`${pp}.periodSeconds`, p.periodSeconds, `must be less than or equal to ${MAX_PERIOD_SECONDS}`));
    }
  }
  return issues;
}

export function validateHorizontalPodAutoscaler(hpa: Obj): FieldIssue[] {
  const spec: Obj = hpa.spec ?? {};
  const minReplicas: number = spec.minReplicas ?? 1;
  const maxReplicas: number = spec.maxReplicas ?? 0;
  const issues: FieldIssue[] = [];
  if (minReplicas < MIN_REPLICAS_LOWER_BOUND) {
    issues.push(invalidValue("spec.minReplicas", minReplicas, `must be greater than or equal to ${MIN_REPLICAS_LOWER_BOUND}`));
  }
  if (maxReplicas < 1) issues.push(invalidValue("spec.maxReplicas", maxReplicas, "must be greater than 0"));
  if (maxReplicas < minReplicas) issues.push(invalidValue("spec.maxReplicas", maxReplicas, "must be greater than or equal to `minReplicas`"));
  issues.push(...validateCrossVersionObjectReference(spec.scaleTargetRef, "spec.scaleTargetRef"));
  const metrics: Obj[] = spec.metrics ?? [];
  for (const [i, m] of metrics.entries()) issues.push(...validateMetricSpec(m, `spec.metrics[${i}]`));
  if (minReplicas === 0 && !metrics.some((m) => m.type === "Object" || m.type === "External")) {
    issues.push(forbiddenField("spec.metrics", "must specify at least one Object or External metric to support scaling to zero replicas"));
  }
  issues.push(...validateScalingRules(spec.behavior?.scaleUp, "spec.behavior.scaleUp"));
  issues.push(...validateScalingRules(spec.behavior?.scaleDown, "spec.behavior.scaleDown"));
  return issues;
}
