// The garbage collector: deletes dependents whose owners are gone (background cascading), runs
// foreground deletion (dependents first, then the owner's "foregroundDeletion" finalizer) and
// orphaning (owner references stripped, then the "orphan" finalizer). Port of
// pkg/controller/garbagecollector/garbagecollector.go (attemptToDeleteItem, classifyReferences,
// processDeletingDependentsItem, orphanDependents), kubernetes v1.32. Upstream keeps a graph of
// owner uids; kubesim asks the store's owner index (view.ownedBy) instead.

import type { KubeObject, ObjectKey, OwnerReference } from "../api/types";
import { keyOf, refOf } from "../api/types";
import type { ClusterView } from "../api/store/view";
import { infoForKind, RESOURCES } from "../api/registry";
import type { Instant } from "../sim/time";
import type { Rng } from "../sim/random";
import type { Controller, Outcome, Trigger, Write } from "./types";
import { NOTHING } from "./types";
import { deepEqual } from "../api/deep-equal";

export const FINALIZER_DELETE_DEPENDENTS = "foregroundDeletion";
export const FINALIZER_ORPHAN = "orphan";

/**
 * Every kind the collector watches: all deletable resources but Events, as upstream's graph
 * builder watches every deletable resource except DefaultIgnoredResources (events). A
 * ConfigMap applied with a reference to an owner that does not exist is collected too.
 */
export const GC_KINDS: readonly string[] = [...new Set(RESOURCES.filter((r) => r.verbs.includes("delete") && r.kind !== "Event").map((r) => r.kind))];

const trigger = (kind: string): Trigger => ({ kind, concerns, keysFor });

/**
 * Upstream's graph builder acts on an update only when the object's owner references changed,
 * its deletion began, or a deleting object's finalizers changed (processGraphChanges,
 * processTransitions): a status write, or a Job's controller letting a running pod's tracking
 * finalizer go, concerns no one's collection. Creations and removals always do.
 */
function concerns(before: KubeObject | undefined, after: KubeObject | undefined): boolean {
  if (!before || !after) return true;
  const [b, a] = [before.metadata, after.metadata];
  return (
    b.uid !== a.uid ||
    b.deletionTimestamp !== a.deletionTimestamp ||
    !deepEqual(b.ownerReferences, a.ownerReferences) ||
    (a.deletionTimestamp !== undefined && !deepEqual(b.finalizers, a.finalizers))
  );
}

export const garbageCollector = {
  name: "garbage-collector",
  /** Keys name objects of any kind; "*" stands for that. */
  primary: "*",
  wakeOn: GC_KINDS.map(trigger),
  reconcile: (view: ClusterView, key: ObjectKey, _now: Instant, _rng: Rng): Outcome => reconcileItem(view, key),
} satisfies Controller;

/**
 * Which objects to look at when obj changed: itself (a cascading finalizer of its own, or an
 * owner reference that is not solid: attemptToDeleteItem does nothing while every owner lives),
 * its dependents once it is gone or being deleted, and its owners that wait in foreground
 * deletion (a dependent going away may let them finish).
 */
function keysFor(obj: KubeObject, view: ClusterView, key = keyOf(refOf(obj))): ObjectKey[] {
  const keys: ObjectKey[] = [];
  const uid = obj.metadata.uid ?? "";
  let self = hasCascadingFinalizer(obj);
  for (const ref of obj.metadata.ownerReferences ?? []) {
    const owner = ownerOf(view, obj, ref);
    if (!owner || isWaitingForDependents(owner)) self = true;
    if (owner?.metadata.deletionTimestamp && hasCascadingFinalizer(owner)) keys.push(keyOf(refOf(owner)));
  }
  const current = view.get(key);
  // Its own key only while something is stored under it: with nothing there, the run has nothing to collect.
  if (self && current) keys.push(key);
  const gone = !current || current.metadata.uid !== uid;
  if (gone || obj.metadata.deletionTimestamp) for (const dep of view.ownedBy(uid)) keys.push(keyOf(refOf(dep)));
  return keys.length < 2 ? keys : [...new Set(keys)].sort();
}

function reconcileItem(view: ClusterView, key: ObjectKey): Outcome {
  const item = view.get(key);
  if (!item) return NOTHING;
  const writes: Write[] = [];
  const finalizers = item.metadata.finalizers ?? [];
  if (item.metadata.deletionTimestamp && finalizers.includes(FINALIZER_ORPHAN)) {
    orphanDependents(view, item, writes);
    writes.push({ op: "update", object: removeFinalizer(item, FINALIZER_ORPHAN) });
  } else if (item.metadata.deletionTimestamp && finalizers.includes(FINALIZER_DELETE_DEPENDENTS)) {
    processDeletingDependentsItem(view, item, writes);
  } else {
    attemptToDeleteItem(view, item, writes);
  }
  return writes.length === 0 ? NOTHING : { writes, events: [] };
}

/**
 * attemptToDeleteItem: with a live ("solid") owner, only strip references to owners that are
 * gone or waiting in foreground deletion; with none, delete the item — in foreground when an
 * owner waits for it and it has dependents of its own.
 */
export function attemptToDeleteItem(view: ClusterView, item: KubeObject, writes: Write[]): void {
  if (item.metadata.deletionTimestamp && !(item.metadata.finalizers ?? []).includes(FINALIZER_DELETE_DEPENDENTS)) return;
  const refs = item.metadata.ownerReferences ?? [];
  if (refs.length === 0) return;
  const { solid, dangling, waitingForDependentsDeletion } = classifyReferences(view, item, refs);
  const ref = { ...refOf(item) };
  if (solid.length > 0) {
    if (dangling.length === 0 && waitingForDependentsDeletion.length === 0) return;
    const drop = new Set([...dangling, ...waitingForDependentsDeletion].map((r) => r.uid));
    writes.push({ op: "update", object: withOwnerRefs(item, refs.filter((r) => !drop.has(r.uid))) });
    return;
  }
  if (waitingForDependentsDeletion.length > 0 && view.ownedBy(item.metadata.uid ?? "").length > 0) {
    writes.push({ op: "delete", ref, propagationPolicy: "Foreground", uid: item.metadata.uid });
    return;
  }
  const finalizers = item.metadata.finalizers ?? [];
  const policy = finalizers.includes(FINALIZER_ORPHAN) ? "Orphan" : finalizers.includes(FINALIZER_DELETE_DEPENDENTS) ? "Foreground" : "Background";
  writes.push({ op: "delete", ref, propagationPolicy: policy, uid: item.metadata.uid });
}

/** classifyReferences: each owner reference is solid (owner lives), dangling (gone) or waiting. */
export function classifyReferences(view: ClusterView, item: KubeObject, refs: readonly OwnerReference[]) {
  const solid: OwnerReference[] = [];
  const dangling: OwnerReference[] = [];
  const waitingForDependentsDeletion: OwnerReference[] = [];
  for (const ref of refs) {
    const owner = ownerOf(view, item, ref);
    if (!owner) dangling.push(ref);
    else if (isWaitingForDependents(owner)) waitingForDependentsDeletion.push(ref);
    else solid.push(ref);
  }
  return { solid, dangling, waitingForDependentsDeletion };
}

/**
 * processDeletingDependentsItem: an owner in foreground deletion loses its finalizer once no
 * dependent blocks it (blockOwnerDeletion); until then its dependents are deleted.
 */
function processDeletingDependentsItem(view: ClusterView, owner: KubeObject, writes: Write[]): void {
  const uid = owner.metadata.uid ?? "";
  const dependents = view.ownedBy(uid);
  const blocking = dependents.filter((d) => (d.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion));
  if (blocking.length === 0) {
    writes.push({ op: "update", object: removeFinalizer(owner, FINALIZER_DELETE_DEPENDENTS) });
    return;
  }
  for (const dep of dependents) attemptToDeleteItem(view, dep, writes);
}

/** orphanDependents: every dependent loses its references to the owner. */
function orphanDependents(view: ClusterView, owner: KubeObject, writes: Write[]): void {
  const uid = owner.metadata.uid ?? "";
  for (const dep of view.ownedBy(uid)) {
    writes.push({ op: "update", object: withOwnerRefs(dep, (dep.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid)) });
  }
}

/** The owner a reference names, if it exists with that uid (cluster-scoped kinds have no namespace). */
function ownerOf(view: ClusterView, item: KubeObject, ref: OwnerReference): KubeObject | undefined {
  const namespaced = infoForKind(ref.kind)?.namespaced ?? true;
  const owner = view.get(keyOf({ kind: ref.kind, namespace: namespaced ? (item.metadata.namespace ?? "") : "", name: ref.name }));
  return owner && owner.metadata.uid === ref.uid ? owner : undefined;
}

/** Deleting in the foreground: it goes once its blocking dependents are gone. */
function isWaitingForDependents(owner: KubeObject): boolean {
  return Boolean(owner.metadata.deletionTimestamp) && (owner.metadata.finalizers ?? []).includes(FINALIZER_DELETE_DEPENDENTS);
}

function hasCascadingFinalizer(obj: KubeObject): boolean {
  const f = obj.metadata.finalizers ?? [];
  return f.includes(FINALIZER_ORPHAN) || f.includes(FINALIZER_DELETE_DEPENDENTS);
}

function removeFinalizer(obj: KubeObject, finalizer: string): KubeObject {
  const finalizers = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  const metadata: KubeObject["metadata"] = { ...obj.metadata, finalizers };
  if (finalizers.length === 0) delete metadata.finalizers;
  return { ...obj, metadata };
}

function withOwnerRefs(obj: KubeObject, refs: OwnerReference[]): KubeObject {
  const metadata: KubeObject["metadata"] = { ...obj.metadata, ownerReferences: refs };
  if (refs.length === 0) delete metadata.ownerReferences;
  return { ...obj, metadata };
}
