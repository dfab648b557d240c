// The objects of an owner (or a node) as the Store last listed them. A ReplicaSet controller
// asks for its thousand pods on every sync, and between two syncs only some of them change:
// a changed member is replaced in its place, and the list goes only when a member joins or
// leaves. Kept only for keys in a fixed order (the Store's cached order), so a list never
// answers in another order than building it afresh would.

import type { KubeObject, ObjectKey } from "../types";

interface MemberList {
  readonly objects: KubeObject[];
  /** Each member's index in objects. */
  readonly places: ReadonlyMap<ObjectKey, number>;
}

export class MemberLists {
  private readonly lists = new Map<string, MemberList>();

  /** A copy of the members at `at` (callers may sort or keep it): from the list, or built from `keys`. */
  get(at: string, keys: readonly ObjectKey[], load: (key: ObjectKey) => KubeObject, keep: boolean): KubeObject[] {
    let list = this.lists.get(at);
    if (!list) {
      list = { objects: keys.map(load), places: new Map(keys.map((key, i) => [key, i])) };
      if (!keep) return list.objects;
      this.lists.set(at, list);
    }
    return [...list.objects];
  }

  /** A member was put again: it takes its own place. */
  replace(at: string, key: ObjectKey, obj: KubeObject): void {
    const list = this.lists.get(at);
    const i = list?.places.get(key);
    if (i !== undefined) list!.objects[i] = obj;
  }

  /** A member joined or left. */
  drop(at: string): void {
    this.lists.delete(at);
  }
}
