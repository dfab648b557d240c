// The Deployment controller: rolls a Deployment's pod template out through ReplicaSets.
// Port of pkg/controller/deployment/deployment_controller.go (syncDeployment,
// getReplicaSetsForDeployment, getPodMapForDeployment), kubernetes v1.32; the steps live in
// sync.ts, rolling.ts, recreate.ts and progress.ts as upstream splits them.

import type { KubeObject, ObjectKey } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import { fromLabelSelector, matches } from "../../api/selectors";
import type { Instant } from "../../sim/time";
import type { Rng } from "../../sim/random";
import type { Controller, Outcome, Trigger } from "../types";
import { NOTHING, self } from "../types";
import { getControllerOf } from "../shared/controller-utils";
import { claimCandidates, claimObjects } from "../shared/owner-refs";
import { SOURCE, SyncContext } from "./context";
import { rolloutRecreate } from "./recreate";
import type { PodMap } from "./recreate";
import { rolloutRolling } from "./rolling";
import { SyncAborted, checkPausedConditions, isScalingEvent, sync, syncDeploymentStatus, getAllReplicaSetsAndSyncRevision } from "./sync";
import { specOrPhaseChanged } from "../shared/change-predicates";

/** ReplicaSets wake their controlling Deployment; orphans wake the Deployments that could adopt them. */
const replicaSetTrigger: Trigger = {
  kind: "ReplicaSet",
  keysFor: (rs, view) => {
    const ns = rs.metadata.namespace ?? "";
    const ref = getControllerOf(rs);
    if (ref) return ref.kind === "Deployment" ? [`Deployment/${ns}/${ref.name}`] : [];
    return view
      .list("Deployment", ns)
      .filter((d) => selects(d, rs))
      .map((d) => `Deployment/${ns}/${d.metadata.name}`);
  },
};

/**
 * Recreate waits for old pods to go: a pod's removal (upstream's only pod handler) or the end
 * of its run wakes its ReplicaSet's Recreate Deployment.
 */
const podTrigger: Trigger = {
  kind: "Pod",
  concerns: specOrPhaseChanged,
  keysFor: (pod, view) => {
    const ns = pod.metadata.namespace ?? "";
    const rsRef = getControllerOf(pod);
    if (rsRef?.kind !== "ReplicaSet") return [];
    const dRef = getControllerOf(view.get(`ReplicaSet/${ns}/${rsRef.name}`) ?? pod);
    if (dRef?.kind !== "Deployment") return [];
    const d = view.get(`Deployment/${ns}/${dRef.name}`);
    return d?.spec?.strategy?.type === "Recreate" ? [`Deployment/${ns}/${dRef.name}`] : [];
  },
};

export const deploymentController = {
  name: SOURCE,
  primary: "Deployment",
  wakeOn: [self("Deployment"), replicaSetTrigger, podTrigger],
  reconcile: (view: ClusterView, key: ObjectKey, now: Instant, _rng: Rng): Outcome => syncDeployment(view, key, now),
} satisfies Controller;

/** syncDeployment: one pass, in upstream's order. Never mutates the view. */
export function syncDeployment(view: ClusterView, key: ObjectKey, now: Instant): Outcome {
  const deployment = view.get(key);
  if (!deployment) return NOTHING;
  const ctx = new SyncContext(view, deployment, now);
  const d = ctx.d;
  const selector = fromLabelSelector(d.spec?.selector);
  if (!selector || selector.length === 0) {
    // An empty selector selects everything; upstream refuses to act but observes the generation.
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) d.status = { ...(d.status ?? {}), observedGeneration: d.metadata.generation };
    return ctx.outcome();
  }

  const rsList = getReplicaSetsForDeployment(ctx);
  try {
    if (d.metadata.deletionTimestamp) {
      const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(ctx, rsList, false);
      syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS);
      return ctx.outcome();
    }
    // Upstream writes the paused/resumed condition and its next status write conflicts, so the
    // pass ends here in effect.
    if (checkPausedConditions(ctx)) return ctx.outcome();
    if (d.spec?.paused) {
      sync(ctx, rsList);
      return ctx.outcome();
    }
    if (isScalingEvent(ctx, rsList)) {
      sync(ctx, rsList);
      return ctx.outcome();
    }
    if (d.spec?.strategy?.type === "Recreate") rolloutRecreate(ctx, rsList, getPodMapForDeployment(view, rsList));
    else rolloutRolling(ctx, rsList);
  } catch (e) {
    if (!(e instanceof SyncAborted)) throw e;
  }
  return ctx.outcome();
}

/** getReplicaSetsForDeployment: claim (adopt and release) ReplicaSets by the selector. */
function getReplicaSetsForDeployment(ctx: SyncContext): KubeObject[] {
  const candidates = claimCandidates(ctx.view, ctx.original, "ReplicaSet");
  const { claimed, writes } = claimObjects(ctx.original, candidates, (rs) => selects(ctx.original, rs));
  for (const w of writes) if (w.op === "update") ctx.updateReplicaSet(w.object);
  return claimed;
}

/** getPodMapForDeployment: the pods of each claimed ReplicaSet, by its uid. */
function getPodMapForDeployment(view: ClusterView, rsList: readonly KubeObject[]): PodMap {
  const map = new Map<string, KubeObject[]>();
  for (const rs of rsList) {
    const uid = rs.metadata.uid ?? "";
    map.set(uid, view.ownedBy(uid).filter((p) => p.kind === "Pod" && getControllerOf(p)?.uid === uid));
  }
  return map;
}

function selects(d: KubeObject, obj: KubeObject): boolean {
  const sel = fromLabelSelector(d.spec?.selector);
  return sel !== undefined && sel.length > 0 && matches(sel, obj.metadata.labels);
}
