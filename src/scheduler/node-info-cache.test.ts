// The scheduler's NodeInfo cache (upstream's AssumePod): after a bind, the node's sums take the
// bound pod alone when nothing else changed, and are summed afresh otherwise. Either way they
// must equal what a cold cache computes from the same store.

import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import { Store } from "../api/store/store";
import { viewOf } from "../api/store/view";
import { createRng } from "../sim/random";
import { node } from "../../test/builders/node";
import { nodeInfoFor, schedulePod } from "./schedule-one";

function pod(name: string, cpu: string, nodeName?: string, phase = "Pending"): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", uid: `uid-${name}`, resourceVersion: "1" },
    spec: { schedulerName: "default-scheduler", containers: [{ name: "c", image: "nginx", resources: { requests: { cpu } } }], ...(nodeName && { nodeName }) },
    status: { phase },
  };
}

const bound = (p: KubeObject, nodeName: string): KubeObject => ({ ...p, spec: { ...p.spec, nodeName } });

/** What the node's info says, in numbers a row can hold. */
function sums(store: Store, nodeName: string): { pods: number; cpu: number; nonZeroMemory: number } {
  const info = nodeInfoFor(viewOf(store, new Map()), store.get(`Node//${nodeName}`)!);
  return { pods: info.pods.length, cpu: info.requested.cpu, nonZeroMemory: info.nonZeroRequested.memory };
}

/** The same store's objects in a new store: a cache that has never seen them. */
const cold = (store: Store): Store => new Store(store.all());

/** The scheduled pod's bind, then a status write that moves the node's old pod into `phase`. */
const bindThenOldPodIn = (phase: string) => (store: Store, scheduled: KubeObject) => {
  store.put(bound(scheduled, "worker"));
  store.put({ ...store.get("Pod/default/old")!, status: { phase } });
};

const cases: { name: string; after: (store: Store, scheduled: KubeObject) => void; want: { pods: number; cpu: number } }[] = [
  {
    name: "the bind alone: the bound pod is added to the sums",
    after: (store, p) => store.put(bound(p, "worker")),
    want: { pods: 2, cpu: 700 },
  },
  {
    name: "the bind and another pod's status change: summed afresh",
    after: bindThenOldPodIn("Running"),
    want: { pods: 2, cpu: 700 },
  },
  {
    name: "the bind never happened, another pod joined: that pod is counted, not the assumed one",
    after: (store) => store.put(pod("other", "100m", "worker")),
    want: { pods: 2, cpu: 600 },
  },
  {
    name: "the bind and the old pod finishing: the finished pod frees its request",
    after: bindThenOldPodIn("Succeeded"),
    want: { pods: 1, cpu: 200 },
  },
  {
    name: "the assumed pod was deleted and another joined",
    after: (store, p) => {
      store.remove(`Pod/default/${p.metadata.name}`);
      store.put(pod("other", "300m", "worker"));
    },
    want: { pods: 2, cpu: 800 },
  },
];

describe("the scheduler's node info cache", () => {
  it.each(cases)("$name", ({ after, want }) => {
    const store = new Store([node("worker", 1).build(), pod("old", "500m", "worker"), pod("new", "200m")]);
    const scheduled = store.get("Pod/default/new")!;
    const result = schedulePod(viewOf(store, new Map()), scheduled, createRng(1));
    expect(result).toMatchObject({ ok: true, node: "worker" });
    after(store, scheduled);
    const got = sums(store, "worker");
    expect(got).toMatchObject(want);
    expect(got).toEqual(sums(cold(store), "worker"));
  });
});
