// StatefulSet update rules: ValidateStatefulSetUpdate (pkg/apis/apps/validation/validation.go,
// kubernetes v1.32). Only replicas, ordinals, template, updateStrategy, revisionHistoryLimit,
// persistentVolumeClaimRetentionPolicy and minReadySeconds may change; anything else in spec
// (serviceName, selector, volumeClaimTemplates, podManagementPolicy) is one Forbidden on "spec".

import type { FieldIssue } from "../issues";
import { forbiddenField } from "../issues";
import { semanticEqual, type Obj } from "./common";

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
