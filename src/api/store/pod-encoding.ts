// How a Pod is saved: without what the rules that made it will put back. Its name and
// namespace are in its key; its controller's reference is "<apiVersion> <kind> <name> <uid>"
// (controller and blockOwnerDeletion true, as every workload controller writes them); its
// spec's defaults and service-account token volume are what the API server's create adds to
// every Pod (pod-spec-encoding.ts); its status repeats itself and its spec by the kubelet's
// rules (pod-status-encoding.ts). A short Pod has no kind field. A Pod is saved short only
// when expanding the short form gives it back byte for byte, so no output can change.

import type { KubeObject, ObjectKey } from "../types";
import { expandPodSpec, shortPodSpec } from "./pod-spec-encoding";
import { expandPodStatus, shortPodStatus } from "./pod-status-encoding";
import { sameJson } from "../same-json";

type Json = Record<string, any>;

/** The short form of the Pod stored under `key`, or undefined when it would not expand back exactly. */
export function shortPod(key: ObjectKey, pod: KubeObject): Json | undefined {
  if (pod.kind !== "Pod" || pod.apiVersion !== "v1" || !isObject(pod.metadata) || !isObject(pod.spec)) return undefined;
  const short: Json = {};
  for (const field in pod) {
    if (field === "apiVersion" || field === "kind") continue;
    if (field === "metadata") short.metadata = shortMetadata(key, pod.metadata);
    else if (field === "spec") short.spec = shortPodSpec(pod.spec, pod.metadata);
    else if (field === "status" && isObject(pod.status)) short.status = shortPodStatus(pod.status, pod.spec);
    else short[field] = (pod as Json)[field];
  }
  return sameJson(expandPod(key, short), pod) ? short : undefined;
}

/** Whether a saved Pod is in the short form. */
export const isShortPod = (saved: Json) => saved.kind === undefined && isObject(saved.metadata);

/**
 * The Pod a short form stands for, its fields in the order the API server and kubelet wrote
 * them. Never mutates `short`, but shares its values: pass a value freshly decoded.
 * @example expandPod("Pod/default/web", { metadata: {}, spec: { containers: [{ name: "web", image: "nginx" }] } }).spec.dnsPolicy === "ClusterFirst"
 */
export function expandPod(key: ObjectKey, short: Json): KubeObject {
  const slash = key.indexOf("/", 4);
  const pod: Json = { apiVersion: "v1", kind: "Pod" };
  for (const field in short) {
    if (field === "metadata") pod.metadata = expandMetadata(key.slice(slash + 1), key.slice(4, slash), short.metadata);
    else if (field === "spec") pod.spec = isObject(short.spec) ? expandPodSpec(short.spec, pod.metadata) : short.spec;
    else if (field === "status") pod.status = isObject(short.status) ? expandPodStatus(short.status, pod.spec ?? {}) : short.status;
    else pod[field] = short[field];
  }
  return pod as KubeObject;
}

/**
 * Without name and namespace, when they come first as the API server wrote them (generateName
 * may sit between), and with each controller reference as one string.
 */
function shortMetadata(key: ObjectKey, metadata: Json): Json {
  const slash = key.indexOf("/", 4);
  const fields = Object.keys(metadata);
  const at = fields[1] === "generateName" ? 2 : 1;
  if (fields[0] !== "name" || fields[at] !== "namespace") return metadata;
  if (metadata.name !== key.slice(slash + 1) || metadata.namespace !== key.slice(4, slash)) return metadata;
  const { name: _name, namespace: _namespace, ...rest } = metadata;
  if (Array.isArray(rest.ownerReferences)) rest.ownerReferences = rest.ownerReferences.map(shortOwnerReference);
  return rest;
}

function expandMetadata(name: string, namespace: string, short: Json): Json {
  if ("name" in short) return short; // saved whole
  // Object.assign keeps the places of the fields it overwrites: name, [generateName,] namespace come first.
  const head = "generateName" in short && Object.keys(short)[0] === "generateName" ? { name, generateName: undefined, namespace } : { name, namespace };
  const metadata: Json = Object.assign(head, short);
  if (Array.isArray(short.ownerReferences)) metadata.ownerReferences = short.ownerReferences.map(expandOwnerReference);
  return metadata;
}

/** The fields of a controller's reference, in the order the workload controllers write them. */
const CONTROLLER_REF_FIELDS = ["apiVersion", "kind", "name", "uid", "controller", "blockOwnerDeletion"];

/** "<apiVersion> <kind> <name> <uid>" for a controller reference that blocks deletion; any other as it is. */
function shortOwnerReference(ref: unknown): unknown {
  if (!isObject(ref) || ref.controller !== true || ref.blockOwnerDeletion !== true) return ref;
  let i = 0;
  for (const field in ref) {
    if (field !== CONTROLLER_REF_FIELDS[i]) return ref;
    if (i++ < 4 && (typeof ref[field] !== "string" || ref[field] === "" || ref[field].includes(" "))) return ref;
  }
  return i === CONTROLLER_REF_FIELDS.length ? `${ref.apiVersion} ${ref.kind} ${ref.name} ${ref.uid}` : ref;
}

function expandOwnerReference(saved: unknown): unknown {
  if (typeof saved !== "string") return saved;
  const [apiVersion, kind, name, uid] = saved.split(" ");
  return { apiVersion, kind, name, uid, controller: true, blockOwnerDeletion: true };
}

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
