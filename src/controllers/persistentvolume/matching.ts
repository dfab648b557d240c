// Which PersistentVolume a claim may bind to. Port of FindMatchingVolume and CheckAccessModes
// (pkg/volume/util/persistentvolume/util.go), used by the PV controller (node undefined) and by
// the scheduler's VolumeBinding plugin (node given).

import type { KubeObject } from "../../api/types";
import { fromLabelSelector, matches } from "../../api/selectors";
import { matchesTerm } from "../../scheduler/plugins/node-affinity";
import { capacityBytes, classOf, isVolumeBoundToClaim, requestedBytes } from "./claims";

/** The claim's access modes are all among the volume's. */
export function accessModesFit(claim: KubeObject, pv: KubeObject): boolean {
  const have = new Set<string>(pv.spec?.accessModes ?? []);
  return ((claim.spec?.accessModes ?? []) as string[]).every((m) => have.has(m));
}

/** CheckNodeAffinity: a volume without required node affinity fits every node. */
export function volumeFitsNode(pv: KubeObject, node: KubeObject): boolean {
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms) return true;
  return (terms as any[]).some((t) => matchesTerm(t, node));
}

const volumeModeOf = (spec: any): string => spec?.volumeMode ?? "Filesystem";

/**
 * FindMatchingVolume: a volume pre-bound to the claim wins; otherwise the smallest Available
 * volume of the claim's class whose capacity, access modes, volume mode, labels (the claim's
 * selector) and node affinity (scheduler path) fit. Under delayed binding the PV controller
 * (no node) binds only pre-bound volumes: the scheduler chooses the rest.
 * @example a 5Gi claim with Available volumes of 10Gi and 20Gi gets the 10Gi one
 */
export function findMatchingVolume(
  claim: KubeObject,
  volumes: readonly KubeObject[],
  opts: { node?: KubeObject; delayBinding: boolean; excluded?: ReadonlySet<string> },
): KubeObject | undefined {
  const requested = requestedBytes(claim);
  const requestedClass = classOf(claim);
  const selector = claim.spec?.selector ? fromLabelSelector(claim.spec.selector) : undefined;
  let smallest: KubeObject | undefined;
  for (const pv of volumes) {
    if (opts.excluded?.has(pv.metadata.name ?? "")) continue;
    if (pv.spec?.claimRef && !isVolumeBoundToClaim(pv, claim)) continue;
    if (capacityBytes(pv) < requested) continue;
    if (volumeModeOf(claim.spec) !== volumeModeOf(pv.spec)) continue;
    if (pv.metadata.deletionTimestamp) continue;
    const nodeAffinityValid = !opts.node || volumeFitsNode(pv, opts.node);
    if (isVolumeBoundToClaim(pv, claim)) return nodeAffinityValid ? pv : undefined;
    if (!opts.node && opts.delayBinding) continue;
    if (pv.status?.phase !== "Available") continue;
    if (selector && !matches(selector, pv.metadata.labels)) continue;
    if (classOf(pv) !== requestedClass) continue;
    if (!nodeAffinityValid) continue;
    if (!accessModesFit(claim, pv)) continue;
    if (!smallest || capacityBytes(smallest) > capacityBytes(pv)) smallest = pv;
  }
  return smallest;
}
