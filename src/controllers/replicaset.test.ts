import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import type { Write } from "./types";
import { replicaSetController } from "./replicaset";
import { at, pod, replicaSet, rng, summarize, T0, viewWith } from "../../test/builders";
import type { Buildable } from "../../test/builders";
import type { Instant } from "../sim/time";
import { toRFC3339 } from "../sim/time";

const KEY = "ReplicaSet/default/web";

/** Status writes show their counts; adoption/release updates show the owner names. */
function detail(w: Write): string {
  if (w.op === "updateStatus") {
    const s = w.object.status;
    return `replicas=${s.replicas} labeled=${s.fullyLabeledReplicas ?? 0} ready=${s.readyReplicas ?? 0} available=${s.availableReplicas ?? 0}`;
  }
  if (w.op === "update") return `owners=[${(w.object.metadata.ownerReferences ?? []).map((r) => r.name).join(",")}]`;
  return "";
}

interface Case {
  name: string;
  given: Buildable[];
  now?: Instant;
  want: string[];
  requeueAfter?: number;
}

const rs = () => replicaSet("web").selector({ app: "web" });
const owned = (name: string) => pod(name).labels({ app: "web" }).ownedBy(rs());

const cases: Case[] = [
  {
    name: "creates the missing pods from the template, named <rs>-<5 random characters>",
    given: [rs().replicas(3).counts(1), owned("web-aaaaa").ready()],
    want: [
      "create Pod web-vbs99",
      "create Pod web-kvzp9",
      "event SuccessfulCreate Created pod: web-vbs99",
      "event SuccessfulCreate Created pod: web-kvzp9",
    ],
  },
  {
    name: "deletes the surplus, unscheduled and pending pods before running ones",
    given: [
      rs().replicas(1).counts(3, 1),
      owned("web-running").ready(),
      owned("web-pending").on("kubesim-worker"),
      owned("web-unscheduled"),
    ],
    want: ["delete Pod web-unscheduled", "delete Pod web-pending", "event SuccessfulDelete Deleted pod: web-unscheduled", "event SuccessfulDelete Deleted pod: web-pending"],
  },
  {
    name: "deletes the not-ready pod before the ready one",
    given: [rs().replicas(1).counts(2, 1), owned("web-ready").ready(), owned("web-notready").running()],
    want: ["delete Pod web-notready", "event SuccessfulDelete Deleted pod: web-notready"],
  },
  {
    name: "deletes the pod ready for the shorter time (log scale) first",
    now: at("1h"),
    given: [rs().replicas(1).counts(2), owned("web-old").ready(T0), owned("web-young").ready(at("59m"))],
    want: ["delete Pod web-young", "event SuccessfulDelete Deleted pod: web-young"],
  },
  {
    name: "deletes the pod with more restarts first when readiness ties",
    given: [rs().replicas(1).counts(2), owned("web-a").ready().restarts(0), owned("web-b").ready().restarts(4)],
    want: ["delete Pod web-b", "event SuccessfulDelete Deleted pod: web-b"],
  },
  {
    name: "deletes the doubled-up pod first",
    given: [
      rs().replicas(2).counts(3),
      owned("web-a").on("node-1").ready(),
      owned("web-b").on("node-2").ready(),
      owned("web-c").on("node-2").ready(),
    ],
    want: ["delete Pod web-b", "event SuccessfulDelete Deleted pod: web-b"],
  },
  {
    name: "deletes the newer pod first when everything else ties",
    now: at("10h"),
    given: [rs().replicas(1).counts(2, 0), owned("web-new").running().created(at("9h")), owned("web-old").running().created(T0)],
    want: ["delete Pod web-new", "event SuccessfulDelete Deleted pod: web-new"],
  },
  {
    name: "adopts an orphan pod matching the selector and counts it",
    given: [rs().replicas(2).counts(1), owned("web-a").ready(), pod("stray").labels({ app: "web" }).ready()],
    want: ["update Pod stray owners=[web]", "updateStatus ReplicaSet web replicas=2 labeled=2 ready=2 available=2"],
  },
  {
    name: "releases an owned pod whose labels no longer match, and replaces it",
    given: [rs().replicas(1).counts(1), pod("web-a").labels({ app: "other" }).ownedBy(rs()).ready()],
    want: [
      "update Pod web-a owners=[]",
      "create Pod web-vbs99",
      "updateStatus ReplicaSet web replicas=0 labeled=0 ready=0 available=0",
      "event SuccessfulCreate Created pod: web-vbs99",
    ],
  },
  {
    name: "ignores pods owned by another controller",
    given: [rs().replicas(1).counts(1), owned("web-a").ready(), pod("theirs").labels({ app: "web" }).ownedBy(replicaSet("other")).ready()],
    want: [],
  },
  {
    name: "does not count a terminating pod and replaces it at once",
    given: [rs().replicas(2).counts(2), owned("web-a").ready(), owned("web-b").ready().deleting(at("30s"))],
    want: [
      "create Pod web-vbs99",
      "updateStatus ReplicaSet web replicas=1 labeled=1 ready=1 available=1",
      "event SuccessfulCreate Created pod: web-vbs99",
    ],
  },
  {
    name: "does not count succeeded or failed pods",
    given: [rs().replicas(1).counts(1), owned("web-a").ready(), owned("web-done").phase("Succeeded")],
    want: [],
  },
  {
    name: "counts ready pods as available only after minReadySeconds, and comes back then",
    now: at("5s"),
    given: [rs().replicas(2).minReady(10).counts(2, 0, 0), owned("web-a").ready(T0), owned("web-b").ready(at("2s"))],
    want: ["updateStatus ReplicaSet web replicas=2 labeled=2 ready=2 available=0"],
    requeueAfter: 5_001,
  },
  {
    name: "counts a pod available once minReadySeconds have passed strictly",
    now: at("10.001s"),
    given: [rs().replicas(2).minReady(10).counts(2, 0, 2), owned("web-a").ready(T0), owned("web-b").ready(at("2s"))],
    want: ["updateStatus ReplicaSet web replicas=2 labeled=2 ready=2 available=1"],
    requeueAfter: 2_000,
  },
  {
    name: "counts only pods carrying every template label as fully labeled",
    given: [
      rs().templateLabels({ app: "web", tier: "front" }).replicas(2).counts(2),
      owned("web-a").labels({ app: "web", tier: "front" }).ready(),
      owned("web-b").ready(),
    ],
    want: ["updateStatus ReplicaSet web replicas=2 labeled=1 ready=2 available=2"],
  },
  {
    name: "records the observed generation",
    given: [rs().replicas(1).counts(1).generation(2), owned("web-a").ready()],
    want: ["updateStatus ReplicaSet web replicas=1 labeled=1 ready=1 available=1"],
  },
  {
    name: "creates nothing while the ReplicaSet is being deleted",
    given: [rs().replicas(2).counts(0).deleting(T0, ["foregroundDeletion"])],
    want: [],
  },
  {
    name: "does nothing in a converged state",
    given: [rs().replicas(2).counts(2), owned("web-a").ready(), owned("web-b").ready()],
    want: [],
  },
];

describe("replicaSetController.reconcile", () => {
  it.each(cases)("$name", ({ given, now, want, requeueAfter }) => {
    const { view } = viewWith(...given);
    const out = replicaSetController.reconcile(view, KEY, now ?? T0, rng());
    expect(summarize(out, detail)).toEqual(want);
    expect(out.requeueAfter).toBe(requeueAfter);
  });

  it("returns nothing for a ReplicaSet that is gone", () => {
    const { view } = viewWith();
    expect(replicaSetController.reconcile(view, KEY, T0, rng())).toEqual({ writes: [], events: [] });
  });

  it("creates pods with the template, the RS's namespace and a blocking controller reference", () => {
    const { view } = viewWith(rs().replicas(1).ns("prod").counts(0));
    const out = replicaSetController.reconcile(view, "ReplicaSet/prod/web", T0, rng());
    const created = out.writes[0];
    expect(created.op === "create" && created.object).toEqual({
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name: "web-vbs99",
        generateName: "web-",
        namespace: "prod",
        labels: { app: "web" },
        ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web", uid: "uid-replicaset-web", controller: true, blockOwnerDeletion: true }],
      },
      spec: { containers: [{ name: "nginx", image: "nginx:1.25" }] },
    });
  });

  describe("the ReplicaFailure condition", () => {
    const FAILURE = { type: "ReplicaFailure", status: "True", lastTransitionTime: toRFC3339(T0), reason: "FailedCreate", message: "refused" };
    const failing = () => rs().replicas(1).counts(0).status({ conditions: [FAILURE] });

    it("is set by the follow-up of a refused create, once", () => {
      const { view } = viewWith(rs().replicas(1).counts(0));
      const create = replicaSetController.reconcile(view, KEY, T0, rng()).writes.find((w) => w.op === "create")!;
      const followUp = create.op === "create" ? create.onRejected?.followUp : undefined;
      const w = followUp?.({ reason: "Forbidden", message: "refused" }, view);
      expect(w?.op === "updateStatus" && w.object.status.conditions).toEqual([FAILURE]);
      expect(followUp?.({ reason: "Forbidden", message: "refused" }, viewWith(failing()).view)).toBeUndefined();
    });

    it.each([
      { name: "stays while the sync creates pods (their outcome is not known yet)", given: failing(), want: ["ReplicaFailure"] },
      { name: "goes at a sync that creates nothing", given: failing().replicas(0), want: [] },
    ])("$name", ({ given, want }) => {
      const { view } = viewWith(given);
      const write = replicaSetController.reconcile(view, KEY, T0, rng()).writes.find((w) => w.op === "updateStatus");
      const status = write?.op === "updateStatus" ? write.object.status : view.get(KEY)!.status;
      expect((status.conditions ?? []).map((c: { type: string }) => c.type)).toEqual(want);
    });
  });

  it("counts each pod object as it is, at every sync and under a changed selector or template", () => {
    // What a sync read of a pod object is kept for the next sync: the same objects again, a pod
    // replaced by a ready one, and a template or selector the pods no longer fit.
    const [starting, other, ready] = [owned("web-a").running().build(), owned("web-b").ready().build(), owned("web-a").ready().build()];
    const set = rs().replicas(2).build();
    const sync = (rs: KubeObject, ...pods: KubeObject[]) => summarize(replicaSetController.reconcile(viewWith(rs, ...pods).view, KEY, T0, rng()), detail);
    expect(sync(set, starting, other)).toEqual(["updateStatus ReplicaSet web replicas=2 labeled=2 ready=1 available=1"]);
    expect(sync(set, starting, other)).toEqual(["updateStatus ReplicaSet web replicas=2 labeled=2 ready=1 available=1"]);
    expect(sync(set, ready, other)).toEqual(["updateStatus ReplicaSet web replicas=2 labeled=2 ready=2 available=2"]);
    const template = { ...set.spec.template, metadata: { labels: { app: "web", tier: "front" } } };
    expect(sync({ ...set, spec: { ...set.spec, template } }, ready, other)).toEqual(["updateStatus ReplicaSet web replicas=2 labeled=0 ready=2 available=2"]);
    const selector = { matchLabels: { app: "db" } };
    expect(sync({ ...set, spec: { ...set.spec, replicas: 0, selector } }, ready, other)).toEqual([
      "update Pod web-a owners=[]",
      "update Pod web-b owners=[]",
      "updateStatus ReplicaSet web replicas=0 labeled=0 ready=0 available=0",
    ]);
  });

  it("wakes the controlling ReplicaSet of a pod, and the ReplicaSets that could adopt an orphan", () => {
    const { view } = viewWith(rs(), replicaSet("db").selector({ app: "db" }));
    const trigger = replicaSetController.wakeOn.find((t) => t.kind === "Pod")!;
    expect(trigger.keysFor(owned("web-a").build(), view)).toEqual(["ReplicaSet/default/web"]);
    expect(trigger.keysFor(pod("stray").labels({ app: "web" }).build(), view)).toEqual(["ReplicaSet/default/web"]);
    expect(trigger.keysFor(pod("x").labels({ app: "none" }).build(), view)).toEqual([]);
  });
});
