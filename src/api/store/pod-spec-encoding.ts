// How a Pod's spec is saved: without the fields the API server's create adds to every Pod
// (defaulting/pod.ts and pod-spec.ts, then ServiceAccount and DefaultTolerationSeconds
// admission). The values and their order are taken from running that very code once on a
// sample Pod, so the two cannot drift apart; expanding appends each missing field where the
// create appended it. pod-encoding.ts checks the whole Pod expands back byte for byte.

import type { KubeObject } from "../types";
import type { Rng } from "../../sim/random";
import { defaultPod } from "../defaulting/pod";
import { imageTag } from "../defaulting/pod-spec";
import { mountServiceAccountToken } from "../admission/service-account";
import { MIRROR_ANNOTATION } from "../admission/mirror-pod";
import { sameJson } from "../same-json";

type Json = Record<string, any>;

const TOKEN_VOLUME_PREFIX = "kube-api-access-";

/**
 * What create adds to a Pod that says nothing but a container, in the order it adds it: the
 * spec's and the container's defaults, the default tolerations, a token volume
 * "kube-api-access-x" and its mount. Its defaults are copied (copyJson) wherever a Pod gets
 * them; the projection and the tolerations are shared (below).
 */
const SAMPLE = (() => {
  const pod = { apiVersion: "v1", kind: "Pod", metadata: {}, spec: { containers: [{ name: "c", image: "c:1" }] } } as KubeObject;
  defaultPod(pod);
  mountServiceAccountToken(pod, namedBy("x"));
  const spec = pod.spec as Json;
  const fields = (o: Json, skip: string[]) => Object.keys(o).filter((k) => !skip.includes(k));
  return {
    spec,
    specFields: fields(spec, ["containers", "volumes"]),
    container: spec.containers[0] as Json,
    containerFields: fields(spec.containers[0], ["name", "image", "volumeMounts"]),
    projection: spec.volumes[0].projected as Json,
    mount: spec.containers[0].volumeMounts[0] as Json,
  };
})();
/**
 * The token volume's projection and the default tolerations: the frozen objects admission and
 * defaulting give every Pod, so a Pod expanded from its short form holds the very objects the
 * Pod it was saved from held, and the check that it expands back finds them at once.
 */
const SHARED_PROJECTION = SAMPLE.projection;
const SHARED_TOLERATIONS = SAMPLE.spec.tolerations as unknown[];

/**
 * Specs expanded from a short form, each way, with whether their Pod was a mirror Pod (all the
 * expansion reads besides the short form). A write to a loaded Pod mostly keeps its spec (a
 * status write): saved again, that spec is the short form it came from, and the check that it
 * expands back finds the very spec object, without shortening or comparing it again. Stored
 * objects are never changed in place, so what a spec object was expanded from stays true.
 */
const expandedFrom = new WeakMap<Json, { short: Json; mirror: boolean }>();
const expansionOf = new WeakMap<Json, Json>();

/**
 * The spec without its defaults, the default tolerations, and the token volume and its mounts;
 * the volume becomes its name, a string in `volumes`, which tells expandPodSpec to mount it again.
 */
export function shortPodSpec(spec: Json, metadata: Json): Json {
  const known = expandedFrom.get(spec);
  return known !== undefined && known.mirror === isMirror(metadata) ? known.short : shorten(spec, metadata);
}

function shorten(spec: Json, metadata: Json): Json {
  const volumes = Array.isArray(spec.volumes) ? spec.volumes : [];
  const token = tokenVolumeName(volumes.at(-1));
  const mirror = isMirror(metadata);
  const last = Object.keys(spec).at(-1);
  const appended = appendedDefaults(
    spec,
    SAMPLE.specFields,
    (field) => (field === "tolerations" ? Array.isArray(spec.tolerations) && withoutDefaultTolerations(spec.tolerations).length === 0 : isSpecDefault(field, spec[field], spec, mirror)),
    (field) => (field === "nodeName" && field === last) || (field === "volumes" && token !== undefined && volumes.length === 1),
  );
  const short: Json = {};
  for (const field in spec) {
    const value = spec[field];
    if (appended.has(field)) continue;
    if (field === "containers" || field === "initContainers") short[field] = Array.isArray(value) ? value.map((c) => shortContainer(c, token)) : value;
    else if (field === "volumes" && token) short.volumes = [...volumes.slice(0, -1), token];
    else if (field === "tolerations" && Array.isArray(value) && withoutDefaultTolerations(value).length > 0) short.tolerations = withoutDefaultTolerations(value);
    else short[field] = value;
  }
  return short;
}

/**
 * The defaults create appended to `obj`, found walking back from its end: each holds its
 * default and they come in create's order (`order`); fields added after them (`late`) are
 * passed over. A default the manifest wrote itself, before its own fields, stays saved, so
 * expanding puts every field back where it was.
 */
function appendedDefaults(obj: Json, order: readonly string[], isDefault: (field: string) => boolean, late: (field: string) => boolean): Set<string> {
  const fields = Object.keys(obj);
  const appended = new Set<string>();
  let below = order.length;
  for (let i = fields.length - 1; i >= 0; i--) {
    const field = fields[i];
    if (late(field)) continue;
    const at = order.indexOf(field);
    if (at < 0 || at >= below || !isDefault(field)) break;
    appended.add(field);
    below = at;
  }
  return appended;
}

/**
 * Replays create on a short spec: defaulting appends what is missing, then ServiceAccount
 * admission the token volume (under its saved name) and its mounts, then the scheduler's
 * binding nodeName. A nodeName saved last was bound after all that, so it goes last again.
 */
export function expandPodSpec(short: Json, metadata: Json): Json {
  const mirror = isMirror(metadata);
  const known = expansionOf.get(short);
  if (known !== undefined && expandedFrom.get(known)!.mirror === mirror) return known;
  const spec = expand(short, mirror);
  expandedFrom.set(spec, { short, mirror });
  expansionOf.set(short, spec);
  return spec;
}

function expand(short: Json, mirror: boolean): Json {
  const fields = Object.keys(short);
  const boundLast = fields[fields.length - 1] === "nodeName";
  const volumes = short.volumes;
  const token = Array.isArray(volumes) && typeof volumes[volumes.length - 1] === "string" ? (volumes[volumes.length - 1] as string) : undefined;
  const spec: Json = {};
  for (const field of fields) {
    const value = short[field];
    if (field === "nodeName" && boundLast) continue;
    if (field === "volumes" && token) {
      if (volumes.length > 1) spec.volumes = volumes.slice(0, -1);
    } else if (field === "containers" || field === "initContainers") spec[field] = Array.isArray(value) ? value.map((c) => expandContainer(c, token)) : value;
    else spec[field] = value;
  }
  appendDefaults(spec, mirror);
  if (token) spec.volumes = [...(spec.volumes ?? []), { name: token, projected: SHARED_PROJECTION }];
  if (boundLast) spec.nodeName = short.nodeName;
  return spec;
}

/** What defaulting and admission append to a spec that has some defaults of its own. */
function appendDefaults(spec: Json, mirror: boolean): void {
  for (const field of SAMPLE.specFields) {
    if (field === "tolerations") spec.tolerations = "tolerations" in spec ? withDefaultTolerations(spec.tolerations) : [...SHARED_TOLERATIONS];
    else if (field in spec) continue;
    else if (field === "serviceAccountName") {
      if (!mirror) spec.serviceAccountName = spec.serviceAccount || "default";
    } else if (field === "serviceAccount") {
      if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
    } else spec[field] = copyJson(SAMPLE.spec[field]);
  }
}

function isSpecDefault(field: string, value: unknown, spec: Json, mirror: boolean): boolean {
  if (field === "serviceAccountName") return !mirror && value === "default" && (spec.serviceAccount === undefined || spec.serviceAccount === "default");
  if (field === "serviceAccount") return value === spec.serviceAccountName;
  return field in SAMPLE.spec && sameJson(value, SAMPLE.spec[field]);
}

function shortContainer(c: unknown, token: string | undefined): unknown {
  if (!isObject(c)) return c;
  const mounts = c.volumeMounts;
  const tokenMounted = token !== undefined && Array.isArray(mounts) && isTokenMount(mounts[mounts.length - 1], token);
  const appended = appendedDefaults(
    c,
    SAMPLE.containerFields,
    (field) => (field === "imagePullPolicy" ? c[field] === pullPolicyFor(c.image) : sameJson(c[field], SAMPLE.container[field])),
    (field) => field === "volumeMounts" && tokenMounted && mounts.length === 1,
  );
  const short: Json = {};
  for (const field in c) {
    if (appended.has(field)) continue;
    if (field === "volumeMounts" && tokenMounted) {
      if (mounts.length > 1) short.volumeMounts = mounts.slice(0, -1);
    } else short[field] = c[field];
  }
  return short;
}

function expandContainer(short: unknown, token: string | undefined): unknown {
  if (!isObject(short)) return short;
  const c: Json = {};
  for (const field in short) c[field] = short[field];
  for (const field of SAMPLE.containerFields) {
    if (!(field in c)) c[field] = field === "imagePullPolicy" ? pullPolicyFor(c.image) : copyJson(SAMPLE.container[field]);
  }
  if (token) c.volumeMounts = [...(c.volumeMounts ?? []), { ...SAMPLE.mount, name: token }];
  return c;
}

/** SetDefaults_Container: Always for an image tagged latest or not at all. */
const pullPolicyFor = (image: unknown) => (imageTag(String(image ?? "")) === "latest" ? "Always" : "IfNotPresent");

/** The name of the token volume admission adds, when `volume` is exactly that volume. */
function tokenVolumeName(volume: unknown): string | undefined {
  if (!isObject(volume) || typeof volume.name !== "string" || !volume.name.startsWith(TOKEN_VOLUME_PREFIX)) return undefined;
  return Object.keys(volume).length === 2 && sameJson(volume.projected, SHARED_PROJECTION) ? volume.name : undefined;
}

const isTokenMount = (mount: unknown, token: string) => sameJson(mount, { ...SAMPLE.mount, name: token });

/** The tolerations less the default ones DefaultTolerationSeconds admission appended. */
function withoutDefaultTolerations(tolerations: unknown[]): unknown[] {
  let end = tolerations.length;
  while (end > 0 && SHARED_TOLERATIONS.some((t) => sameJson(tolerations[end - 1], t))) end--;
  return tolerations.slice(0, end);
}

/** A Pod's own tolerations with the defaults admission appends to them (defaulting/pod.ts decides which). */
function withDefaultTolerations(own: unknown): unknown {
  const pod = { apiVersion: "v1", kind: "Pod", metadata: {}, spec: { tolerations: own } } as KubeObject;
  defaultPod(pod);
  return pod.spec!.tolerations;
}

/** An Rng that gives back a known suffix: admission names the sample's token volume with it. */
function namedBy(suffix: string): Rng {
  const unused = (): never => {
    throw new Error("pod-spec-encoding: only a name suffix is replayed");
  };
  return { next: unused, int: unused, suffix: () => suffix, state: unused, rewind: unused };
}

/** A copy of a JSON value, so no two Pods share a default object. */
function copyJson(value: unknown): any {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson);
  const copy: Json = {};
  for (const field in value) copy[field] = copyJson((value as Json)[field]);
  return copy;
}

const isMirror = (metadata: Json) => metadata?.annotations?.[MIRROR_ANNOTATION] !== undefined;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
