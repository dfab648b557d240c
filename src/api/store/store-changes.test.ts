// The change log the engine drains: each write is one entry, with the object before and after
// it, and every entry has the same three fields (the engine reads thousands per settle, and a
// removal's entry shaped differently from a put's made V8 throw its optimized loop away).

import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { Store } from "./store";

const pod = (name: string, rv: string): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default", resourceVersion: rv }, spec: {} });

describe("Store.changes", () => {
  it("records a create, a replace and a removal with before and after", () => {
    const store = new Store();
    const first = pod("web", "1");
    const second = pod("web", "2");
    store.put(first);
    store.put(second);
    store.remove("Pod/default/web");
    expect(store.changes).toEqual([
      { key: "Pod/default/web", before: undefined, after: first },
      { key: "Pod/default/web", before: first, after: second },
      { key: "Pod/default/web", before: second, after: undefined },
    ]);
  });

  it("gives every entry the same fields in the same order", () => {
    const store = new Store();
    store.put(pod("a", "1"));
    store.put(pod("a", "2"));
    store.remove("Pod/default/a");
    expect(store.changes.map((c) => Object.keys(c))).toEqual([
      ["key", "before", "after"],
      ["key", "before", "after"],
      ["key", "before", "after"],
    ]);
  });

  it("records nothing for removing what is not there", () => {
    const store = new Store();
    expect(store.remove("Pod/default/none")).toBeUndefined();
    expect(store.changes).toEqual([]);
  });
});
