// Port of plugin/pkg/admission/storage/storageclass/setdefault/admission.go
// (DefaultStorageClass): a claim created without storageClassName (and without the legacy
// beta annotation) gets the default StorageClass; `storageClassName: ""` opts out. With
// several defaults the newest wins (GetDefaultClass sorts by creation time, then name).

import type { KubeObject } from "../types";
import type { ApiServer } from "../server";

const DEFAULT = "storageclass.kubernetes.io/is-default-class";
const BETA_DEFAULT = "storageclass.beta.kubernetes.io/is-default-class";
const BETA_CLASS = "volume.beta.kubernetes.io/storage-class";

export function setDefaultStorageClass(obj: KubeObject, api: ApiServer): void {
  if (obj.kind !== "PersistentVolumeClaim") return;
  if (obj.spec?.storageClassName !== undefined && obj.spec?.storageClassName !== null) return;
  if (obj.metadata.annotations?.[BETA_CLASS] !== undefined) return;
  const defaults = api
    .list("StorageClass")
    .filter((sc) => sc.metadata.annotations?.[DEFAULT] === "true" || sc.metadata.annotations?.[BETA_DEFAULT] === "true")
    .sort((a, b) => newestFirst(a, b));
  if (defaults.length === 0) return;
  obj.spec = { ...obj.spec, storageClassName: defaults[0].metadata.name };
}

function newestFirst(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata.creationTimestamp ?? "";
  const tb = b.metadata.creationTimestamp ?? "";
  if (ta !== tb) return ta > tb ? -1 : 1;
  return (a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1;
}
