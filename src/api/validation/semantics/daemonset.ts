// DaemonSet checks, ported from ValidateDaemonSetSpec (pkg/apis/apps/validation/validation.go,
// kubernetes v1.32): the selector, the template's labels against it, restartPolicy and
// minReadySeconds. kubesim does not default DaemonSets, so an unset restartPolicy stands for the
// defaulted "Always"; the template's pod spec and the update strategy are not checked yet.

import type { LabelSelector } from "../../types";
import type { FieldIssue } from "../issues";
import { invalidValue, notSupported } from "../issues";
import { validateLabelSelector } from "../labels";
import { validateNonnegativeField, type Obj } from "./common";
import { selectorMatches } from "./workloads";

export function validateDaemonSet(ds: Obj): FieldIssue[] {
  const spec: Obj = ds.spec ?? {};
  const sel: LabelSelector | undefined = spec.selector;
  const issues = validateLabelSelector(sel, "spec.selector");
  const labels: Record<string, string> | undefined = spec.template?.metadata?.labels;
  // A nil selector converts to labels.Nothing(), which matches no labels.
  if (!selectorMatches(sel, labels ?? {})) {
    issues.push(invalidValue("spec.template.metadata.labels", labels, "`selector` does not match template `labels`", "map[string]string"));
  }
  if (sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
    issues.push(invalidValue("spec.selector", sel, "empty selector is invalid for daemonset", "v1.LabelSelector"));
  }
  const restartPolicy = spec.template?.spec?.restartPolicy || "Always";
  if (restartPolicy !== "Always") issues.push(notSupported("spec.template.spec.restartPolicy", restartPolicy, ["Always"]));
  issues.push(...validateNonnegativeField(spec.minReadySeconds, "spec.minReadySeconds"));
  return issues;
}
