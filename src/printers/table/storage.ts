// PersistentVolumeClaims, PersistentVolumes and StorageClasses (printPersistentVolumeClaim,
// printPersistentVolume, printStorageClass).

import type { KubeObject } from "../../api/types";
import { age } from "../age";
import { nameOf } from "./cells";
import type { TableHandler } from "./types";

/** GetAccessModesAsString: a fixed order, de-duplicated. */
export function accessModes(modes: string[] | undefined): string {
  const have = new Set(modes ?? []);
  const out: string[] = [];
  if (have.has("ReadWriteOnce")) out.push("RWO");
  if (have.has("ReadOnlyMany")) out.push("ROX");
  if (have.has("ReadWriteMany")) out.push("RWX");
  if (have.has("ReadWriteOncePod")) out.push("RWOP");
  return out.join(",");
}

const BETA_CLASS = "volume.beta.kubernetes.io/storage-class";
const storageClassOf = (o: KubeObject): string => o.metadata.annotations?.[BETA_CLASS] ?? o.spec?.storageClassName ?? "";

export const persistentVolumeClaimTable: TableHandler = {
  kind: "PersistentVolumeClaim",
  columns: [
    { name: "NAME" },
    { name: "STATUS" },
    { name: "VOLUME" },
    { name: "CAPACITY" },
    { name: "ACCESS MODES" },
    { name: "STORAGECLASS" },
    { name: "VOLUMEATTRIBUTESCLASS" },
    { name: "AGE" },
    { name: "VOLUMEMODE", wide: true },
  ],
  row(pvc, now) {
    const bound = Boolean(pvc.spec?.volumeName);
    return [
      nameOf(pvc),
      pvc.metadata.deletionTimestamp ? "Terminating" : (pvc.status?.phase ?? ""),
      pvc.spec?.volumeName ?? "",
      bound ? (pvc.status?.capacity?.storage ?? "0") : "",
      bound ? accessModes(pvc.status?.accessModes) : "",
      storageClassOf(pvc),
      pvc.spec?.volumeAttributesClassName || "<unset>",
      age(pvc.metadata.creationTimestamp, now),
      pvc.spec?.volumeMode ?? "<unset>",
    ];
  },
};

export const persistentVolumeTable: TableHandler = {
  kind: "PersistentVolume",
  columns: [
    { name: "NAME" },
    { name: "CAPACITY" },
    { name: "ACCESS MODES" },
    { name: "RECLAIM POLICY" },
    { name: "STATUS" },
    { name: "CLAIM" },
    { name: "STORAGECLASS" },
    { name: "VOLUMEATTRIBUTESCLASS" },
    { name: "REASON" },
    { name: "AGE" },
    { name: "VOLUMEMODE", wide: true },
  ],
  row(pv, now) {
    const ref = pv.spec?.claimRef;
    return [
      nameOf(pv),
      pv.spec?.capacity?.storage ?? "0",
      accessModes(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? "",
      pv.metadata.deletionTimestamp ? "Terminating" : (pv.status?.phase ?? ""),
      ref ? `${ref.namespace ?? ""}/${ref.name ?? ""}` : "",
      storageClassOf(pv),
      pv.spec?.volumeAttributesClassName || "<unset>",
      pv.status?.reason ?? "",
      age(pv.metadata.creationTimestamp, now),
      pv.spec?.volumeMode ?? "<unset>",
    ];
  },
};

const DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";
const BETA_DEFAULT_CLASS = "storageclass.beta.kubernetes.io/is-default-class";

/** Top-level fields: a StorageClass has no spec. */
export const storageClassTable: TableHandler = {
  kind: "StorageClass",
  columns: [
    { name: "NAME" },
    { name: "PROVISIONER" },
    { name: "RECLAIMPOLICY" },
    { name: "VOLUMEBINDINGMODE" },
    { name: "ALLOWVOLUMEEXPANSION" },
    { name: "AGE" },
  ],
  row(sc, now) {
    const a = sc.metadata.annotations ?? {};
    const isDefault = a[DEFAULT_CLASS] === "true" || a[BETA_DEFAULT_CLASS] === "true";
    const s = sc as any;
    return [
      nameOf(sc) + (isDefault ? " (default)" : ""),
      s.provisioner ?? "",
      s.reclaimPolicy ?? "Delete",
      s.volumeBindingMode ?? "Immediate",
      String(s.allowVolumeExpansion ?? false),
      age(sc.metadata.creationTimestamp, now),
    ];
  },
};
