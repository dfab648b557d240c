// claimCandidates: what a controller owns of one kind plus that kind's orphans in its
// namespace, sorted by name, each object once.

import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { Store } from "../../api/store/store";
import { viewOf } from "../../api/store/view";
import { claimCandidates } from "./owner-refs";

const rs: KubeObject = { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "web", namespace: "a", uid: "rs-uid" } };
const ref = (uid: string, controller: boolean) => ({ apiVersion: "apps/v1", kind: "ReplicaSet", name: uid, uid, controller });

function obj(kind: string, ns: string, name: string, refs: ReturnType<typeof ref>[] = []): KubeObject {
  return { apiVersion: "v1", kind, metadata: { name, namespace: ns, ownerReferences: refs } };
}

const names = (objs: readonly KubeObject[]) => objs.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);

describe("claimCandidates", () => {
  it("merges owned pods and orphans by name, once each, leaving other controllers' pods and other kinds out", () => {
    const store = new Store([
      rs,
      obj("Pod", "a", "d", [ref("rs-uid", true)]),
      obj("Pod", "a", "b", [ref("rs-uid", true)]),
      obj("Pod", "a", "c"),
      obj("Pod", "a", "a", [ref("rs-uid", false)]), // owned, but no controller: also an orphan
      obj("Pod", "a", "e", [ref("other", true)]),
      obj("ConfigMap", "a", "f", [ref("rs-uid", true)]),
      obj("Pod", "b", "g"),
    ]);
    expect(names(claimCandidates(viewOf(store, new Map()), rs, "Pod"))).toEqual(["a/a", "a/b", "a/c", "a/d"]);
  });

  it("keeps an owned pod of another namespace, one per name, as before", () => {
    const store = new Store([rs, obj("Pod", "b", "x", [ref("rs-uid", true)]), obj("Pod", "a", "y", [ref("rs-uid", true)]), obj("Pod", "a", "x")]);
    expect(names(claimCandidates(viewOf(store, new Map()), rs, "Pod"))).toEqual(["a/x", "a/y"]);
  });
});
