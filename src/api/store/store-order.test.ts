// ownedBy and podsOnNode keep a sorted order per owner and node between queries, list and
// orphans keep each kind/namespace's objects between writes, and unboundPods keeps the pods bound
// to no node. These check them against the plain answer (the members, sorted by namespace then
// name, stably; unbound pods by key) through random puts, re-puts and removes, including objects
// of different kinds with the same name.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { KubeObject } from "../types";
import { Store, compareObjects } from "./store";

const OWNERS = ["u1", "u2"];
/** References to this owner are controller references; to the others, plain ones. */
const CONTROLLER = "u1";
const NODES = ["n1", "n2"];

type Op = { put: true; kind: "Pod" | "ConfigMap"; ns: string; name: string; owners: string[]; node?: string } | { put: false; kind: "Pod" | "ConfigMap"; ns: string; name: string };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    put: fc.constant(true as const),
    kind: fc.constantFrom("Pod" as const, "ConfigMap" as const),
    ns: fc.constantFrom("a", "b"),
    name: fc.constantFrom("x", "y", "z", "x1"),
    owners: fc.subarray(OWNERS),
    node: fc.option(fc.constantFrom(...NODES), { nil: undefined }),
  }),
  fc.record({ put: fc.constant(false as const), kind: fc.constantFrom("Pod" as const, "ConfigMap" as const), ns: fc.constantFrom("a", "b"), name: fc.constantFrom("x", "y", "z", "x1") }),
);

function objectOf(o: Extract<Op, { put: true }>, version: number): KubeObject {
  return {
    apiVersion: "v1",
    kind: o.kind,
    metadata: { name: o.name, namespace: o.ns, resourceVersion: String(version), ownerReferences: o.owners.map((uid) => ({ apiVersion: "v1", kind: "X", name: uid, uid, ...(uid === CONTROLLER && { controller: true }) })) },
    ...(o.kind === "Pod" && o.node ? { spec: { nodeName: o.node } } : {}),
  } as KubeObject;
}

/** The answer without any kept order: members in the order they (last) joined, sorted stably. */
class Model {
  private readonly members: KubeObject[] = [];
  put(obj: KubeObject): void {
    this.remove(obj.kind, obj.metadata.namespace ?? "", obj.metadata.name ?? "");
    this.members.push(obj);
  }
  remove(kind: string, ns: string, name: string): void {
    const i = this.members.findIndex((m) => m.kind === kind && m.metadata.namespace === ns && m.metadata.name === name);
    if (i >= 0) this.members.splice(i, 1);
  }
  ownedBy(uid: string): KubeObject[] {
    return this.members.filter((m) => (m.metadata.ownerReferences ?? []).some((r) => r.uid === uid)).sort(compareObjects);
  }
  podsOnNode(node: string): KubeObject[] {
    return this.members.filter((m) => m.kind === "Pod" && m.spec?.nodeName === node).sort(compareObjects);
  }
  unboundPods(): KubeObject[] {
    const key = (m: KubeObject) => `Pod/${m.metadata.namespace}/${m.metadata.name}`;
    return this.members.filter((m) => m.kind === "Pod" && !m.spec?.nodeName).sort((a, b) => (key(a) < key(b) ? -1 : 1));
  }
  list(kind: string, ns?: string): KubeObject[] {
    return this.members.filter((m) => m.kind === kind && (ns === undefined || m.metadata.namespace === ns)).sort(compareObjects);
  }
  orphans(kind: string, ns: string): KubeObject[] {
    return this.list(kind, ns).filter((m) => !(m.metadata.ownerReferences ?? []).some((r) => r.uid === CONTROLLER));
  }
}

describe("Store order by owner, by node and by kind", () => {
  it("answers as sorting the index's members would, after every write", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const store = new Store();
        const model = new Model();
        ops.forEach((o, version) => {
          if (o.put) {
            const obj = objectOf(o, version);
            store.put(obj);
            model.put(obj);
          } else {
            store.remove(`${o.kind}/${o.ns}/${o.name}`);
            model.remove(o.kind, o.ns, o.name);
          }
          for (const uid of OWNERS) expect(store.ownedBy(uid)).toEqual(model.ownedBy(uid));
          for (const node of NODES) expect(store.podsOnNode(node)).toEqual(model.podsOnNode(node));
          expect(store.unboundPods()).toEqual(model.unboundPods());
          for (const kind of ["Pod", "ConfigMap"]) {
            expect(store.list(kind)).toEqual(model.list(kind));
            for (const ns of ["a", "b"]) {
              expect(store.list(kind, ns)).toEqual(model.list(kind, ns));
              expect(store.orphans(kind, ns)).toEqual(model.orphans(kind, ns));
            }
          }
        });
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it("keeps a Pod and a ConfigMap of the same name in the order they were last written", () => {
    const store = new Store();
    const pod = objectOf({ put: true, kind: "Pod", ns: "a", name: "x", owners: ["u1"] }, 1);
    const cm = objectOf({ put: true, kind: "ConfigMap", ns: "a", name: "x", owners: ["u1"] }, 2);
    store.put(pod);
    store.put(cm);
    expect(store.ownedBy("u1").map((o) => o.kind)).toEqual(["Pod", "ConfigMap"]);
    store.put({ ...pod, metadata: { ...pod.metadata, resourceVersion: "3" } });
    expect(store.ownedBy("u1").map((o) => o.kind)).toEqual(["ConfigMap", "Pod"]);
  });
});
