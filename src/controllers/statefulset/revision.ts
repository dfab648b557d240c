// A StatefulSet's revision history: ControllerRevisions holding the patch that restores a pod
// template. Port of getPatch, newRevision, ApplyRevision and nextRevision from
// pkg/controller/statefulset/stateful_set_utils.go, getStatefulSetRevisions and truncateHistory
// from stateful_set_control.go, and NewControllerRevision, HashControllerRevision,
// EqualRevision and SortControllerRevisions from pkg/controller/history/controller_history.go
// (kubernetes v1.32).

import type { KubeObject } from "../../api/types";
import type { Write } from "../types";
import { canonicalJSON } from "../shared/canonical";
import { safeEncodeString } from "../shared/pod-template-hash";
import { newControllerRef } from "../shared/owner-refs";
import { getPodRevision } from "./identity";
import { deepCopy } from "../../api/deep-copy";

export const CONTROLLER_REVISION_HASH_LABEL = "controller.kubernetes.io/hash";

/**
 * getPatch: {"spec":{"template":{…,"$patch":"replace"}}}. Upstream round-trips the template
 * through map[string]interface{}, so json.Marshal writes its keys sorted: canonical JSON is the
 * same bytes for the same (defaulted) template.
 */
export function getPatch(set: KubeObject): Record<string, unknown> {
  return { spec: { template: { ...deepCopy(set.spec?.template ?? {}), $patch: "replace" } } };
}

/** FNV-1 (not 1a), 32 bits: multiply, then xor. */
function fnv32(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h = Math.imul(h, 0x01000193) >>> 0;
    h ^= b;
  }
  return h >>> 0;
}

/** HashControllerRevision: FNV-1 of the raw data, then the probe as decimal text, safe-encoded. */
export function hashControllerRevision(data: unknown, probe?: number): string {
  const enc = new TextEncoder();
  let h = fnv32(enc.encode(canonicalJSON(data)));
  if (probe !== undefined) h = fnv32(enc.encode(String(probe)), h);
  return safeEncodeString(String(h));
}

/** ControllerRevisionName: "<prefix>-<hash>", the prefix cut to 223 characters. */
export const controllerRevisionName = (prefix: string, hash: string): string => `${prefix.slice(0, 223)}-${hash}`;

/**
 * newRevision: a ControllerRevision owned by set, labelled like the template plus the hash label,
 * annotated with the set's annotations, holding getPatch(set).
 */
export function newRevision(set: KubeObject, revision: number, collisionCount: number): KubeObject {
  const data = getPatch(set);
  const hash = hashControllerRevision(data, collisionCount);
  const metadata: KubeObject["metadata"] = {
    name: controllerRevisionName(set.metadata.name ?? "", hash),
    namespace: set.metadata.namespace,
    labels: { ...(set.spec?.template?.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash },
    ownerReferences: [newControllerRef(set)],
  };
  if (set.metadata.annotations && Object.keys(set.metadata.annotations).length > 0) metadata.annotations = { ...set.metadata.annotations };
  return { apiVersion: "apps/v1", kind: "ControllerRevision", metadata, data, revision };
}

/** ApplyRevision: the set with the revision's template (the patch replaces spec.template). */
export function applyRevision(set: KubeObject, revision: KubeObject): KubeObject {
  const template = deepCopy((revision.data as any)?.spec?.template ?? {});
  delete template.$patch;
  return { ...set, spec: { ...set.spec, template } };
}

/** byRevision: revision number, then creation time, then name. */
export function sortControllerRevisions(revisions: readonly KubeObject[]): KubeObject[] {
  return [...revisions].sort((a, b) => {
    const d = Number(a.revision ?? 0) - Number(b.revision ?? 0);
    if (d !== 0) return d;
    const ta = a.metadata.creationTimestamp ?? "";
    const tb = b.metadata.creationTimestamp ?? "";
    if (ta !== tb) return ta < tb ? -1 : 1;
    return (a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1;
  });
}

/** nextRevision: one more than the newest, or 1. Expects sorted revisions. */
export const nextRevision = (revisions: readonly KubeObject[]): number => (revisions.length === 0 ? 1 : Number(revisions[revisions.length - 1].revision ?? 0) + 1);

/** EqualRevision: the same hash label (when both parse) and the same data bytes. */
export function equalRevision(lhs: KubeObject | undefined, rhs: KubeObject | undefined): boolean {
  if (!lhs || !rhs) return lhs === rhs;
  const lh = lhs.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
  const rh = rhs.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
  if (lh !== undefined && rh !== undefined && /^\d+$/.test(lh) && /^\d+$/.test(rh) && lh !== rh) return false;
  return canonicalJSON(lhs.data) === canonicalJSON(rhs.data);
}

export interface Revisions {
  readonly current: KubeObject;
  readonly update: KubeObject;
  readonly collisionCount: number;
  readonly writes: Write[];
}

/**
 * getStatefulSetRevisions: the update revision is the newest equal revision when it is already
 * the newest, an older equal one renumbered to the next revision (a rollback), or a new one
 * (bumping collisionCount while its name is taken by different data). The current revision is
 * the one status.currentRevision names, else the update revision. `revisions` must be sorted.
 */
export function getStatefulSetRevisions(set: KubeObject, revisions: readonly KubeObject[], existing: (name: string) => KubeObject | undefined): Revisions {
  const writes: Write[] = [];
  let collisionCount: number = set.status?.collisionCount ?? 0;
  let update = newRevision(set, nextRevision(revisions), collisionCount);
  const equal = revisions.filter((r) => equalRevision(r, update));
  const last = revisions[revisions.length - 1];
  if (equal.length > 0 && equalRevision(last, equal[equal.length - 1])) {
    update = last;
  } else if (equal.length > 0) {
    const renumbered = { ...equal[equal.length - 1], revision: update.revision };
    writes.push({ op: "update", object: renumbered });
    update = renumbered;
  } else {
    // CreateControllerRevision: an existing object with the same data is reused; a different one is a collision.
    for (;;) {
      const taken = existing(update.metadata.name ?? "");
      if (!taken) {
        writes.push({ op: "create", object: update });
        break;
      }
      if (canonicalJSON(taken.data) === canonicalJSON(update.data)) {
        update = taken;
        break;
      }
      collisionCount++;
      update = newRevision(set, update.revision as number, collisionCount);
    }
  }
  const current = revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { current, update, collisionCount, writes };
}

/**
 * truncateHistory: deletes the oldest revisions that are neither current, update, nor used by a
 * pod, until at most revisionHistoryLimit such revisions remain. `revisions` must be sorted.
 */
export function truncateHistory(set: KubeObject, pods: readonly KubeObject[], revisions: readonly KubeObject[], current: KubeObject, update: KubeObject): Write[] {
  const live = new Set<string>([current.metadata.name ?? "", update.metadata.name ?? "", ...pods.map(getPodRevision)]);
  const history = revisions.filter((r) => !live.has(r.metadata.name ?? ""));
  const limit: number = set.spec?.revisionHistoryLimit ?? 10;
  if (limit < 0 || history.length <= limit) return [];
  return history.slice(0, history.length - limit).map((r) => ({ op: "delete", ref: { kind: "ControllerRevision", namespace: r.metadata.namespace ?? "", name: r.metadata.name ?? "" } }));
}
