// PersistentVolume checks, ported from ValidatePersistentVolumeSpec (non-inline),
// validateHostPathVolumeSource, validateNFSVolumeSource and validateLocalVolumeSource
// (pkg/apis/core/validation/validation.go, kubernetes v1.32): access modes, capacity, reclaim
// policy, exactly one volume source, volume mode. Not ported: capacity quantities, node
// affinity terms, class names, and the checks of sources other than hostPath, nfs and local.

import type { FieldIssue } from "../issues";
import { forbiddenField, invalidValue, notSupported, required } from "../issues";
import { sortedKeys, type Obj } from "./common";

/** sets.List order: sorted. */
const ACCESS_MODES = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];
const RECLAIM_POLICIES = ["Delete", "Recycle", "Retain"];
const VOLUME_MODES = ["Block", "Filesystem"];
const HOST_PATH_TYPES = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"];

/** The volume sources in upstream's check order: JSON field, and the path its Forbidden names. */
const VOLUME_SOURCES: readonly (readonly [string, string])[] = [
  ["hostPath", "hostPath"],
  ["gcePersistentDisk", "gcePersistentDisk"],
  ["awsElasticBlockStore", "awsElasticBlockStore"],
  ["glusterfs", "glusterfs"],
  ["flocker", "flocker"],
  ["nfs", "nfs"],
  ["rbd", "rbd"],
  ["quobyte", "quobyte"],
  ["cephfs", "cephFS"],
  ["iscsi", "iscsi"],
  ["cinder", "cinder"],
  ["fc", "fc"],
  ["flexVolume", "flexVolume"],
  ["azureFile", "azureFile"],
  ["vsphereVolume", "vsphereVolume"],
  ["photonPersistentDisk", "photonPersistentDisk"],
  ["portworxVolume", "portworxVolume"],
  ["azureDisk", "azureDisk"],
  ["scaleIO", "scaleIO"],
  ["local", "local"],
  ["storageos", "storageos"],
  ["csi", "csi"],
];

/** path.Clean(p) == "/": an absolute path of only separators, "." and "..". */
const isRoot = (p: unknown): boolean =>
  typeof p === "string" && p.startsWith("/") && p.split("/").every((x) => x === "" || x === "." || x === "..");

/** validatePathNoBacksteps. */
function validatePathNoBacksteps(p: string, path: string): FieldIssue[] {
  return p.split("/").includes("..") ? [invalidValue(path, p, "must not contain '..'")] : [];
}

function validateHostPath(src: Obj, path: string): FieldIssue[] {
  const p = String(src.path ?? "");
  if (p === "") return [required(`${path}.path`, "")];
  const type = src.type ?? "";
  return [
    ...validatePathNoBacksteps(p, `${path}.path`),
    ...(HOST_PATH_TYPES.includes(type) ? [] : [notSupported(`${path}.type`, type, HOST_PATH_TYPES)]),
  ];
}

function validateNFS(src: Obj, path: string): FieldIssue[] {
  const p = String(src.path ?? "");
  return [
    ...(src.server ? [] : [required(`${path}.server`, "")]),
    ...(p === "" ? [required(`${path}.path`, "")] : []),
    ...(p.startsWith("/") ? [] : [invalidValue(`${path}.path`, p, "must be an absolute path")]),
  ];
}

function validateLocal(src: Obj, path: string): FieldIssue[] {
  const p = String(src.path ?? "");
  return p === "" ? [required(`${path}.path`, "")] : validatePathNoBacksteps(p, `${path}.path`);
}

/** Each source upstream validates beyond "present"; the others are only counted. */
const SOURCE_CHECKS: Record<string, (src: Obj, path: string) => FieldIssue[]> = {
  hostPath: validateHostPath,
  nfs: validateNFS,
  local: validateLocal,
};

function validateVolumeSources(spec: Obj): FieldIssue[] {
  const issues: FieldIssue[] = [];
  let numVolumes = 0;
  for (const [field, forbiddenName] of VOLUME_SOURCES) {
    const src = spec[field];
    if (src === undefined || src === null) continue;
    // flexVolume is counted without the "more than 1" check, as upstream does.
    if (numVolumes > 0 && field !== "flexVolume") {
      issues.push(forbiddenField(`spec.${forbiddenName}`, "may not specify more than 1 volume type"));
      continue;
    }
    numVolumes++;
    issues.push(...(SOURCE_CHECKS[field]?.(src, `spec.${field}`) ?? []));
    if (field === "local" && !spec.nodeAffinity) issues.push(required("spec.nodeAffinity", "Local volume requires node affinity"));
  }
  if (numVolumes === 0) issues.push(required("spec", "must specify a volume type"));
  return issues;
}

export function validatePersistentVolume(pv: Obj): FieldIssue[] {
  const spec: Obj = pv.spec ?? {};
  const issues: FieldIssue[] = [];
  const modes: unknown[] = spec.accessModes ?? [];
  if (modes.length === 0) issues.push(required("spec.accessModes", ""));
  for (const m of modes) if (!ACCESS_MODES.includes(String(m))) issues.push(notSupported("spec.accessModes", m, ACCESS_MODES));
  const rwop = modes.includes("ReadWriteOncePod");
  if (rwop && modes.some((m) => m !== "ReadWriteOncePod" && ACCESS_MODES.includes(String(m)))) {
    issues.push(forbiddenField("spec.accessModes", "may not use ReadWriteOncePod with other access modes"));
  }
  const capacity = sortedKeys(spec.capacity);
  if (capacity.length === 0) issues.push(required("spec.capacity", ""));
  if (!capacity.includes("storage") || capacity.length > 1) {
    // A nil ResourceList prints exactly; a populated one would print Quantity structs upstream.
    issues.push({ ...notSupported("spec.capacity", spec.capacity, ["storage"]), goType: "core.ResourceList" });
  }
  const reclaim = spec.persistentVolumeReclaimPolicy ?? "";
  if (reclaim !== "" && !RECLAIM_POLICIES.includes(reclaim)) {
    issues.push(notSupported("spec.persistentVolumeReclaimPolicy", reclaim, RECLAIM_POLICIES));
  }
  issues.push(...validateVolumeSources(spec));
  const hostPath = spec.hostPath?.path;
  if (isRoot(hostPath) && reclaim === "Recycle") {
    issues.push(forbiddenField("spec.persistentVolumeReclaimPolicy", "may not be 'recycle' for a hostPath mount of '/'"));
  }
  if (spec.volumeMode !== undefined && !VOLUME_MODES.includes(spec.volumeMode)) {
    issues.push(notSupported("spec.volumeMode", spec.volumeMode, VOLUME_MODES));
  }
  return issues;
}
