// kubectl's half of `rollout undo` for Deployments: pick the revision's ReplicaSet, compare its
// template with the current one (ignoring pod-template-hash), and build the Deployment with that
// template and the ReplicaSet's annotations. Port of DeploymentRollbacker in
// staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go (v1.32). The controller's half
// (renumbering the ReplicaSet) lives in controllers/deployment.

import { UsageError } from "../errors";
import { deepEqual } from "../deep-equal";
import type { KubeObject } from "../types";
import { ownedReplicaSets, REVISION_ANNOTATION, revisionOf } from "./history";
import { deepCopy } from "../deep-copy";

const HASH_LABEL = "pod-template-hash";

/** Annotations kept from the Deployment rather than copied from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set([
  "kubectl.kubernetes.io/last-applied-configuration",
  REVISION_ANNOTATION,
  "deployment.kubernetes.io/revision-history",
  "deployment.kubernetes.io/desired-replicas",
  "deployment.kubernetes.io/max-replicas",
  "deprecated.deployment.rollback.to",
]);

export type RollbackPlan =
  /** The Deployment to write: the revision's template, the ReplicaSet's annotations. */
  | { readonly kind: "rollback"; readonly deployment: KubeObject }
  /** `skipped rollback (current template already matches revision N)`. */
  | { readonly kind: "skipped"; readonly message: string }
  /** --dry-run=client: the template that would be restored (hash label included, as upstream prints it). */
  | { readonly kind: "preview"; readonly template: any };

export function revisionNotFound(revision: number): UsageError {
  return new UsageError(`unable to find specified revision ${revision} in history`);
}

/**
 * DeploymentRollbacker.Rollback without the write. Throws kubectl's errors: a negative or unknown
 * revision, no previous revision, a paused Deployment (checked after the dry-run preview, as
 * upstream does). Never mutates its arguments.
 */
export function planDeploymentRollback(d: KubeObject, replicaSets: readonly KubeObject[], toRevision: number, clientDryRun: boolean): RollbackPlan {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  const target = deploymentRevision(d, replicaSets, toRevision);
  if (clientDryRun) return { kind: "preview", template: target.spec?.template };
  if (d.spec?.paused) throw new UsageError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  if (equalIgnoreHash(target.spec?.template, d.spec?.template)) {
    return { kind: "skipped", message: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  const template = deepCopy(target.spec?.template ?? {});
  if (template.metadata?.labels) delete template.metadata.labels[HASH_LABEL];
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries<string>(d.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries<string>(target.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  const out = deepCopy(d);
  out.metadata.annotations = annotations;
  out.spec = { ...out.spec, template };
  return { kind: "rollback", deployment: out };
}

/** deploymentRevision: the ReplicaSet of `toRevision`, or the second newest when it is 0. */
export function deploymentRevision(d: KubeObject, replicaSets: readonly KubeObject[], toRevision: number): KubeObject {
  let latest: { rs?: KubeObject; v: number } = { v: -1 };
  let previous: { rs?: KubeObject; v: number } = { v: -1 };
  for (const rs of ownedReplicaSets(d, replicaSets)) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latest.v < v) {
        previous = latest;
        latest = { rs, v };
      } else if (previous.v < v) previous = { rs, v };
    } else if (toRevision === v) return rs;
  }
  if (toRevision > 0) throw revisionNotFound(toRevision);
  if (!previous.rs) throw new UsageError(`no rollout history found for deployment ${JSON.stringify(d.metadata.name ?? "")}`);
  return previous.rs;
}

/** equalIgnoreHash: templates equal once the pod-template-hash label is dropped from both. */
export function equalIgnoreHash(a: any, b: any): boolean {
  return deepEqual(semantic(withoutHash(a)), semantic(withoutHash(b)));
}

function withoutHash(template: any): any {
  const t = deepCopy(template ?? {});
  if (t.metadata?.labels) delete t.metadata.labels[HASH_LABEL];
  return t;
}

/** apimachinery's Semantic.DeepEqual treats empty and nil maps and slices as equal: drop them. */
function semantic(v: any): any {
  if (Array.isArray(v)) return v.map(semantic);
  if (!v || typeof v !== "object") return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const y = semantic(x);
    const empty = y !== null && typeof y === "object" && Object.keys(y).length === 0;
    if (!empty && y !== undefined) out[k] = y;
  }
  return out;
}
