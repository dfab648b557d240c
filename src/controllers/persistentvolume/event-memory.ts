// The PV controller re-emits its waiting events on every periodic resync upstream (15s), which
// the recorder folds into "(xN over …)". The simulation has no periodic resync, so it
// remembers the last waiting event per claim and emits a new one only when it changes.
// Kept beside the kubelets' records, keyed by the claim's key.

import type { KubeObject, ObjectKey } from "../../api/types";
import { keyOf, refOf } from "../../api/types";
import type { ClusterView } from "../../api/store/view";
import type { EventNote, RuntimeWrite } from "../types";

interface Remembered {
  readonly uid: string;
  readonly event: string;
}

const memoryId = (key: ObjectKey): string => `persistentvolume-controller:${key}`;

/** The event to emit (none if it repeats the last one) and the record to store. */
export function onceOnly(view: ClusterView, claim: KubeObject, note: EventNote): { events: EventNote[]; runtime: RuntimeWrite[] } {
  const id = memoryId(keyOf(refOf(claim)));
  const last = view.runtime(id) as Remembered | undefined;
  const event = `${note.reason}\n${note.message}`;
  if (last && last.uid === claim.metadata.uid && last.event === event) return { events: [], runtime: [] };
  return { events: [note], runtime: [{ podUid: id, record: { uid: claim.metadata.uid ?? "", event } satisfies Remembered }] };
}

/** Forget a claim that is bound or gone. */
export function forgetClaim(view: ClusterView, key: ObjectKey): RuntimeWrite[] {
  const id = memoryId(key);
  return view.runtime(id) === undefined ? [] : [{ podUid: id, record: undefined }];
}
