// PersistentVolumeClaim checks: ValidatePersistentVolumeClaimSpec (pkg/apis/core/validation,
// kubernetes v1.32) for access modes and the storage request; class names, data sources and
// quantities beyond "present" are not checked yet.

import type { FieldIssue } from "../issues";
import { notSupported, required } from "../issues";
import type { Obj } from "./common";

/** sets.List order: sorted. */
const ACCESS_MODES = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];

export function validatePersistentVolumeClaimSpec(spec: Obj, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const modes: unknown[] = spec.accessModes ?? [];
  if (modes.length === 0) issues.push(required(`${path}.accessModes`, "at least 1 access mode is required"));
  for (const m of modes) if (!ACCESS_MODES.includes(String(m))) issues.push(notSupported(`${path}.accessModes`, m, ACCESS_MODES));
  if (spec.resources?.requests?.storage === undefined) issues.push(required(`${path}.resources[storage]`, ""));
  return issues;
}

export function validatePersistentVolumeClaim(pvc: Obj): FieldIssue[] {
  return validatePersistentVolumeClaimSpec(pvc.spec ?? {}, "spec");
}
