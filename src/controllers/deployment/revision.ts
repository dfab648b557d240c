// Revision bookkeeping: MaxRevision, SetNewReplicaSetAnnotations, copyDeploymentAnnotationsToReplicaSet
// and SetDeploymentRevision from pkg/controller/deployment/util/deployment_util.go (kubernetes v1.32).

import type { KubeObject } from "../../api/types";
import { maxSurge } from "./fenceposts";
import {
  DEPRECATED_ROLLBACK_TO,
  DESIRED_REPLICAS_ANNOTATION,
  LAST_APPLIED_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  replicas,
  revision,
} from "./util";

/** maxRevHistoryLengthInChars in the controller. */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  DEPRECATED_ROLLBACK_TO,
]);

export function maxRevision(rss: readonly KubeObject[]): number {
  return rss.reduce((m, rs) => Math.max(m, revision(rs)), 0);
}

/** The Deployment annotations a ReplicaSet copies (kubernetes.io/change-cause and the like). */
export function copyDeploymentAnnotationsToReplicaSet(d: KubeObject, annotations: Record<string, string>): boolean {
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  return changed;
}

/**
 * SetNewReplicaSetAnnotations on a copy of rs: copied annotations, the revision raised to
 * newRevision when lower (the old one appended to revision-history, as on a rollback), and for a
 * ReplicaSet about to be created the desired/max-replicas annotations. Returns [changed, copy].
 */
export function setNewReplicaSetAnnotations(d: KubeObject, rs: KubeObject, newRevision: number, exists: boolean): [boolean, KubeObject] {
  const annotations: Record<string, string> = { ...(rs.metadata.annotations ?? {}) };
  let changed = copyDeploymentAnnotationsToReplicaSet(d, annotations);
  const oldRevision = annotations[REVISION_ANNOTATION];
  const had = oldRevision !== undefined;
  let oldRevisionInt = 0;
  if (had && oldRevision !== "") {
    oldRevisionInt = Number.parseInt(oldRevision, 10);
    if (!Number.isFinite(oldRevisionInt)) return [false, rs];
  }
  if (oldRevisionInt < newRevision) {
    annotations[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
  }
  if (had && oldRevisionInt < newRevision) {
    const history = annotations[REVISION_HISTORY_ANNOTATION] ?? "";
    const oldRevisions = history.split(",");
    if (oldRevisions[0].length === 0) {
      annotations[REVISION_HISTORY_ANNOTATION] = oldRevision;
    } else {
      let totalLen = history.length + oldRevision.length + 1;
      let start = 0;
      while (totalLen > MAX_REV_HISTORY_LENGTH_IN_CHARS && start < oldRevisions.length) {
        totalLen -= oldRevisions[start].length + 1;
        start++;
      }
      if (totalLen <= MAX_REV_HISTORY_LENGTH_IN_CHARS) {
        annotations[REVISION_HISTORY_ANNOTATION] = [...oldRevisions.slice(start), oldRevision].join(",");
      }
    }
  }
  if (!exists) {
    const r = replicas(d);
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(r);
    annotations[MAX_REPLICAS_ANNOTATION] = String(r + maxSurge(d));
    changed = true;
  }
  return [changed, { ...rs, metadata: { ...rs.metadata, annotations } }];
}

/** SetDeploymentRevision on the working copy; true when it changed. */
export function setDeploymentRevision(d: KubeObject, rev: string): boolean {
  const annotations = (d.metadata.annotations ??= {});
  if (annotations[REVISION_ANNOTATION] === rev) return false;
  annotations[REVISION_ANNOTATION] = rev;
  return true;
}
