// StatefulSet defaults: SetDefaults_StatefulSet (pkg/apis/apps/v1/defaults.go, kubernetes v1.32)
// plus the generated defaulters for its pod template and claim templates. An explicit
// `type: RollingUpdate` without `rollingUpdate` keeps rollingUpdate unset (no partition), as
// upstream does; MaxUnavailableStatefulSet is off in 1.32, so maxUnavailable is not defaulted.

import type { KubeObject } from "../types";
import { setDefaultsPodTemplate } from "./pod-spec";
import { defaultPersistentVolumeClaim } from "./persistent-volume";

export function defaultStatefulSet(set: KubeObject): void {
  set.spec ??= {};
  const spec = set.spec;
  spec.podManagementPolicy ||= "OrderedReady";
  spec.updateStrategy ??= {};
  if (!spec.updateStrategy.type) {
    spec.updateStrategy.type = "RollingUpdate";
    spec.updateStrategy.rollingUpdate ??= {};
  }
  if (spec.updateStrategy.type === "RollingUpdate" && spec.updateStrategy.rollingUpdate) spec.updateStrategy.rollingUpdate.partition ??= 0;
  spec.persistentVolumeClaimRetentionPolicy ??= {};
  spec.persistentVolumeClaimRetentionPolicy.whenDeleted ||= "Retain";
  spec.persistentVolumeClaimRetentionPolicy.whenScaled ||= "Retain";
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  setDefaultsPodTemplate(spec.template);
  for (const claim of spec.volumeClaimTemplates ?? []) {
    claim.metadata ??= {};
    if (!("creationTimestamp" in claim.metadata)) claim.metadata.creationTimestamp = null;
    defaultPersistentVolumeClaim(claim);
  }
}
