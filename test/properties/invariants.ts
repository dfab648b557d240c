// Invariants the simulated control plane guarantees, as pure functions over a list of stored
// objects (a ClusterState's `objects`). Each returns the violations it found as sentences, so
// a failing property prints what broke; an empty list means the invariant holds.
//
// Written apart from the controllers on purpose (own selector matching, own fencepost
// arithmetic): a property that reused the code under test could not catch its mistakes.

import type { KubeObject, LabelSelector } from "../../src/api/types";
import { infoForKind } from "../../src/api/registry";

const ref = (o: KubeObject) => `${o.kind}/${o.metadata.namespace ? `${o.metadata.namespace}/` : ""}${o.metadata.name}`;
const byKind = (objects: readonly KubeObject[], kind: string) => objects.filter((o) => o.kind === kind);
const controllerUid = (o: KubeObject) => o.metadata.ownerReferences?.find((r) => r.controller)?.uid;

/**
 * The garbage collector's guarantee once the cluster has settled at an instant (every command
 * settles before it saves): an object's every ownerReference names an object that exists with
 * that uid (cluster-scoped kinds looked up without a namespace) — or the object itself is
 * being deleted (deletionTimestamp set: a pod in its grace period, an object held by a
 * finalizer). An owner that is itself being deleted still exists, so it counts.
 * attemptToDeleteItem deletes dependents whose owners are all dangling and strips dangling
 * references beside a solid one; orphanDependents strips references before the "orphan"
 * finalizer goes; so no live object keeps a reference to something gone.
 */
export function danglingOwnerReferences(objects: readonly KubeObject[]): string[] {
  const uidAt = new Map(objects.map((o) => [`${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}`, o.metadata.uid]));
  const out: string[] = [];
  for (const o of objects) {
    if (o.metadata.deletionTimestamp) continue;
    for (const r of o.metadata.ownerReferences ?? []) {
      const namespaced = infoForKind(r.kind)?.namespaced ?? true;
      const owner = uidAt.get(`${r.kind}/${namespaced ? (o.metadata.namespace ?? "") : ""}/${r.name}`);
      if (owner !== r.uid) out.push(`${ref(o)} is owned by ${r.kind}/${r.name} uid ${r.uid}, which ${owner ? `has uid ${owner}` : "does not exist"}`);
    }
  }
  return out;
}

/** Upstream's FilterActivePods: neither finished (Succeeded/Failed) nor being deleted. */
export function isActivePod(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return !pod.metadata.deletionTimestamp && phase !== "Succeeded" && phase !== "Failed";
}

/** Settled: no ReplicaSet controls more active pods than its spec.replicas. */
export function overfullReplicaSets(objects: readonly KubeObject[]): string[] {
  const pods = byKind(objects, "Pod").filter(isActivePod);
  const out: string[] = [];
  for (const rs of byKind(objects, "ReplicaSet")) {
    if (rs.metadata.deletionTimestamp) continue;
    const owned = pods.filter((p) => controllerUid(p) === rs.metadata.uid).length;
    const want = rs.spec?.replicas ?? 1;
    if (owned > want) out.push(`${ref(rs)} controls ${owned} active pods but wants ${want}`);
  }
  return out;
}

/** A tiny label selector matcher (matchLabels and matchExpressions), independent of src/. */
export function selects(sel: LabelSelector | undefined, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  const reqs = sel.matchExpressions ?? [];
  if (Object.keys(sel.matchLabels ?? {}).length === 0 && reqs.length === 0) return false;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const r of reqs) {
    const has = k(l, r.key);
    if (r.operator === "In" && !(has && (r.values ?? []).includes(l[r.key]))) return false;
    if (r.operator === "NotIn" && has && (r.values ?? []).includes(l[r.key])) return false;
    if (r.operator === "Exists" && !has) return false;
    if (r.operator === "DoesNotExist" && has) return false;
  }
  return true;
}
const k = (l: Readonly<Record<string, string>>, key: string) => Object.prototype.hasOwnProperty.call(l, key);

/**
 * Settled: a Deployment's pods — active pods of its namespace that the selector of one of its
 * ReplicaSets matches (the Deployment's selector plus that pod-template-hash) — are all
 * controlled by its ReplicaSets: an orphan (after `delete rs --cascade=orphan`, or a pod whose
 * owner was stripped) is adopted back. A pod another live object controls is skipped
 * (overlapping controllers are undefined behaviour upstream), and so is a pod relabelled out
 * of every selector: it is released, and nobody's pod any more.
 */
export function strayDeploymentPods(objects: readonly KubeObject[]): string[] {
  const uids = new Set(objects.map((o) => o.metadata.uid));
  const out: string[] = [];
  for (const d of byKind(objects, "Deployment")) {
    if (d.metadata.deletionTimestamp) continue;
    const ns = d.metadata.namespace;
    const sets = byKind(objects, "ReplicaSet").filter((rs) => rs.metadata.namespace === ns && controllerUid(rs) === d.metadata.uid && !rs.metadata.deletionTimestamp);
    const rsUids = new Set(sets.map((rs) => rs.metadata.uid));
    for (const p of byKind(objects, "Pod")) {
      if (p.metadata.namespace !== ns || !isActivePod(p) || !sets.some((rs) => selects(rs.spec?.selector, p.metadata.labels))) continue;
      const controller = controllerUid(p);
      if (controller !== undefined && uids.has(controller) && !rsUids.has(controller)) continue;
      if (!rsUids.has(controller)) out.push(`${ref(p)} matches a ReplicaSet of ${ref(d)} but is not controlled by one`);
    }
  }
  return out;
}

/** Upstream's GetScaledValueFromIntOrPercent for an int or a "25%" string. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean, fallback: string): number {
  const value = v ?? fallback;
  if (typeof value === "number") return value;
  const pct = Number(value.replace(/%$/, ""));
  return roundUp ? Math.ceil((pct * total) / 100) : Math.floor((pct * total) / 100);
}

/**
 * ResolveFenceposts (deployment/util): maxSurge rounds up, maxUnavailable down, and both zero
 * becomes maxUnavailable 1. The defaults are 25% each.
 */
export function fenceposts(d: KubeObject): { maxSurge: number; maxUnavailable: number } {
  const replicas = d.spec?.replicas ?? 1;
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  const maxSurge = scaledValue(ru.maxSurge, replicas, true, "25%");
  let maxUnavailable = scaledValue(ru.maxUnavailable, replicas, false, "25%");
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

const isReady = (pod: KubeObject) => (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === "Ready" && c.status === "True");

/** Active, Ready pods controlled by a ReplicaSet the Deployment controls (minReadySeconds 0). */
export function availablePods(objects: readonly KubeObject[], d: KubeObject): number {
  const rsUids = new Set(byKind(objects, "ReplicaSet").filter((rs) => controllerUid(rs) === d.metadata.uid).map((rs) => rs.metadata.uid));
  return byKind(objects, "Pod").filter((p) => isActivePod(p) && isReady(p) && rsUids.has(controllerUid(p))).length;
}

/** During a rolling update: available pods never fall below replicas − maxUnavailable. */
export function underAvailable(objects: readonly KubeObject[], d: KubeObject): string[] {
  const replicas = d.spec?.replicas ?? 1;
  const floor = replicas - fenceposts(d).maxUnavailable;
  const available = availablePods(objects, d);
  return available < floor ? [`${ref(d)} has ${available} available pods, below ${replicas} - maxUnavailable = ${floor}`] : [];
}

/** Settled: a Deployment's ReplicaSets control at most replicas + maxSurge active pods in all. */
export function oversurgedDeployments(objects: readonly KubeObject[]): string[] {
  const out: string[] = [];
  for (const d of byKind(objects, "Deployment")) {
    if (d.metadata.deletionTimestamp || d.spec?.strategy?.type === "Recreate") continue;
    const rsUids = new Set(byKind(objects, "ReplicaSet").filter((rs) => controllerUid(rs) === d.metadata.uid).map((rs) => rs.metadata.uid));
    const pods = byKind(objects, "Pod").filter((p) => isActivePod(p) && rsUids.has(controllerUid(p))).length;
    const limit = (d.spec?.replicas ?? 1) + fenceposts(d).maxSurge;
    if (pods > limit) out.push(`${ref(d)} has ${pods} active pods, above replicas + maxSurge = ${limit}`);
  }
  return out;
}

const TRACKING = "batch.kubernetes.io/job-tracking";

/**
 * Settled: no pod keeps the Job tracking finalizer once its Job is gone or finished (the Job
 * controller takes it off as it counts the pod, or as it finds the Job gone), so `delete job`
 * never leaves a pod Terminating for ever.
 */
export function strandedJobPods(objects: readonly KubeObject[]): string[] {
  const jobs = new Map(byKind(objects, "Job").map((j) => [j.metadata.uid, j]));
  const finished = (j: KubeObject) => (j.status?.conditions ?? []).some((c: { type: string; status: string }) => (c.type === "Complete" || c.type === "Failed") && c.status === "True");
  const out: string[] = [];
  for (const p of byKind(objects, "Pod")) {
    if (!(p.metadata.finalizers ?? []).includes(TRACKING)) continue;
    const job = jobs.get(controllerUid(p));
    if (!job) out.push(`${ref(p)} keeps ${TRACKING} but its Job is gone`);
    else if (finished(job)) out.push(`${ref(p)} keeps ${TRACKING} but ${ref(job)} has finished`);
  }
  return out;
}

/** Settled: a Job never has more active pods than its parallelism (none while suspended). */
export function overparallelJobs(objects: readonly KubeObject[]): string[] {
  const pods = byKind(objects, "Pod").filter(isActivePod);
  const out: string[] = [];
  for (const job of byKind(objects, "Job")) {
    if (job.metadata.deletionTimestamp) continue;
    const active = pods.filter((p) => controllerUid(p) === job.metadata.uid).length;
    const most = job.spec?.suspend ? 0 : (job.spec?.parallelism ?? 1);
    if (active > most) out.push(`${ref(job)} has ${active} active pods, more than ${most}`);
  }
  return out;
}
