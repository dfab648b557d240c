// The Volumes section of a Pod or pod template: one level-1 entry per volume with its source's
// details. Port of kubectl's describe.go describeVolumes and its print*VolumeSource helpers
// (v1.32), for the sources kubesim's users write; any other source prints `<unknown>` as
// kubectl does for a source it does not know.

import type { PrefixWriter } from "./render";

/** A *bool printed with %v: `<nil>` when unset (kubectl prints the pointer, we print its value). */
const optionalPtr = (v: unknown): string => (v === undefined || v === null ? "<nil>" : String(v));

type Printer = (w: PrefixWriter, source: any) => void;

/** describeVolumes' switch, in its order: the first source a volume has decides. */
const SOURCES: readonly (readonly [string, Printer])[] = [
  ["hostPath", hostPath],
  ["emptyDir", emptyDir],
  ["gitRepo", gitRepo],
  ["secret", secret],
  ["configMap", configMap],
  ["nfs", nfs],
  ["persistentVolumeClaim", persistentVolumeClaim],
  ["ephemeral", ephemeral],
  ["downwardAPI", downwardAPI],
  ["projected", projected],
  ["csi", csi],
  ["image", image],
];

/** describeVolumes: `space` is "" for a Pod and "  " inside a pod template. */
export function describeVolumes(w: PrefixWriter, volumes: any[] | undefined, space: string): void {
  const list = volumes ?? [];
  if (list.length === 0) return w.line(0, `${space}Volumes:\t<none>`);
  w.line(0, `${space}Volumes:`);
  for (const v of list) {
    w.line(1, `${space ? " " : ""}${v.name}:`);
    const found = SOURCES.find(([field]) => v[field] !== undefined && v[field] !== null);
    if (found) found[1](w, v[found[0]]);
    else w.line(1, "<unknown>");
  }
}

function hostPath(w: PrefixWriter, s: any): void {
  w.line(2, "Type:\tHostPath (bare host directory volume)");
  w.line(2, `Path:\t${s.path}`);
  w.line(2, `HostPathType:\t${s.type || "<none>"}`);
}

function emptyDir(w: PrefixWriter, s: any): void {
  w.line(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)");
  w.line(2, `Medium:\t${s.medium ?? ""}`);
  w.line(2, `SizeLimit:\t${s.sizeLimit && s.sizeLimit !== "0" ? s.sizeLimit : "<unset>"}`);
}

function gitRepo(w: PrefixWriter, s: any): void {
  w.line(2, "Type:\tGitRepo (a volume that is pulled from git when the pod is created)");
  w.line(2, `Repository:\t${s.repository}`);
  w.line(2, `Revision:\t${s.revision ?? ""}`);
}

function secret(w: PrefixWriter, s: any): void {
  w.line(2, "Type:\tSecret (a volume populated by a Secret)");
  w.line(2, `SecretName:\t${s.secretName ?? ""}`);
  w.line(2, `Optional:\t${s.optional === true}`);
}

function configMap(w: PrefixWriter, s: any): void {
  w.line(2, "Type:\tConfigMap (a volume populated by a ConfigMap)");
  w.line(2, `Name:\t${s.name ?? ""}`);
  w.line(2, `Optional:\t${s.optional === true}`);
}

function nfs(w: PrefixWriter, s: any): void {
  w.line(2, "Type:\tNFS (an NFS mount that lasts the lifetime of a pod)");
  w.line(2, `Server:\t${s.server}`);
  w.line(2, `Path:\t${s.path}`);
  w.line(2, `ReadOnly:\t${s.readOnly === true}`);
}

function persistentVolumeClaim(w: PrefixWriter, s: any): void {
  w.line(2, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)");
  w.line(2, `ClaimName:\t${s.claimName}`);
  w.line(2, `ReadOnly:\t${s.readOnly === true}`);
}

/**
 * printEphemeralVolumeSource: the claim template as printPersistentVolumeClaim prints a
 * template (no name, status or finalizers) through a writer nested two levels in. A template
 * has no volume yet, so Capacity and Access Modes are empty.
 */
function ephemeral(w: PrefixWriter, s: any): void {
  w.line(2, "Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)");
  const t = s.volumeClaimTemplate;
  if (!t) return;
  const meta = t.metadata ?? {};
  const spec = t.spec ?? {};
  const storageClass = meta.annotations?.["volume.beta.kubernetes.io/storage-class"] ?? spec.storageClassName ?? "";
  w.line(2, `StorageClass:\t${storageClass}`);
  w.line(2, `Volume:\t${spec.volumeName ?? ""}`);
  nestedPairs(w, "Labels", meta.labels);
  nestedPairs(w, "Annotations", meta.annotations);
  w.line(2, "Capacity:\t");
  w.line(2, "Access Modes:\t");
  if (spec.volumeMode) w.line(2, `VolumeMode:\t${spec.volumeMode}`);
  if (spec.dataSource) {
    w.line(2, "DataSource:");
    if (spec.dataSource.apiGroup) w.line(3, `APIGroup:\t${spec.dataSource.apiGroup}`);
    w.line(3, `Kind:\t${spec.dataSource.kind}`);
    w.line(3, `Name:\t${spec.dataSource.name}`);
  }
}

/**
 * printLabelsMultiline through a NestedPrefixWriter: every Write call, the value's included,
 * gets the nesting prefix, so values carry four extra spaces after the tab (as kubectl prints).
 */
function nestedPairs(w: PrefixWriter, title: string, pairs: Record<string, string> | undefined): void {
  const keys = Object.keys(pairs ?? {}).sort();
  if (keys.length === 0) return w.line(2, `${title}:\t<none>`);
  keys.forEach((k, i) => w.write(0, `${i === 0 ? `    ${title}:\t` : "        \t"}    ${k}=${pairs![k]}\n`));
}

function downwardAPI(w: PrefixWriter, s: any): void {
  w.line(2, "Type:\tDownwardAPI (a volume populated by information about the pod)");
  w.line(2, "Items:");
  for (const item of s.items ?? []) {
    if (item.fieldRef) w.line(3, `${item.fieldRef.fieldPath} -> ${item.path}`);
    if (item.resourceFieldRef) w.line(3, `${item.resourceFieldRef.resource} -> ${item.path}`);
  }
}

/** printProjectedVolumeSource (v1.32 prints the optional pointers raw: SecretOptionalName, ConfigMapOptional). */
function projected(w: PrefixWriter, s: any): void {
  w.line(2, "Type:\tProjected (a volume that contains injected data from multiple sources)");
  for (const src of s.sources ?? []) {
    if (src.secret) {
      w.line(2, `SecretName:\t${src.secret.name}`);
      w.line(2, `SecretOptionalName:\t${optionalPtr(src.secret.optional)}`);
    } else if (src.downwardAPI) w.line(2, "DownwardAPI:\ttrue");
    else if (src.configMap) {
      w.line(2, `ConfigMapName:\t${src.configMap.name}`);
      w.line(2, `ConfigMapOptional:\t${optionalPtr(src.configMap.optional)}`);
    } else if (src.serviceAccountToken) w.line(2, `TokenExpirationSeconds:\t${src.serviceAccountToken.expirationSeconds ?? 3600}`);
  }
}

/** printCSIVolumeSource; its attributes go through printCSIPersistentVolumeAttributesMultiline (values at LEVEL_4). */
function csi(w: PrefixWriter, s: any): void {
  w.line(2, "Type:\tCSI (a Container Storage Interface (CSI) volume source)");
  w.line(2, `Driver:\t${s.driver}`);
  w.line(2, `FSType:\t${s.fsType ?? ""}`);
  w.line(2, `ReadOnly:\t${s.readOnly === true}`);
  const attrs: Record<string, string> = s.volumeAttributes ?? {};
  const keys = Object.keys(attrs).sort();
  if (keys.length === 0) return w.line(2, "VolumeAttributes:\t<none>");
  keys.forEach((k, i) => {
    const pair = `${k}=${attrs[k]}`;
    const text = pair.length > 140 ? `${pair.slice(0, 140)}...` : pair;
    w.write(0, `${i === 0 ? "    VolumeAttributes:\t" : "        \t"}        ${text}\n`);
  });
}

function image(w: PrefixWriter, s: any): void {
  w.line(2, "Type:\tImage (a container image or OCI artifact)");
  w.line(2, `Reference:\t${s.reference ?? ""}`);
  w.line(2, `PullPolicy:\t${s.pullPolicy ?? ""}`);
}
