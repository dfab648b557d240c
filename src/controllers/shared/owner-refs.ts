// Claiming dependents: ClaimObject / AdoptPod / ReleasePod from
// pkg/controller/controller_ref_manager.go (kubernetes v1.32). A controller owns the objects
// whose controller reference names its uid and that its selector matches; it adopts orphans
// its selector matches and releases owned objects its selector no longer matches. Adoption and
// release are update writes (upstream patches), one per object.

import type { KubeObject, OwnerReference } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import type { Write } from "../types";
import { getControllerOf } from "./controller-utils";

/** metav1.NewControllerRef: the reference a controller stamps on what it creates or adopts. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? "",
    uid: owner.metadata.uid ?? "",
    controller: true,
    blockOwnerDeletion: true,
  };
}

export interface Claimed {
  /** The objects the controller owns after this claim (adopted ones included, with the new ref). */
  readonly claimed: KubeObject[];
  /** Adoption and release updates. */
  readonly writes: Write[];
}

/**
 * The candidates a controller considers: what it owns (by the owner index) plus the orphans of
 * `kind` in its namespace. Sorted by name, each object once.
 */
export function claimCandidates(view: ClusterView, controller: KubeObject, kind: string): KubeObject[] {
  const uid = controller.metadata.uid ?? "";
  const ns = controller.metadata.namespace ?? "";
  const owned = view.ownedBy(uid).filter((o) => o.kind === kind);
  const orphans = view.orphans(kind, ns);
  // Both come sorted by name when all are in the namespace: merge them (a name in both is one
  // object). Usually there are no orphans, and what it owns is the answer as it is.
  if (owned.every((o) => (o.metadata.namespace ?? "") === ns)) return orphans.length === 0 ? owned : mergeByName(owned, orphans);
  const byKey = new Map<string, KubeObject>();
  for (const o of owned) byKey.set(o.metadata.name ?? "", o);
  for (const o of orphans) byKey.set(o.metadata.name ?? "", o);
  return [...byKey.values()].sort((a, b) => ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1));
}

/** Two lists sorted by name, as one sorted list; a name in both is taken once, from `b`. */
function mergeByName(a: readonly KubeObject[], b: readonly KubeObject[]): KubeObject[] {
  const out: KubeObject[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const na = i < a.length ? (a[i].metadata.name ?? "") : undefined;
    const nb = j < b.length ? (b[j].metadata.name ?? "") : undefined;
    if (nb === undefined || (na !== undefined && na < nb)) out.push(a[i++]);
    else if (na === undefined || nb < na) out.push(b[j++]);
    else (i++, out.push(b[j++]));
  }
  return out;
}

/**
 * ClaimObjects over candidates. Never mutates its input.
 * @param match the selector test (and any extra filter the controller applies)
 */
export function claimObjects(controller: KubeObject, candidates: readonly KubeObject[], match: (o: KubeObject) => boolean): Claimed {
  const claimed: KubeObject[] = [];
  const writes: Write[] = [];
  const uid = controller.metadata.uid;
  const controllerDeleting = Boolean(controller.metadata.deletionTimestamp);
  for (const obj of candidates) {
    const ref = getControllerOf(obj);
    if (ref) {
      if (ref.uid !== uid) continue; // owned by someone else
      if (match(obj)) {
        claimed.push(obj);
        continue;
      }
      if (controllerDeleting) continue;
      writes.push({ op: "update", object: release(obj, uid ?? "") });
      continue;
    }
    // An orphan.
    if (controllerDeleting || !match(obj)) continue;
    if (obj.metadata.deletionTimestamp) continue;
    if (controller.metadata.namespace && controller.metadata.namespace !== obj.metadata.namespace) continue;
    const adopted = adopt(obj, controller);
    writes.push({ op: "update", object: adopted });
    claimed.push(adopted);
  }
  return { claimed, writes };
}

/** AdoptPod: adds the controller reference. */
export function adopt(obj: KubeObject, controller: KubeObject): KubeObject {
  const refs = [...(obj.metadata.ownerReferences ?? []), newControllerRef(controller)];
  return { ...obj, metadata: { ...obj.metadata, ownerReferences: refs } };
}

/** ReleasePod: removes every reference to the owner uid. */
export function release(obj: KubeObject, ownerUid: string): KubeObject {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
  const metadata: KubeObject["metadata"] = { ...obj.metadata, ownerReferences: refs };
  if (refs.length === 0) delete metadata.ownerReferences;
  return { ...obj, metadata };
}
