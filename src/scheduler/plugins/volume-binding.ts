// The VolumeBinding plugin: PreFilter resolves the pod's claims (a missing, lost or deleting
// claim, or an unbound Immediate one, makes the pod unschedulable everywhere); Filter checks
// that bound volumes' node affinity admits the node and that every WaitForFirstConsumer claim
// can get a volume there (a matching static PV or a provisioner). Port of
// pkg/scheduler/framework/plugins/volumebinding/volume_binding.go and binder.go
// (FindPodVolumes, checkBoundClaims, findMatchingVolumes, checkVolumeProvisions).

import type { KubeObject } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import type { FilterPlugin, PluginStatus, PreFilterResult } from "../types";
import { SUCCESS, unresolvable } from "../types";
import { ANN_SELECTED_NODE } from "../../controllers/persistentvolume/annotations";
import { claimNamesOf, classOf, isBindCompleted, isDelayBinding, storageClassNamed } from "../../controllers/persistentvolume/claims";
import { findMatchingVolume, volumeFitsNode } from "../../controllers/persistentvolume/matching";

export const VOLUME_BINDING = "VolumeBinding";
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_REASON_NODE_CONFLICT = "node(s) had volume node affinity conflict";
export const ERR_REASON_PV_NOT_EXIST = "node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)";
export const ERR_UNBOUND_IMMEDIATE = "pod has unbound immediate PersistentVolumeClaims";
/** A class whose volumes are only ever created by hand (static local volumes). */
const NO_PROVISIONER = "kubernetes.io/no-provisioner";

/** What PreFilter found, for Filter (upstream's stateData / PodVolumeClaims). */
export interface VolumeBindingState {
  readonly bound: readonly { claim: KubeObject; pv?: KubeObject }[];
  /** Unbound WaitForFirstConsumer claims, with their class. */
  readonly delayed: readonly { claim: KubeObject; sc?: any }[];
  readonly volumes: readonly KubeObject[];
}

/** GetPodVolumeClaims: the pod's claims split into bound and delayed, or the reason it cannot go anywhere. */
export function podVolumeClaims(view: ClusterView, pod: KubeObject): { error: string } | VolumeBindingState {
  const ns = pod.metadata.namespace ?? "";
  const bound: { claim: KubeObject; pv?: KubeObject }[] = [];
  const delayed: { claim: KubeObject; sc?: any }[] = [];
  let immediateUnbound = false;
  for (const name of claimNamesOf(pod)) {
    const claim = view.get(`PersistentVolumeClaim/${ns}/${name}`);
    if (!claim) return { error: `persistentvolumeclaim "${name}" not found` };
    if (claim.status?.phase === "Lost") return { error: `persistentvolumeclaim "${name}" bound to non-existent persistentvolume "${claim.spec?.volumeName ?? ""}"` };
    if (claim.metadata.deletionTimestamp) return { error: `persistentvolumeclaim "${name}" is being deleted` };
    if (claim.spec?.volumeName && isBindCompleted(claim)) {
      bound.push({ claim, pv: view.get(`PersistentVolume//${claim.spec.volumeName}`) });
    } else if (isDelayBinding(view, claim)) {
      delayed.push({ claim, sc: storageClassNamed(view, classOf(claim)) });
    } else immediateUnbound = true;
  }
  if (immediateUnbound) return { error: ERR_UNBOUND_IMMEDIATE };
  return { bound, delayed, volumes: delayed.length > 0 ? view.list("PersistentVolume") : [] };
}

/**
 * The static volumes chosen for the delayed claims on this node (claim name → PV), and
 * whether every delayed claim is satisfied (matched or provisionable).
 */
export function findPodVolumes(state: VolumeBindingState, node: KubeObject): { matched: Map<string, KubeObject>; satisfied: boolean; selectedElsewhere: boolean } {
  const matched = new Map<string, KubeObject>();
  const chosen = new Set<string>();
  let satisfied = true;
  let selectedElsewhere = false;
  for (const { claim, sc } of state.delayed) {
    const selected = claim.metadata.annotations?.[ANN_SELECTED_NODE];
    if (selected && selected !== node.metadata.name) {
      selectedElsewhere = true;
      continue;
    }
    const pv = findMatchingVolume(claim, state.volumes, { node, delayBinding: true, excluded: chosen });
    if (pv) {
      matched.set(claim.metadata.name ?? "", pv);
      chosen.add(pv.metadata.name ?? "");
      continue;
    }
    if (!sc?.provisioner || sc.provisioner === NO_PROVISIONER || !allowedTopologiesMatch(sc, node)) satisfied = false;
  }
  return { matched, satisfied, selectedElsewhere };
}

/** checkVolumeProvisions: a class's allowedTopologies must admit the node. */
function allowedTopologiesMatch(sc: any, node: KubeObject): boolean {
  const terms = sc.allowedTopologies as { matchLabelExpressions?: { key: string; values: string[] }[] }[] | undefined;
  if (!terms || terms.length === 0) return true;
  const labels = node.metadata.labels ?? {};
  return terms.some((t) => (t.matchLabelExpressions ?? []).every((e) => e.values.includes(labels[e.key])));
}

export const volumeBinding: FilterPlugin = {
  name: VOLUME_BINDING,
  preFilter(pod, view): PreFilterResult {
    if (claimNamesOf(pod).length === 0) return {};
    const r = podVolumeClaims(view, pod);
    return "error" in r ? { status: unresolvable(r.error) } : { state: r };
  },
  filter(_pod, node, ctx): PluginStatus {
    const state = ctx.cycleState?.get(VOLUME_BINDING) as VolumeBindingState | undefined;
    if (!state) return SUCCESS;
    const reasons = new Set<string>();
    for (const { pv } of state.bound) {
      if (!pv) reasons.add(ERR_REASON_PV_NOT_EXIST);
      else if (!volumeFitsNode(pv, node)) reasons.add(ERR_REASON_NODE_CONFLICT);
    }
    if (state.delayed.length > 0) {
      const found = findPodVolumes(state, node);
      if (!found.satisfied || found.selectedElsewhere) reasons.add(ERR_REASON_BIND_CONFLICT);
    }
    return reasons.size === 0 ? SUCCESS : unresolvable(...reasons);
  },
};
