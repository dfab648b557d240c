// StatefulSet update rules: ValidateStatefulSetUpdate (pkg/apis/apps/validation/validation.go,
// kubernetes v1.32). Only replicas, ordinals, template, updateStrategy, revisionHistoryLimit,
// persistentVolumeClaimRetentionPolicy and minReadySeconds may change; anything else in spec
// (serviceName, selector, volumeClaimTemplates, podManagementPolicy) is one Forbidden on "spec".

import type { LabelSelector } from "../../types";
import type { FieldIssue } from "../issues";
import { forbiddenField, invalidValue, notSupported } from "../issues";
import { validateLabelSelector, validateLabels } from "../labels";
import { semanticEqual, validateNonnegativeField, type Obj } from "./common";
import { selectorMatches } from "./workloads";

const MUTABLE = ["replicas", "ordinals", "template", "updateStrategy", "revisionHistoryLimit", "persistentVolumeClaimRetentionPolicy", "minReadySeconds"];

export const STATEFULSET_SPEC_FORBIDDEN =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

export function validateStatefulSetUpdate(newObj: Obj, oldObj: Obj): FieldIssue[] {
  const frozen = (spec: Obj | undefined): Obj => {
    const copy: Obj = { ...(spec ?? {}) };
    for (const k of MUTABLE) delete copy[k];
    return copy;
  };
  return semanticEqual(frozen(newObj.spec), frozen(oldObj.spec)) ? [] : [forbiddenField("spec", STATEFULSET_SPEC_FORBIDDEN)];
}

/**
 * ValidateStatefulSetSpec from replicas on: counts, selector, the template's labels against the
 * selector, restartPolicy. (Upstream does not validate the template's pod spec here.) The
 * policy fields are left to defaulting; a missing selector is the schema's Required.
 */
export function validateStatefulSet(sts: Obj): FieldIssue[] {
  const spec: Obj = sts.spec ?? {};
  const sel: LabelSelector | undefined = spec.selector;
  const issues = [
    ...validateNonnegativeField(spec.replicas, "spec.replicas"),
    ...validateNonnegativeField(spec.minReadySeconds, "spec.minReadySeconds"),
  ];
  const emptySelector = Object.keys(sel?.matchLabels ?? {}).length + (sel?.matchExpressions ?? []).length === 0;
  if (sel) {
    issues.push(...validateLabelSelector(sel, "spec.selector"));
    if (emptySelector) issues.push(invalidValue("spec.selector", sel, "empty selector is invalid for statefulset", "v1.LabelSelector"));
  }
  const labels: Record<string, string> = spec.template?.metadata?.labels ?? {};
  if (sel && !emptySelector && !selectorMatches(sel, labels)) {
    issues.push(invalidValue("spec.template.metadata.labels", spec.template?.metadata?.labels, "`selector` does not match template `labels`", "map[string]string"));
  }
  issues.push(...validateLabels(labels, "spec.template.labels"));
  const restartPolicy = spec.template?.spec?.restartPolicy ?? "";
  if (restartPolicy !== "Always") issues.push(notSupported("spec.template.spec.restartPolicy", restartPolicy, ["Always"]));
  if (spec.template?.spec?.activeDeadlineSeconds !== undefined) {
    issues.push(forbiddenField("spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in StatefulSet is not Supported"));
  }
  return issues;
}
