// How a container's filesystem is saved (record-container-encoding.ts): what the kubelet built
// when it created the container is left out and rebuilt on load —
//   image       "@etc", or {"@etc": {<image files>}}: the pod's /etc files over the image dirs;
//   writable    left out while empty (the layer a new container starts with);
//   mounts      the mount of the pod's service-account token volume (the one record-encoding.ts
//               saves as "@serviceaccount") is "@serviceaccount" too.
// A container that wrote nothing and mounts only the token, as most do, is saved as "@etc".
// Older files hold {image, writable, mounts} with every mount whole: they read as they are.

import { SERVICE_ACCOUNT_MOUNT_PATH } from "../api/admission/service-account";
import type { TreeData } from "../runtime/fs/tree";
import { IMAGE_DIRS, podImageLayer } from "./pod-image-layer";
import type { PodIdentity } from "./record-container-encoding";

type Json = Record<string, any>;

const ETC = "@etc";
export const SERVICE_ACCOUNT = "@serviceaccount";

/**
 * The saved form of a container's fs; `token` names the pod's token volume when it is saved
 * as "@serviceaccount". `careful` checks the image layer by rebuilding it (else by its shape).
 */
export function shortFs(fs: Json, pod: PodIdentity, careful: boolean, token: string | undefined): unknown {
  const image = isJson(fs.image) ? shortImageLayer(fs.image, pod, careful) : fs.image;
  if (!hasFields(fs, FS_FIELDS) || !Array.isArray(fs.mounts)) return { ...fs, image };
  const mounts = fs.mounts.map((m: unknown) => (isTokenMount(m, token) ? SERVICE_ACCOUNT : m));
  if (!isEmptyTree(fs.writable)) return { image, writable: fs.writable, mounts };
  if (image === ETC && mounts.length === 1 && mounts[0] === SERVICE_ACCOUNT) return ETC;
  return { image, mounts };
}

/** The fs a saved form stands for. */
export function expandFs(saved: unknown, pod: PodIdentity, token: string | undefined): unknown {
  if (saved === ETC) return { image: imageLayer(pod, {}), writable: emptyLayer(), mounts: [tokenMount(token)] };
  if (!isJson(saved)) return saved;
  const fs: Json = {};
  for (const field in saved) {
    const value = saved[field];
    if (field === "image") fs.image = value === undefined ? value : expandImageLayer(value, pod);
    else if (field === "mounts" && Array.isArray(value)) fs.mounts = value.map((m) => (m === SERVICE_ACCOUNT ? tokenMount(token) : m));
    else fs[field] = value;
    // Only a saved form written by shortFs lacks the writable layer: every fs the kubelet builds has one.
    if (field === "image" && !("writable" in saved) && "mounts" in saved) fs.writable = emptyLayer();
  }
  return fs;
}

const FS_FIELDS = ["image", "writable", "mounts"];

function imageLayer(pod: PodIdentity, files: Readonly<Record<string, string>>): TreeData {
  let absolute: Record<string, string> = NO_FILES;
  for (const path in files) {
    if (absolute === NO_FILES) absolute = {};
    absolute[`/${path}`] = files[path];
  }
  return podImageLayer({ hostname: pod.hostname, namespace: pod.namespace, podIPs: [pod.ip] }, absolute);
}

const NO_FILES: Record<string, string> = Object.freeze({}) as Record<string, string>;
const ETC_FILES = ["etc/hostname", "etc/hosts", "etc/resolv.conf"];

function shortImageLayer(tree: Json, pod: PodIdentity, careful: boolean): unknown {
  const files = isJson(tree.files) ? tree.files : {};
  let i = 0;
  let extra: Record<string, string> | undefined;
  for (const path in files) {
    if (typeof files[path] !== "string") return tree;
    if (i < ETC_FILES.length && path !== ETC_FILES[i]) return tree;
    if (i++ >= ETC_FILES.length) (extra ??= {})[path] = files[path]; // after etc/hostname, etc/hosts, etc/resolv.conf
  }
  const looksDerived = i >= ETC_FILES.length && Array.isArray(tree.dirs) && tree.dirs.length === IMAGE_DIRS.length;
  if (!looksDerived || (careful && JSON.stringify(imageLayer(pod, extra ?? {})) !== JSON.stringify(tree))) return tree;
  return extra === undefined ? ETC : { [ETC]: extra };
}

function expandImageLayer(saved: unknown, pod: PodIdentity): unknown {
  if (saved === ETC) return imageLayer(pod, {});
  if (isJson(saved) && isStringMap(saved[ETC]) && Object.keys(saved).length === 1) return imageLayer(pod, saved[ETC]);
  return saved;
}

/** The mount containerMounts (volume-mounts.ts) makes of the token volume: read-only, as every projected one. */
const tokenMount = (token: string | undefined) => ({ volumeId: token, mountPath: SERVICE_ACCOUNT_MOUNT_PATH, readOnly: true });

function isTokenMount(m: unknown, token: string | undefined): boolean {
  return token !== undefined && isJson(m) && m.volumeId === token && m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH && m.readOnly === true && hasFields(m, MOUNT_FIELDS);
}

const MOUNT_FIELDS = ["volumeId", "mountPath", "readOnly"];

/** A new container's writable layer (runtime/fs emptyTree). */
const emptyLayer = (): TreeData => ({ files: {}, dirs: [] });

function isEmptyTree(tree: unknown): boolean {
  if (!isJson(tree) || !hasFields(tree, ["files", "dirs"]) || !Array.isArray(tree.dirs) || tree.dirs.length > 0 || !isJson(tree.files)) return false;
  for (const _ in tree.files) return false;
  return true;
}

/** Whether `o` has exactly these fields, in this order. */
function hasFields(o: Json, fields: readonly string[]): boolean {
  let i = 0;
  for (const field in o) if (field !== fields[i++]) return false;
  return i === fields.length;
}

const isJson = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function isStringMap(v: unknown): v is Record<string, string> {
  if (!isJson(v)) return false;
  for (const k in v) if (typeof v[k] !== "string") return false;
  return true;
}
