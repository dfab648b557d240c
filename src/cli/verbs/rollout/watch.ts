// A watch on one object while the simulation runs: calls back on every write of it, as an API
// watch delivers every MODIFIED event — several per simulated instant when a controller writes
// the object more than once. The store has no subscription API yet, so this wraps the store's
// own put/remove for the duration of the watch and restores them after.
// TODO(#3): replace with a Store.watch(key, fn) once the store offers one.

import type { Store } from "../../../api/store/store";
import type { KubeObject, ObjectKey } from "../../../api/types";
import { parseKey } from "../../../api/types";

export type WatchEvent = { readonly type: "MODIFIED"; readonly object: KubeObject } | { readonly type: "DELETED" };

/** Starts watching `key`; returns the function that stops the watch. */
export function watchObject(store: Store, key: ObjectKey, onEvent: (e: WatchEvent) => void): () => void {
  const target = store as unknown as { put: Store["put"]; remove: Store["remove"] };
  const put = store.put;
  const remove = store.remove;
  const { kind, namespace, name } = parseKey(key);
  target.put = (obj) => {
    put.call(store, obj);
    // Compared field by field: a rollout puts thousands of objects, and building each key costs.
    if (obj.metadata.name === name && obj.kind === kind && (obj.metadata.namespace ?? "") === namespace) onEvent({ type: "MODIFIED", object: obj });
  };
  target.remove = (k) => {
    const removed = remove.call(store, k);
    if (removed && k === key) onEvent({ type: "DELETED" });
    return removed;
  };
  return () => {
    // The own properties shadow the prototype's methods; deleting them restores those.
    delete (target as Partial<typeof target>).put;
    delete (target as Partial<typeof target>).remove;
  };
}
