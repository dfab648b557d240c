// kubectl's StatefulSet history and rollback, read from ControllerRevisions. Port of
// StatefulSetHistoryViewer (statefulSetHistory, controlledHistoryV1, applyStatefulSetHistory)
// in staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go and StatefulSetRollbacker
// (findHistory, statefulsetMatch, getStatefulSetPatch) in rollback.go (v1.32). Pure.

import { UsageError } from "../errors";
import { deepEqual } from "../deep-equal";
import { fromLabelSelector, matches } from "../selectors";
import type { KubeObject } from "../types";
import { CHANGE_CAUSE_ANNOTATION } from "./history";
import { revisionNotFound } from "./rollback";
import type { RollbackPlan } from "./rollback";
import { deepCopy } from "../deep-copy";

export interface ControllerRevisionEntry {
  readonly revision: number;
  readonly controllerRevision: KubeObject;
  /** The set's pod template as that revision restores it. */
  readonly template: any;
  readonly changeCause?: string;
}

/** controlledHistoryV1: revisions matching the set's selector whose controller is the set. */
export function controlledRevisions(sts: KubeObject, revisions: readonly KubeObject[]): KubeObject[] {
  const selector = fromLabelSelector(sts.spec?.selector);
  return revisions.filter(
    (r) =>
      selector !== undefined &&
      matches(selector, r.metadata.labels) &&
      (r.metadata.ownerReferences ?? []).some((ref) => ref.controller && ref.uid === sts.metadata.uid),
  );
}

/** The revision's template: the patch replaces spec.template ("$patch": "replace"). */
function templateOf(revision: KubeObject): any {
  const template = deepCopy((revision.data as any)?.spec?.template ?? {});
  delete template.$patch;
  return template;
}

/** Revision number → entry, ascending; a number claimed twice keeps the later one, as the map upstream does. */
export function statefulSetRevisions(sts: KubeObject, revisions: readonly KubeObject[]): ControllerRevisionEntry[] {
  const byRevision = new Map<number, ControllerRevisionEntry>();
  for (const r of controlledRevisions(sts, revisions)) {
    const revision = Number(r.revision ?? 0);
    const changeCause = r.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] || undefined;
    byRevision.set(revision, { revision, controllerRevision: r, template: templateOf(r), changeCause });
  }
  return [...byRevision.values()].sort((a, b) => a.revision - b.revision);
}

/**
 * StatefulSetRollbacker.Rollback without the write: the previous revision (toRevision 0) or the
 * given one; skipped when the set's template already equals it. Never mutates its arguments.
 */
export function planStatefulSetRollback(sts: KubeObject, revisions: readonly KubeObject[], toRevision: number, clientDryRun: boolean): RollbackPlan {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  const history = controlledRevisions(sts, revisions).sort((a, b) => Number(a.revision ?? 0) - Number(b.revision ?? 0));
  if (toRevision === 0 && history.length <= 1) throw new UsageError("no last revision to roll back to");
  const target = toRevision === 0 ? history[history.length - 2] : history.find((r) => Number(r.revision) === toRevision);
  if (!target) throw revisionNotFound(toRevision);
  const template = templateOf(target);
  if (clientDryRun) return { kind: "preview", template };
  if (deepEqual(sts.spec?.template ?? {}, template)) {
    return { kind: "skipped", message: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  const out = deepCopy(sts);
  out.spec = { ...out.spec, template };
  return { kind: "rollback", deployment: out };
}
