// Node checks: validateNodeTaints and validateTaintEffect (pkg/apis/core/validation/validation.go,
// kubernetes v1.32), for the taints a user writes. Duplicate key/effect pairs are not checked yet.

import type { FieldIssue } from "../issues";
import { invalidValue, notSupported, required } from "../issues";
import { isValidLabelValue } from "../dns";
import { validateLabelName } from "../labels";
import type { Obj } from "./common";

/** In upstream's order, which is not sorted (upstream has left NoScheduleNoAdmit out of the supported list). */
const TAINT_EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

export function validateTaintEffect(effect: unknown, path: string): FieldIssue[] {
  if (effect === undefined || effect === "") return [required(path, "")];
  return TAINT_EFFECTS.includes(String(effect)) ? [] : [notSupported(path, effect, TAINT_EFFECTS)];
}

export function validateNode(node: Obj): FieldIssue[] {
  const taints: Obj[] = node.spec?.taints ?? [];
  return taints.flatMap((t, i) => {
    const path = `spec.taints[${i}]`;
    const valueErrors = isValidLabelValue(String(t.value ?? ""));
    return [
      ...validateLabelName(String(t.key ?? ""), `${path}.key`),
      ...(valueErrors.length > 0 ? [invalidValue(`${path}.value`, t.value, valueErrors.join(";"))] : []),
      ...validateTaintEffect(t.effect, `${path}.effect`),
    ];
  });
}
