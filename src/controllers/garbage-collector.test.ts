import { describe, expect, it } from "vitest";
import type { Write } from "./types";
import { garbageCollector } from "./garbage-collector";
import { at, deployment, pod, replicaSet, rng, summarize, T0, uidOf, viewWith } from "../../test/builders";
import type { Buildable } from "../../test/builders";

/** Deletes show their policy; updates show the owners and finalizers left. */
function detail(w: Write): string {
  if (w.op === "delete") return `${w.propagationPolicy} uid=${w.uid}`;
  if (w.op === "update") {
    const m = w.object.metadata;
    return `owners=[${(m.ownerReferences ?? []).map((r) => r.name).join(",")}] finalizers=[${(m.finalizers ?? []).join(",")}]`;
  }
  return "";
}

const gone = (kind: string, name: string, uid = uidOf(kind, name)) => ({ apiVersion: "apps/v1", kind, name, uid, controller: true, blockOwnerDeletion: true });
const rs = () => replicaSet("web-1").labels({ app: "web" });
const d = () => deployment("web");

interface Case {
  name: string;
  given: Buildable[];
  key: string;
  want: string[];
}

const cases: Case[] = [
  {
    name: "deletes a pod whose owner no longer exists (background)",
    given: [pod("web-1-a").ownerRef(gone("ReplicaSet", "web-1"))],
    key: "Pod/default/web-1-a",
    want: ["delete Pod web-1-a Background uid=uid-pod-web-1-a"],
  },
  {
    name: "deletes a dependent whose owner was re-created under the same name (another uid)",
    given: [rs(), pod("web-1-a").ownerRef(gone("ReplicaSet", "web-1", "uid-of-the-first-web-1"))],
    key: "Pod/default/web-1-a",
    want: ["delete Pod web-1-a Background uid=uid-pod-web-1-a"],
  },
  {
    name: "keeps a dependent whose owner exists",
    given: [rs(), pod("web-1-a").ownedBy(rs())],
    key: "Pod/default/web-1-a",
    want: [],
  },
  {
    name: "only strips the dangling reference when another owner is alive",
    given: [rs(), pod("web-1-a").ownedBy(rs(), false).ownerRef(gone("ReplicaSet", "old"))],
    key: "Pod/default/web-1-a",
    want: ["update Pod web-1-a owners=[web-1] finalizers=[]"],
  },
  {
    name: "deletes a dependent once every owner is gone",
    given: [pod("x").ownerRef(gone("ReplicaSet", "a")).ownerRef({ ...gone("ReplicaSet", "b"), controller: false })],
    key: "Pod/default/x",
    want: ["delete Pod x Background uid=uid-pod-x"],
  },
  {
    name: "leaves objects without owner references alone",
    given: [pod("bare")],
    key: "Pod/default/bare",
    want: [],
  },
  {
    name: "keeps a mirror pod owned by its (cluster-scoped) node",
    given: [
      { apiVersion: "v1", kind: "Node", metadata: { name: "kubesim-worker", uid: "uid-node" } },
      pod("etcd-kubesim-worker").ownerRef({ apiVersion: "v1", kind: "Node", name: "kubesim-worker", uid: "uid-node", controller: true }),
    ],
    key: "Pod/default/etcd-kubesim-worker",
    want: [],
  },
  {
    name: "deletes a foreground-deleting owner's dependents that have dependents in foreground",
    given: [d().deleting(T0, ["foregroundDeletion"]), rs().ownedBy(d()), pod("web-1-a").ownedBy(rs())],
    key: "Deployment/default/web",
    want: ["delete ReplicaSet web-1 Foreground uid=uid-replicaset-web-1"],
  },
  {
    name: "deletes a foreground-deleting owner's leaf dependents in the background",
    given: [rs().deleting(T0, ["foregroundDeletion"]), pod("web-1-a").ownedBy(rs()), pod("web-1-b").ownedBy(rs())],
    key: "ReplicaSet/default/web-1",
    want: ["delete Pod web-1-a Background uid=uid-pod-web-1-a", "delete Pod web-1-b Background uid=uid-pod-web-1-b"],
  },
  {
    name: "waits while a blocking dependent is still terminating",
    given: [rs().deleting(T0, ["foregroundDeletion"]), pod("web-1-a").ownedBy(rs()).deleting(at("30s"))],
    key: "ReplicaSet/default/web-1",
    want: [],
  },
  {
    name: "removes the foregroundDeletion finalizer once no dependent blocks",
    given: [rs().deleting(T0, ["foregroundDeletion"]), pod("web-1-a").ownedBy(rs(), false)],
    key: "ReplicaSet/default/web-1",
    want: ["update ReplicaSet web-1 owners=[] finalizers=[]"],
  },
  {
    name: "orphans dependents, then removes the orphan finalizer",
    given: [d().deleting(T0, ["orphan"]), rs().ownedBy(d()), replicaSet("web-2").ownedBy(d())],
    key: "Deployment/default/web",
    want: ["update ReplicaSet web-1 owners=[] finalizers=[]", "update ReplicaSet web-2 owners=[] finalizers=[]", "update Deployment web owners=[] finalizers=[]"],
  },
  {
    name: "keeps other finalizers when removing its own",
    given: [d().deleting(T0, ["orphan", "example.com/keep"])],
    key: "Deployment/default/web",
    want: ["update Deployment web owners=[] finalizers=[example.com/keep]"],
  },
  {
    name: "does nothing for an owner being deleted without a cascading finalizer",
    given: [d().deleting(T0, ["example.com/keep"]), rs().ownedBy(d())],
    key: "Deployment/default/web",
    want: [],
  },
];

describe("garbageCollector.reconcile", () => {
  it.each(cases)("$name", ({ given, key, want }) => {
    const { view } = viewWith(...given);
    expect(summarize(garbageCollector.reconcile(view, key, T0, rng()), detail)).toEqual(want);
  });

  it("returns nothing for an object that is gone", () => {
    expect(garbageCollector.reconcile(viewWith().view, "Pod/default/x", T0, rng())).toEqual({ writes: [], events: [] });
  });
});

describe("garbageCollector triggers", () => {
  const keysFor = (obj: Buildable, ...rest: Buildable[]) => {
    const { view } = viewWith(...rest);
    const o = "build" in obj && typeof obj.build === "function" ? obj.build() : obj;
    return garbageCollector.wakeOn.find((t) => t.kind === (o as { kind: string }).kind)!.keysFor(o as never, view);
  };

  it.each([
    {
      name: "a deleted owner wakes its dependents",
      got: () => keysFor(rs(), pod("web-1-a").ownedBy(rs()), pod("web-1-b").ownedBy(rs())),
      want: ["Pod/default/web-1-a", "Pod/default/web-1-b"],
    },
    {
      name: "a dependent wakes itself and its owner waiting in foreground deletion",
      got: () => keysFor(pod("web-1-a").ownedBy(rs()), rs().deleting(T0, ["foregroundDeletion"]), pod("web-1-a").ownedBy(rs())),
      want: ["Pod/default/web-1-a", "ReplicaSet/default/web-1"],
    },
    {
      name: "a removed dependent wakes its owner waiting in foreground deletion, not its own key (nothing is stored there)",
      got: () => keysFor(pod("web-1-a").ownedBy(rs()), rs().deleting(T0, ["foregroundDeletion"])),
      want: ["ReplicaSet/default/web-1"],
    },
    {
      name: "a removed dependent whose owner is gone wakes nothing",
      got: () => keysFor(pod("web-1-a").ownedBy(rs())),
      want: [],
    },
    {
      name: "an owner marked for orphaning wakes itself and its dependents",
      got: () => keysFor(d().deleting(T0, ["orphan"]), d().deleting(T0, ["orphan"]), rs().ownedBy(d())),
      want: ["Deployment/default/web", "ReplicaSet/default/web-1"],
    },
    {
      name: "a dependent of a live owner wakes nothing (there is nothing to collect)",
      got: () => keysFor(pod("web-1-a").ownedBy(rs()), rs(), pod("web-1-a").ownedBy(rs())),
      want: [],
    },
    {
      name: "a dependent whose owner is gone wakes itself",
      got: () => keysFor(pod("web-1-a").ownedBy(rs()), pod("web-1-a").ownedBy(rs())),
      want: ["Pod/default/web-1-a"],
    },
    {
      name: "a dependent whose owner has another uid now wakes itself",
      got: () => keysFor(pod("web-1-a").ownedBy(rs()), rs().uid("another"), pod("web-1-a").ownedBy(rs())),
      want: ["Pod/default/web-1-a"],
    },
    {
      name: "a live owner without owner references wakes nothing",
      got: () => keysFor(d(), d(), rs().ownedBy(d())),
      want: [],
    },
  ])("$name", ({ got, want }) => {
    expect(got()).toEqual(want);
  });

  it.each([
    { name: "a creation", before: undefined, after: () => pod("web-1-a").ownedBy(rs()).build(), want: true },
    { name: "a removal", before: () => pod("web-1-a").ownedBy(rs()).build(), after: undefined, want: true },
    { name: "a status write", before: () => pod("web-1-a").ownedBy(rs()).build(), after: () => pod("web-1-a").ownedBy(rs()).status({ phase: "Running" }).build(), want: false },
    { name: "a label change", before: () => pod("web-1-a").ownedBy(rs()).build(), after: () => pod("web-1-a").ownedBy(rs()).labels({ app: "other" }).build(), want: false },
    { name: "owner references changed", before: () => pod("web-1-a").ownedBy(rs()).build(), after: () => pod("web-1-a").build(), want: true },
    { name: "deletion began", before: () => rs().build(), after: () => rs().deleting(T0).build(), want: true },
    { name: "a finalizer added", before: () => rs().build(), after: () => rs().deleting(T0, ["foregroundDeletion"]).build(), want: true },
    { name: "the same name under another uid", before: () => rs().build(), after: () => ({ ...rs().build(), metadata: { ...rs().build().metadata, uid: "another" } }), want: true },
  ])("a change that concerns the collector: $name → $want", ({ before, after, want }) => {
    const trigger = garbageCollector.wakeOn.find((t) => t.kind === (before ?? after)!().kind)!;
    expect(trigger.concerns!(before?.(), after?.())).toBe(want);
  });

  it("wakes on Pods, ReplicaSets, Deployments and ReplicationControllers", () => {
    const kinds = garbageCollector.wakeOn.map((t) => t.kind);
    for (const k of ["Pod", "ReplicaSet", "Deployment", "ReplicationController"]) expect(kinds).toContain(k);
  });
});

describe("the garbage collector on the real engine", () => {
  // Regression (found by test/properties/commands.test.ts): a ConfigMap applied with a
  // reference to an owner that does not exist stayed forever, because the collector only woke
  // on workload kinds. Upstream watches every deletable resource except Events.
  it("deletes a ConfigMap created with a reference to an owner that does not exist", async () => {
    const { freshCluster } = await import("../../test/conformance/seed-states");
    const c = freshCluster();
    c.api.create({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "cfg", namespace: "default", ownerReferences: [gone("Deployment", "gone", "00000000-0000-0000-0000-000000000000")] },
      data: {},
    });
    c.settle();
    expect(c.store.get("ConfigMap/default/cfg")).toBeUndefined();
  });

  it("wakes on every deletable kind but Events, as upstream's DefaultIgnoredResources says", () => {
    const kinds = garbageCollector.wakeOn.map((t) => t.kind);
    for (const k of ["ConfigMap", "Secret", "Service", "Lease", "Node"]) expect(kinds).toContain(k);
    expect(kinds).not.toContain("Event");
  });
});
