// A StatefulSet pod's identity: ordinals, names, labels, hostname/subdomain and claim volumes.
// Port of the identity half of pkg/controller/statefulset/stateful_set_utils.go (kubernetes
// v1.32): getParentNameAndOrdinal, getOrdinal, getStartOrdinal/getEndOrdinal, podInOrdinalRange,
// getPodName, getPersistentVolumeClaimName, identityMatches, storageMatches,
// getPersistentVolumeClaims, updateStorage, initIdentity/updateIdentity, newStatefulSetPod,
// newVersionedStatefulSetPod, and the pod predicates (isRunningAndReady, isCreated, ...).

import type { KubeObject } from "../../api/types";
import type { Instant } from "../../sim/time";
import { isPodAvailable, isPodReady } from "../shared/controller-utils";
import { newControllerRef } from "../shared/owner-refs";
import { getPodsPrefix } from "../shared/pod-template";
import { deepCopy } from "../../api/deep-copy";

export const STATEFUL_SET_POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
export const POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
export const STATEFUL_SET_REVISION_LABEL = "controller-revision-hash";

/** statefulPodRegex "(.*)-([0-9]+)$": the parent name and ordinal; ordinal -1 when the name does not parse. */
export function getParentNameAndOrdinal(pod: KubeObject): [string, number] {
  const m = /^(.*)-([0-9]+)$/.exec(pod.metadata.name ?? "");
  if (!m) return ["", -1];
  const n = Number(m[2]);
  // strconv.ParseInt(…, 10, 32) fails beyond int32: the parent is kept, the ordinal is -1.
  return [m[1], n <= 2147483647 ? n : -1];
}

export const getParentName = (pod: KubeObject): string => getParentNameAndOrdinal(pod)[0];
export const getOrdinal = (pod: KubeObject): number => getParentNameAndOrdinal(pod)[1];

/** spec.ordinals.start, else 0. */
export const getStartOrdinal = (set: KubeObject): number => set.spec?.ordinals?.start ?? 0;
export const replicasOf = (set: KubeObject): number => set.spec?.replicas ?? 1;
/** The last ordinal (inclusive). */
export const getEndOrdinal = (set: KubeObject): number => getStartOrdinal(set) + replicasOf(set) - 1;

export function podInOrdinalRange(pod: KubeObject, set: KubeObject): boolean {
  const ordinal = getOrdinal(pod);
  return ordinal >= getStartOrdinal(set) && ordinal <= getEndOrdinal(set);
}

export const getPodName = (set: KubeObject, ordinal: number): string => `${set.metadata.name}-${ordinal}`;

/** "<template>-<set>-<ordinal>", e.g. www-web-0. */
export function getPersistentVolumeClaimName(set: KubeObject, claim: KubeObject, ordinal: number): string {
  return `${claim.metadata?.name}-${set.metadata.name}-${ordinal}`;
}

export const isMemberOf = (set: KubeObject, pod: KubeObject): boolean => getParentName(pod) === set.metadata.name;

/** The pod has a valid identity (name, namespace, pod-name label) for a member of set. */
export function identityMatches(set: KubeObject, pod: KubeObject): boolean {
  const [parent, ordinal] = getParentNameAndOrdinal(pod);
  return (
    ordinal >= 0 &&
    set.metadata.name === parent &&
    pod.metadata.name === getPodName(set, ordinal) &&
    pod.metadata.namespace === set.metadata.namespace &&
    pod.metadata.labels?.[STATEFUL_SET_POD_NAME_LABEL] === pod.metadata.name
  );
}

/** The pod's volumes cover every claim template with the right claimName. */
export function storageMatches(set: KubeObject, pod: KubeObject): boolean {
  const ordinal = getOrdinal(pod);
  if (ordinal < 0) return false;
  const volumes = new Map<string, any>((pod.spec?.volumes ?? []).map((v: any) => [v.name, v]));
  return volumeClaimTemplates(set).every((claim) => volumes.get(claim.metadata?.name ?? "")?.persistentVolumeClaim?.claimName === getPersistentVolumeClaimName(set, claim, ordinal));
}

export const volumeClaimTemplates = (set: KubeObject): any[] => set.spec?.volumeClaimTemplates ?? [];

/**
 * The pod's claims by template name, named for the pod, labelled with the template's labels plus
 * the selector's matchLabels (the selector wins on a clash).
 */
export function getPersistentVolumeClaims(set: KubeObject, pod: KubeObject): Map<string, KubeObject> {
  const ordinal = getOrdinal(pod);
  const claims = new Map<string, KubeObject>();
  for (const template of volumeClaimTemplates(set)) {
    const claim: KubeObject = deepCopy({ apiVersion: "v1", kind: "PersistentVolumeClaim", ...template });
    claim.metadata = { ...(claim.metadata ?? {}) };
    claim.metadata.name = getPersistentVolumeClaimName(set, template, ordinal);
    claim.metadata.namespace = set.metadata.namespace;
    delete claim.metadata.creationTimestamp;
    const matchLabels = set.spec?.selector?.matchLabels;
    if (claim.metadata.labels || matchLabels) claim.metadata.labels = { ...(claim.metadata.labels ?? {}), ...(matchLabels ?? {}) };
    // The template's status (if any was sent) is not part of a new claim.
    delete claim.status;
    claims.set(template.metadata?.name ?? "", claim);
  }
  return claims;
}

/** updateStorage: claim volumes first (in template order), then the pod's other volumes. */
export function updateStorage(set: KubeObject, pod: KubeObject): void {
  const claims = getPersistentVolumeClaims(set, pod);
  const volumes: any[] = [...claims].map(([name, claim]) => ({ name, persistentVolumeClaim: { claimName: claim.metadata.name } }));
  for (const v of pod.spec?.volumes ?? []) if (!claims.has(v.name)) volumes.push(v);
  if (volumes.length > 0) pod.spec.volumes = volumes;
}

/** updateIdentity: name, namespace, pod-name and pod-index labels (PodIndexLabel is on in 1.32). */
export function updateIdentity(set: KubeObject, pod: KubeObject): void {
  const ordinal = getOrdinal(pod);
  pod.metadata.name = getPodName(set, ordinal);
  pod.metadata.namespace = set.metadata.namespace;
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [STATEFUL_SET_POD_NAME_LABEL]: pod.metadata.name, [POD_INDEX_LABEL]: String(ordinal) };
}

/** initIdentity: the identity plus hostname and subdomain, which are set only at creation. */
function initIdentity(set: KubeObject, pod: KubeObject): void {
  updateIdentity(set, pod);
  pod.spec.hostname = pod.metadata.name;
  if (set.spec?.serviceName) pod.spec.subdomain = set.spec.serviceName;
}

/** newStatefulSetPod: GetPodFromTemplate with the set as controller, then identity and storage. */
export function newStatefulSetPod(set: KubeObject, ordinal: number): KubeObject {
  const template = set.spec?.template ?? {};
  const meta = template.metadata ?? {};
  const pod: KubeObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: getPodName(set, ordinal), generateName: getPodsPrefix(set.metadata.name ?? ""), namespace: set.metadata.namespace },
    spec: deepCopy(template.spec ?? {}),
  };
  if (meta.labels) pod.metadata.labels = { ...meta.labels };
  if (meta.annotations) pod.metadata.annotations = { ...meta.annotations };
  if (meta.finalizers) pod.metadata.finalizers = [...meta.finalizers];
  pod.metadata.ownerReferences = [newControllerRef(set)];
  initIdentity(set, pod);
  updateStorage(set, pod);
  return pod;
}

export function setPodRevision(pod: KubeObject, revision: string): void {
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [STATEFUL_SET_REVISION_LABEL]: revision };
}

export const getPodRevision = (pod: KubeObject): string => pod.metadata.labels?.[STATEFUL_SET_REVISION_LABEL] ?? "";

/**
 * newVersionedStatefulSetPod: ordinals below the partition (or, without rollingUpdate, below
 * currentReplicas) are built from the current revision, the rest from the update revision.
 * The condition keeps upstream's operator precedence: `RollingUpdate && (nil && <current)` or
 * `(non-nil && <partition)`.
 */
export function newVersionedStatefulSetPod(currentSet: KubeObject, updateSet: KubeObject, currentRevision: string, updateRevision: string, ordinal: number): KubeObject {
  const strategy = currentSet.spec?.updateStrategy ?? {};
  const start = getStartOrdinal(currentSet);
  const rolling = (strategy.type ?? "RollingUpdate") === "RollingUpdate";
  const useCurrent =
    (rolling && !strategy.rollingUpdate && ordinal < start + (currentSet.status?.currentReplicas ?? 0)) ||
    (strategy.rollingUpdate !== undefined && strategy.rollingUpdate !== null && ordinal < start + (strategy.rollingUpdate.partition ?? 0));
  const pod = newStatefulSetPod(useCurrent ? currentSet : updateSet, ordinal);
  setPodRevision(pod, useCurrent ? currentRevision : updateRevision);
  return pod;
}

// Pod predicates. A pod is "created" when it exists in the store (upstream tests status.phase,
// which its API server sets to Pending on create; kubesim's leaves it empty until scheduling).

export const isCreated = (pod: KubeObject): boolean => Boolean(pod.metadata.uid);
export const isPending = (pod: KubeObject): boolean => isCreated(pod) && (pod.status?.phase ?? "Pending") === "Pending";
export const isFailed = (pod: KubeObject): boolean => pod.status?.phase === "Failed";
export const isSucceeded = (pod: KubeObject): boolean => pod.status?.phase === "Succeeded";
export const isTerminating = (pod: KubeObject): boolean => Boolean(pod.metadata.deletionTimestamp);
export const isRunningAndReady = (pod: KubeObject): boolean => pod.status?.phase === "Running" && isPodReady(pod);
export function isRunningAndAvailable(pod: KubeObject, minReadySeconds: number, now: Instant): boolean {
  return isPodAvailable(pod, minReadySeconds, now);
}
/** isUnavailable: not available, or being deleted. */
export function isUnavailable(pod: KubeObject, minReadySeconds: number, now: Instant): boolean {
  return !isPodAvailable(pod, minReadySeconds, now) || isTerminating(pod);
}
/** allowsBurst: Parallel pod management. */
export const allowsBurst = (set: KubeObject): boolean => set.spec?.podManagementPolicy === "Parallel";

export const byOrdinal = (a: KubeObject, b: KubeObject): number => getOrdinal(a) - getOrdinal(b);
