// Deployment helpers: a port of the parts of pkg/controller/deployment/util/deployment_util.go
// and pkg/controller/controller_utils.go (ReplicaSet sorting and filtering) that the sync
// needs (kubernetes v1.32). Pure functions over plain objects; none mutates its input.

import type { KubeObject } from "../../api/types";
import { parseInstant } from "../../sim/time";
import { canonicalJSON } from "../shared/canonical";
import { deepCopy } from "../../api/deep-copy";

export const REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
export const REVISION_HISTORY_ANNOTATION = "deployment.kubernetes.io/revision-history";
export const DESIRED_REPLICAS_ANNOTATION = "deployment.kubernetes.io/desired-replicas";
export const MAX_REPLICAS_ANNOTATION = "deployment.kubernetes.io/max-replicas";
export const DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY = "pod-template-hash";
export const LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";
export const DEPRECATED_ROLLBACK_TO = "deprecated.deployment.rollback.to";

// Condition reasons (deployment_util.go).
export const NEW_RS_NEW_REPLICAS_REASON = "NewReplicaSetCreated";
export const FOUND_NEW_RS_REASON = "FoundNewReplicaSet";
export const NEW_RS_AVAILABLE_REASON = "NewReplicaSetAvailable";
export const REPLICA_SET_UPDATED_REASON = "ReplicaSetUpdated";
export const TIMED_OUT_REASON = "ProgressDeadlineExceeded";
export const PAUSED_DEPLOY_REASON = "DeploymentPaused";
export const RESUMED_DEPLOY_REASON = "DeploymentResumed";
export const MINIMUM_REPLICAS_AVAILABLE = "MinimumReplicasAvailable";
export const MINIMUM_REPLICAS_UNAVAILABLE = "MinimumReplicasUnavailable";

/** *(spec.replicas); the API server defaults it to 1. */
export function replicas(obj: KubeObject | undefined): number {
  return obj?.spec?.replicas ?? 1;
}

export function isRollingUpdate(d: KubeObject): boolean {
  return (d.spec?.strategy?.type ?? "RollingUpdate") === "RollingUpdate";
}

/** EqualIgnoreHash: the templates are equal once the pod-template-hash label is removed. */
export function equalIgnoreHash(a: KubeObject["spec"], b: KubeObject["spec"]): boolean {
  return canonicalWithoutHash(a) === canonicalWithoutHash(b);
}

/**
 * The template's canonical JSON without the hash label. A template is never changed once made
 * (stored objects are replaced, and a sync's working copy keeps its template), so its text is
 * remembered: a sync compares the Deployment's template with every ReplicaSet's several times.
 */
function canonicalWithoutHash(template: KubeObject["spec"]): string {
  if (!template || typeof template !== "object") return canonicalJSON(withoutHash(template));
  let text = canonicalTexts.get(template);
  if (text === undefined) canonicalTexts.set(template, (text = canonicalJSON(withoutHash(template))));
  return text;
}

const canonicalTexts = new WeakMap<object, string>();

function withoutHash(template: KubeObject["spec"]): unknown {
  const t = deepCopy(template ?? {});
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY];
  t.metadata = { ...(t.metadata ?? {}) };
  if (Object.keys(labels).length > 0) t.metadata.labels = labels;
  else delete t.metadata.labels;
  if (Object.keys(t.metadata).length === 0) delete t.metadata;
  return t;
}

/** ReplicaSetsByCreationTimestamp: oldest first, then by name. */
export function byCreationTimestamp(a: KubeObject, b: KubeObject): number {
  const ta = created(a);
  const tb = created(b);
  if (ta === tb) return (a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : (a.metadata.name ?? "") > (b.metadata.name ?? "") ? 1 : 0;
  return ta - tb;
}

/** ReplicaSetsBySizeNewer: larger first; on equal sizes, newer first. */
export function bySizeNewer(a: KubeObject, b: KubeObject): number {
  return replicas(a) === replicas(b) ? byCreationTimestamp(b, a) : replicas(b) - replicas(a);
}

/** ReplicaSetsBySizeOlder: larger first; on equal sizes, older first. */
export function bySizeOlder(a: KubeObject, b: KubeObject): number {
  return replicas(a) === replicas(b) ? byCreationTimestamp(a, b) : replicas(b) - replicas(a);
}

/** ReplicaSetsByRevision: lower revision first, then by creation. */
export function byRevision(a: KubeObject, b: KubeObject): number {
  const ra = revision(a);
  const rb = revision(b);
  return ra === rb ? byCreationTimestamp(a, b) : ra - rb;
}

function created(o: KubeObject): number {
  return parseInstant(o.metadata.creationTimestamp ?? "") ?? 0;
}

/** Revision: the revision annotation as a number (0 when absent or invalid). */
export function revision(rs: KubeObject): number {
  const n = Number.parseInt(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? "", 10);
  return Number.isFinite(n) ? n : 0;
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's. */
export function findNewReplicaSet(d: KubeObject, rsList: readonly KubeObject[]): KubeObject | undefined {
  return [...rsList].sort(byCreationTimestamp).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** FindOldReplicaSets: [those with replicas, all] except the new one. */
export function findOldReplicaSets(d: KubeObject, rsList: readonly KubeObject[]): [KubeObject[], KubeObject[]] {
  const newRS = findNewReplicaSet(d, rsList);
  const all = rsList.filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid);
  return [all.filter((rs) => replicas(rs) !== 0), all];
}

/** FilterActiveReplicaSets: those with spec.replicas > 0. */
export function filterActiveReplicaSets(rss: readonly (KubeObject | undefined)[]): KubeObject[] {
  return rss.filter((rs): rs is KubeObject => rs !== undefined && replicas(rs) > 0);
}

const present = (rss: readonly (KubeObject | undefined)[]) => rss.filter((rs): rs is KubeObject => rs !== undefined);

/** GetReplicaCountForReplicaSets: Σ spec.replicas. */
export function getReplicaCountForReplicaSets(rss: readonly (KubeObject | undefined)[]): number {
  return present(rss).reduce((n, rs) => n + replicas(rs), 0);
}

/** GetActualReplicaCountForReplicaSets: Σ status.replicas. */
export function getActualReplicaCountForReplicaSets(rss: readonly (KubeObject | undefined)[]): number {
  return present(rss).reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0);
}

export function getReadyReplicaCountForReplicaSets(rss: readonly (KubeObject | undefined)[]): number {
  return present(rss).reduce((n, rs) => n + (rs.status?.readyReplicas ?? 0), 0);
}

export function getAvailableReplicaCountForReplicaSets(rss: readonly (KubeObject | undefined)[]): number {
  return present(rss).reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
}

/** ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: KubeObject, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/** SetReplicasAnnotations on a copy; returns the copy. */
export function setReplicasAnnotations(rs: KubeObject, desired: number, max: number): KubeObject {
  const annotations = { ...(rs.metadata.annotations ?? {}), [DESIRED_REPLICAS_ANNOTATION]: String(desired), [MAX_REPLICAS_ANNOTATION]: String(max) };
  return { ...rs, metadata: { ...rs.metadata, annotations } };
}

/** IsSaturated: the new RS has all R replicas, wants R, and has R available. */
export function isSaturated(d: KubeObject, rs: KubeObject | undefined): boolean {
  if (!rs) return false;
  const desired = Number.parseInt(rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION] ?? "", 10);
  if (!Number.isFinite(desired)) return false;
  const r = replicas(d);
  return replicas(rs) === r && desired === r && (rs.status?.availableReplicas ?? 0) === r;
}

/** FindActiveOrLatest: the only active RS; the newest when none is active; else undefined. */
export function findActiveOrLatest(newRS: KubeObject | undefined, oldRSs: readonly KubeObject[]): KubeObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const sortedOld = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a));
  const active = filterActiveReplicaSets([...sortedOld, newRS]);
  if (active.length === 0) return newRS ?? sortedOld[0];
  return active.length === 1 ? active[0] : undefined;
}

/** Go's math.Round: half away from zero. */
export function roundHalfAwayFromZero(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}
