// The object store: objects by key, a resourceVersion counter and the indexes controllers
// query (by kind, by owner uid, by node). Objects are replaced, never mutated in place, so a
// reader may hold one across writes. Every change is appended to `changes`, which the engine
// drains to decide which controllers to wake.

import type { KubeObject, ObjectKey } from "../types";
import { keyOf, refOf } from "../types";

export interface Change {
  readonly key: ObjectKey;
  readonly before?: KubeObject;
  readonly after?: KubeObject;
}

export class Store {
  private readonly objects = new Map<ObjectKey, KubeObject>();
  private readonly byKind = new Map<string, Set<ObjectKey>>();
  private readonly byOwner = new Map<string, Set<ObjectKey>>();
  private readonly byNode = new Map<string, Set<ObjectKey>>();
  /** Changes not yet seen by the engine. */
  changes: Change[] = [];

  resourceVersion: number;

  constructor(objects: readonly KubeObject[] = [], resourceVersion = 0) {
    this.resourceVersion = resourceVersion;
    for (const obj of objects) this.index(keyOf(refOf(obj)), obj);
  }

  get(key: ObjectKey): KubeObject | undefined {
    return this.objects.get(key);
  }

  /** Objects of one kind, optionally in one namespace, sorted by namespace then name. */
  list(kind: string, namespace?: string): KubeObject[] {
    const keys = this.byKind.get(kind);
    if (!keys) return [];
    const out: KubeObject[] = [];
    for (const key of keys) {
      const obj = this.objects.get(key)!;
      if (namespace === undefined || obj.metadata.namespace === namespace) out.push(obj);
    }
    return out.sort(compareObjects);
  }

  /** Objects whose ownerReferences name this uid. */
  ownedBy(uid: string): KubeObject[] {
    return [...(this.byOwner.get(uid) ?? [])].map((k) => this.objects.get(k)!).sort(compareObjects);
  }

  /** Pods bound to a node. */
  podsOnNode(nodeName: string): KubeObject[] {
    return [...(this.byNode.get(nodeName) ?? [])].map((k) => this.objects.get(k)!).sort(compareObjects);
  }

  count(kind: string): number {
    return this.byKind.get(kind)?.size ?? 0;
  }

  kinds(): string[] {
    return [...this.byKind.keys()].filter((k) => this.byKind.get(k)!.size > 0).sort();
  }

  /** Stores obj (already stamped with its resourceVersion) and records the change. */
  put(obj: KubeObject): void {
    const key = keyOf(refOf(obj));
    const before = this.objects.get(key);
    if (before) this.unindex(key, before);
    this.index(key, obj);
    this.changes.push({ key, before, after: obj });
  }

  remove(key: ObjectKey): KubeObject | undefined {
    const before = this.objects.get(key);
    if (!before) return undefined;
    this.unindex(key, before);
    this.changes.push({ key, before });
    return before;
  }

  nextResourceVersion(): string {
    this.resourceVersion += 1;
    return String(this.resourceVersion);
  }

  /** Every object, in a stable order (for saving). */
  all(): KubeObject[] {
    return [...this.objects.values()].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : compareObjects(a, b)));
  }

  private index(key: ObjectKey, obj: KubeObject): void {
    this.objects.set(key, obj);
    addTo(this.byKind, obj.kind, key);
    for (const ref of obj.metadata.ownerReferences ?? []) addTo(this.byOwner, ref.uid, key);
    const node = obj.kind === "Pod" ? obj.spec?.nodeName : undefined;
    if (node) addTo(this.byNode, node, key);
  }

  private unindex(key: ObjectKey, obj: KubeObject): void {
    this.objects.delete(key);
    this.byKind.get(obj.kind)?.delete(key);
    for (const ref of obj.metadata.ownerReferences ?? []) this.byOwner.get(ref.uid)?.delete(key);
    const node = obj.kind === "Pod" ? obj.spec?.nodeName : undefined;
    if (node) this.byNode.get(node)?.delete(key);
  }
}

function addTo(index: Map<string, Set<ObjectKey>>, at: string, key: ObjectKey): void {
  let set = index.get(at);
  if (!set) index.set(at, (set = new Set()));
  set.add(key);
}

export function compareObjects(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? "";
  const nb = b.metadata.namespace ?? "";
  if (na !== nb) return na < nb ? -1 : 1;
  const a1 = a.metadata.name ?? "";
  const b1 = b.metadata.name ?? "";
  return a1 < b1 ? -1 : a1 > b1 ? 1 : 0;
}
