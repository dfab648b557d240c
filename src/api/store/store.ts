// The object store: objects by key, a resourceVersion counter and the indexes controllers
// query (by kind, by owner uid, by node). Objects are replaced, never mutated in place, so a
// reader may hold one across writes. Every change is appended to `changes`, which the engine
// drains to decide which controllers to wake. Loaded objects stay saved JSON (RawJson) until
// first read; the owner and node indexes are built the first time they are needed.

import type { KubeObject, ObjectKey } from "../types";
import { keyOf, pairKey, refOf } from "../types";
import { MemberLists } from "./member-lists";
import { RawJson, decodeObject, forgetEncoding } from "./raw-json";
import { SortedNames, lowerBound } from "./sorted-names";

export interface Change {
  readonly key: ObjectKey;
  readonly before?: KubeObject;
  readonly after?: KubeObject;
}

let storesMade = 0;

export class Store {
  /** Distinguishes stores, so a revision token from one can never match another's. */
  private readonly id = ++storesMade;
  /** Node → how many times the set of pods bound to it (or one of them) changed. */
  private readonly nodeRevisions = new Map<string, number>();
  private readonly objects: Map<ObjectKey, KubeObject | RawJson> = new Map();
  /** Kind → namespace → names, each kept sorted, so listing never sorts. */
  private readonly byKind = new Map<string, Map<string, SortedNames>>();
  private readonly byOwner = new Map<string, Set<ObjectKey>>();
  private readonly byNode = new Map<string, Set<ObjectKey>>();
  /** Pods bound to no node: the scheduler retries them all when room frees up. */
  private readonly unbound = new Set<ObjectKey>();
  /**
   * Owner uid / node name → its keys in compareObjects order, kept up to date as keys join and
   * leave (a re-put keeps its place: that is its namespace and name). Only kept while no two
   * keys tie, since ties keep the set's insertion order, which a re-put changes.
   */
  private readonly ownerOrder = new Map<string, ObjectKey[]>();
  private readonly nodeOrder = new Map<string, ObjectKey[]>();
  /** Owner uid / node name → its objects in that order, as last listed (member-lists.ts). */
  private readonly ownedObjects = new MemberLists();
  private readonly nodeObjects = new MemberLists();
  /**
   * Kind/namespace → its objects by name, as list() last gave them (never handed out: list()
   * copies). A put that replaces an object replaces it here too; one that adds or removes an
   * object drops the list.
   */
  private readonly lists = new Map<string, KubeObject[]>();
  /**
   * Kind/namespace → its objects without a controller reference, by name, kept the same way:
   * every sync of a ReplicaSet asks for the orphan pods it might adopt.
   */
  private readonly orphanLists = new Map<string, KubeObject[]>();
  /** Whether byOwner and byNode cover every object (they wait for the first query or write). */
  private refsIndexed = false;
  /** Changes not yet seen by the engine. */
  changes: Change[] = [];
  resourceVersion: number;

  /**
   * From objects, or from saved entries by key whose values may still be text. A Map is taken
   * over, not copied: a loaded state's keys are hashed once (copying 70,000 cost 50 ms).
   */
  constructor(objects: readonly KubeObject[] | Map<ObjectKey, KubeObject | RawJson> = [], resourceVersion = 0) {
    this.resourceVersion = resourceVersion;
    if (Array.isArray(objects)) for (const o of objects) this.objects.set(keyOf(refOf(o)), o);
    else this.objects = objects as Map<ObjectKey, KubeObject | RawJson>;
    // A saved state lists its keys grouped by kind and namespace: each group's names are found
    // by comparing a key with the group before it, without splitting every key.
    let group = "";
    let names: string[] = [];
    const groups = new Map<string, Map<string, string[]>>();
    for (const key of this.objects.keys()) {
      const cut = key.lastIndexOf("/");
      if (cut !== group.length - 1 || !key.startsWith(group)) {
        group = key.slice(0, cut + 1);
        const slash = key.indexOf("/");
        const [kind, namespace] = [key.slice(0, slash), key.slice(slash + 1, cut)];
        let byNs = groups.get(kind);
        if (!byNs) groups.set(kind, (byNs = new Map()));
        names = byNs.get(namespace) ?? [];
        byNs.set(namespace, names);
      }
      names.push(key.slice(cut + 1));
    }
    for (const [kind, byNs] of groups) this.byKind.set(kind, new Map([...byNs].map(([ns, names]) => [ns, new SortedNames(names.sort())])));
    if (Array.isArray(objects)) this.indexRefs();
  }

  get(key: ObjectKey): KubeObject | undefined {
    const value = this.objects.get(key);
    if (!(value instanceof RawJson)) return value;
    const obj = decodeObject(value, key) as KubeObject;
    this.objects.set(key, obj);
    return obj;
  }

  /** Every object as it is held, text or decoded, in the order all() gives: for saving. */
  held(): [ObjectKey, KubeObject | RawJson][] {
    return [...this.byKind.keys()].sort().flatMap((kind) => this.heldOfKind(kind));
  }

  /** The objects of one kind as held: for scans that can read what they need from the text. */
  heldOfKind(kind: string): [ObjectKey, KubeObject | RawJson][] {
    const byNs = this.byKind.get(kind);
    if (!byNs) return [];
    const out: [ObjectKey, KubeObject | RawJson][] = [];
    for (const ns of [...byNs.keys()].sort()) {
      for (const name of byNs.get(ns)!) {
        const key = `${kind}/${ns}/${name}`;
        out.push([key, this.objects.get(key)!]);
      }
    }
    return out;
  }

  /** Objects of one kind, optionally in one namespace, sorted by namespace then name. */
  list(kind: string, namespace?: string): KubeObject[] {
    const byNs = this.byKind.get(kind);
    if (!byNs) return [];
    if (namespace !== undefined) return [...this.listed(kind, namespace)];
    return [...byNs.keys()].sort().flatMap((ns) => this.listed(kind, ns));
  }

  /** One kind in one namespace, by name: kept up to date as objects there are replaced (controllers list often). */
  private listed(kind: string, namespace: string): readonly KubeObject[] {
    const at = pairKey(kind, namespace);
    let objects = this.lists.get(at);
    if (!objects) {
      // Each member's key is asked for once here: made as text, not kept (keeping thousands cost more than it saved).
      objects = (this.byKind.get(kind)?.get(namespace)?.toArray() ?? []).map((name) => this.get(`${at}/${name}`)!);
      this.lists.set(at, objects);
    }
    return objects;
  }

  /** Objects of one kind in one namespace that no controller owns (no ownerReference with controller: true), by name. */
  orphans(kind: string, namespace: string): KubeObject[] {
    const at = pairKey(kind, namespace);
    let objects = this.orphanLists.get(at);
    if (!objects) {
      objects = this.listed(kind, namespace).filter(isOrphan);
      this.orphanLists.set(at, objects);
    }
    return [...objects];
  }

  /** The keys of one kind in one namespace whose names start with `prefix`, by name (nothing decoded). */
  keysByNamePrefix(kind: string, namespace: string, prefix: string): ObjectKey[] {
    const names = this.byKind.get(kind)?.get(namespace)?.withPrefix(prefix) ?? [];
    return names.map((name) => `${kind}/${namespace}/${name}`);
  }

  /** The object under `key` as held: its saved text while it has not been decoded. */
  peek(key: ObjectKey): KubeObject | RawJson | undefined {
    return this.objects.get(key);
  }

  /** Objects whose ownerReferences name this uid. */
  ownedBy(uid: string): KubeObject[] {
    this.indexRefs();
    const keys = sortedKeys(this.byOwner, this.ownerOrder, uid);
    return this.ownedObjects.get(uid, keys, (k) => this.get(k)!, this.ownerOrder.has(uid));
  }

  /** Pods bound to a node. */
  podsOnNode(nodeName: string): KubeObject[] {
    this.indexRefs();
    const keys = sortedKeys(this.byNode, this.nodeOrder, nodeName);
    return this.nodeObjects.get(nodeName, keys, (k) => this.get(k)!, this.nodeOrder.has(nodeName));
  }

  /** Pods bound to no node, by key. */
  unboundPods(): KubeObject[] {
    this.indexRefs();
    return [...this.unbound].sort().map((k) => this.get(k)!);
  }

  /**
   * A number that changes whenever a pod bound to the node is added, changed or removed:
   * callers may cache what they computed from podsOnNode(node) under it. It moves by one for
   * each pod that joins or leaves the node and by two for a pod changed in place, so a cache
   * one behind knows that a single pod joined or left. Never the same in two stores.
   */
  nodePodsRevision(nodeName: string): number {
    this.indexRefs();
    return this.id * 2 ** 32 + (this.nodeRevisions.get(nodeName) ?? 0);
  }

  count(kind: string): number {
    let n = 0;
    for (const names of this.byKind.get(kind)?.values() ?? []) n += names.length;
    return n;
  }

  kinds(): string[] {
    return [...this.byKind.keys()].filter((k) => this.count(k) > 0).sort();
  }

  /** Stores obj (already stamped with its resourceVersion) under its key and records the change. */
  put(obj: KubeObject, key: ObjectKey = keyOf(refOf(obj))): void {
    this.indexRefs();
    forgetEncoding(obj); // even an object put back after an (improper) change in place is encoded afresh
    const before = this.get(key);
    if (before) this.unindexRefs(key, before, obj);
    this.index(key, obj, before);
    this.changes.push({ key, before, after: obj });
  }

  remove(key: ObjectKey): KubeObject | undefined {
    this.indexRefs();
    const before = this.get(key);
    if (!before) return undefined;
    this.unindexRefs(key, before);
    this.objects.delete(key);
    const { kind, namespace, name } = refOf(before);
    const at = pairKey(kind, namespace);
    this.lists.delete(at);
    if (isOrphan(before)) this.orphanLists.delete(at);
    this.byKind.get(kind)?.get(namespace)?.remove(name);
    this.changes.push({ key, before, after: undefined }); // every change one shape: the engine reads thousands
    // A delete is a write too: etcd's revision (the cluster-wide resourceVersion) moves on.
    this.resourceVersion += 1;
    return before;
  }

  nextResourceVersion(): string {
    this.resourceVersion += 1;
    return String(this.resourceVersion);
  }

  /** Every object, in a stable order (for saving). */
  all(): KubeObject[] {
    return [...this.byKind.keys()].sort().flatMap((kind) => this.list(kind));
  }

  private index(key: ObjectKey, obj: KubeObject, before?: KubeObject): void {
    const isNew = !this.objects.has(key);
    this.objects.set(key, obj);
    const { kind, namespace, name } = refOf(obj);
    const at = pairKey(kind, namespace);
    const listed = this.lists.get(at);
    if (isNew) {
      this.lists.delete(at);
      let byNs = this.byKind.get(kind);
      if (!byNs) this.byKind.set(kind, (byNs = new Map()));
      let names = byNs.get(namespace);
      if (!names) byNs.set(namespace, (names = new SortedNames()));
      names.insert(name);
    } else if (listed) listed[this.byKind.get(kind)!.get(namespace)!.lowerBound(name)] = obj;
    this.keepOrphans(at, obj, before);
    this.addRefs(key, obj, before);
  }

  /** An orphan list takes a re-put orphan in its place, and goes when an orphan joins or leaves. */
  private keepOrphans(at: string, obj: KubeObject, before: KubeObject | undefined): void {
    const orphans = this.orphanLists.get(at);
    if (!orphans) return;
    const [was, is] = [before !== undefined && isOrphan(before), isOrphan(obj)];
    if (was && is) orphans[lowerBound(orphans, obj.metadata.name ?? "", (o) => o.metadata.name ?? "")] = obj;
    else if (was || is) this.orphanLists.delete(at);
  }

  /** Builds the owner and node indexes, decoding only what may be in them: pods and owned objects. */
  private indexRefs(): void {
    if (this.refsIndexed) return;
    this.refsIndexed = true;
    for (const [key, value] of this.objects) {
      if (value instanceof RawJson && !key.startsWith("Pod/") && !value.includes('"ownerReferences"')) continue;
      this.addRefs(key, this.get(key)!);
    }
  }

  /** `before`: the object this one replaces, already unindexed (its owners and node stay members). */
  private addRefs(key: ObjectKey, obj: KubeObject, before?: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) {
      addTo(this.byOwner, ref.uid, key);
      if (before && ownerUids(before).includes(ref.uid)) this.ownedObjects.replace(ref.uid, key, obj);
      else {
        joinOrder(this.ownerOrder, ref.uid, key);
        this.ownedObjects.drop(ref.uid);
      }
    }
    const node = nodeOf(obj);
    if (obj.kind === "Pod" && !node) this.unbound.add(key);
    if (node) {
      addTo(this.byNode, node, key);
      this.nodeRevisions.set(node, (this.nodeRevisions.get(node) ?? 0) + 1);
      if (before && nodeOf(before) === node) this.nodeObjects.replace(node, key, obj);
      else {
        joinOrder(this.nodeOrder, node, key);
        this.nodeObjects.drop(node);
      }
    }
  }

  /** `after`: the object that replaces this one (its owners and node stay members). */
  private unindexRefs(key: ObjectKey, obj: KubeObject, after?: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const members = this.byOwner.get(ref.uid);
      members?.delete(key);
      if (!after || !ownerUids(after).includes(ref.uid)) {
        leaveOrder(this.ownerOrder, ref.uid, key);
        this.ownedObjects.drop(ref.uid);
        // Owners come and go (a Job a minute): an owner left without dependents leaves the indexes.
        if (members?.size === 0) {
          this.byOwner.delete(ref.uid);
          this.ownerOrder.delete(ref.uid);
        }
      }
    }
    const node = nodeOf(obj);
    if (obj.kind === "Pod") this.unbound.delete(key);
    if (node) {
      this.byNode.get(node)?.delete(key);
      this.nodeRevisions.set(node, (this.nodeRevisions.get(node) ?? 0) + 1);
      if (!after || nodeOf(after) !== node) {
        leaveOrder(this.nodeOrder, node, key);
        this.nodeObjects.drop(node);
      }
    }
  }
}

/** No controller owns it (client-go's GetControllerOf finds nothing). */
function isOrphan(obj: KubeObject): boolean {
  return !(obj.metadata.ownerReferences ?? []).some((r) => r.controller === true);
}

function ownerUids(obj: KubeObject): string[] {
  return (obj.metadata.ownerReferences ?? []).map((r) => r.uid);
}

function nodeOf(obj: KubeObject): string | undefined {
  return obj.kind === "Pod" ? obj.spec?.nodeName : undefined;
}

/** The keys at `at`, sorted as compareObjects sorts their objects (namespace, then name); stable. */
function sortedKeys(index: Map<string, Set<ObjectKey>>, order: Map<string, ObjectKey[]>, at: string): readonly ObjectKey[] {
  const cached = order.get(at);
  if (cached) return cached;
  const keys = [...(index.get(at) ?? [])].map((key) => ({ key, place: placeOf(key) }));
  keys.sort((a, b) => comparePlaces(a.place, b.place));
  const sorted = keys.map((k) => k.key);
  // No order is kept for nothing: most objects asked for their dependents have none.
  if (sorted.length > 0 && keys.every((k, i) => i === 0 || comparePlaces(keys[i - 1].place, k.place) !== 0)) order.set(at, sorted);
  return sorted;
}

/** A key joins a cached order at its place; on a tie the order goes (the set's order decides). */
function joinOrder(order: Map<string, ObjectKey[]>, at: string, key: ObjectKey): void {
  const keys = order.get(at);
  if (!keys) return;
  const place = placeOf(key);
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comparePlaces(placeOf(keys[mid]), place) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo < keys.length && comparePlaces(placeOf(keys[lo]), place) === 0) order.delete(at);
  else keys.splice(lo, 0, key);
}

function leaveOrder(order: Map<string, ObjectKey[]>, at: string, key: ObjectKey): void {
  const keys = order.get(at);
  const i = keys ? keys.indexOf(key) : -1;
  if (i >= 0) keys!.splice(i, 1);
}

/** What compareObjects compares: namespace, then name (a key is kind/namespace/name). */
function placeOf(key: ObjectKey): [string, string] {
  const a = key.indexOf("/");
  const b = key.indexOf("/", a + 1);
  return [key.slice(a + 1, b), key.slice(b + 1)];
}

function comparePlaces([na, a]: [string, string], [nb, b]: [string, string]): number {
  if (na !== nb) return na < nb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
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
