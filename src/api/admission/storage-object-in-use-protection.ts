// Port of plugin/pkg/admission/storage/storageobjectinuseprotection/admission.go: every new
// PersistentVolumeClaim gets the kubernetes.io/pvc-protection finalizer and every new
// PersistentVolume kubernetes.io/pv-protection, so neither disappears while in use (the
// protection controllers remove them when it is safe).

import type { KubeObject } from "../types";

const FINALIZERS: Readonly<Record<string, string>> = {
  PersistentVolumeClaim: "kubernetes.io/pvc-protection",
  PersistentVolume: "kubernetes.io/pv-protection",
};

export function addProtectionFinalizer(obj: KubeObject): void {
  const finalizer = FINALIZERS[obj.kind];
  if (!finalizer) return;
  const finalizers: string[] = obj.metadata.finalizers ?? [];
  if (!finalizers.includes(finalizer)) obj.metadata.finalizers = [...finalizers, finalizer];
}
