// A Deployment's revisions, read from its ReplicaSets' deployment.kubernetes.io/revision
// annotations. Port of DeploymentHistoryViewer in staging/src/k8s.io/kubectl/pkg/
// polymorphichelpers/history.go (v1.32). Pure: the Deployment and its ReplicaSets in.

import type { KubeObject } from "../types";
import { deepCopy } from "../deep-copy";

export const REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
export const CHANGE_CAUSE_ANNOTATION = "kubernetes.io/change-cause";

export interface Revision {
  readonly revision: number;
  readonly replicaSet: KubeObject;
  /** The ReplicaSet's pod template, with the ReplicaSet's change-cause added to its annotations. */
  readonly template: any;
  readonly changeCause?: string;
}

/** deploymentutil.Revision: the annotation as an integer; undefined when absent or malformed. */
export function revisionOf(obj: KubeObject): number | undefined {
  const text = obj.metadata.annotations?.[REVISION_ANNOTATION];
  if (text === undefined || !/^[+-]?\d+$/.test(text)) return undefined;
  return Number(text);
}

/** The ReplicaSets whose controller is `d` (GetAllReplicaSets reads the same set). */
export function ownedReplicaSets(d: KubeObject, replicaSets: readonly KubeObject[]): KubeObject[] {
  const uid = d.metadata.uid;
  return replicaSets.filter((rs) => (rs.metadata.ownerReferences ?? []).some((r: { uid?: string; controller?: boolean }) => r.controller && r.uid === uid));
}

/**
 * Revision number → ReplicaSet, ascending. When two ReplicaSets claim one number the later in
 * `replicaSets` wins, as the map assignment upstream does.
 */
export function deploymentRevisions(d: KubeObject, replicaSets: readonly KubeObject[]): Revision[] {
  const byRevision = new Map<number, Revision>();
  for (const rs of ownedReplicaSets(d, replicaSets)) {
    const revision = revisionOf(rs);
    if (revision === undefined) continue;
    const changeCause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
    const template = deepCopy(rs.spec?.template ?? {});
    template.metadata = { ...(template.metadata ?? {}) };
    template.metadata.annotations = { ...(template.metadata.annotations ?? {}) };
    if (changeCause) template.metadata.annotations[CHANGE_CAUSE_ANNOTATION] = changeCause;
    byRevision.set(revision, { revision, replicaSet: rs, template, changeCause: changeCause || undefined });
  }
  return [...byRevision.values()].sort((a, b) => a.revision - b.revision);
}
