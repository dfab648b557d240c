import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import { Store } from "../api/store/store";
import { viewOf } from "../api/store/view";
import type { Outcome } from "../controllers/types";
import { createRng } from "../sim/random";
import { instant } from "../sim/time";
import { kindNodes, node } from "../../test/builders/node";
import { scheduler, pendingPodKeys } from "./scheduler";
import { fitErrorMessage } from "./fit-error";
import { selectHost } from "./schedule-one";
import { deepFreeze } from "../api/deep-freeze"; // the conformance suite's rule: a component never mutates what it reads

const T0 = instant(Date.UTC(2025, 0, 1, 10, 0, 0));
const KEY = "Pod/default/web-abc";

function pod(name = "web-abc", cpu?: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", uid: `uid-${name}`, resourceVersion: "7" },
    spec: {
      schedulerName: "default-scheduler",
      containers: [{ name: "nginx", image: "nginx", ...(cpu ? { resources: { requests: { cpu } } } : {}) }],
      ...extra,
    },
    status: { phase: "Pending" },
  };
}

const on = (p: KubeObject, nodeName: string): KubeObject => ({ ...p, spec: { ...p.spec, nodeName } });

/** One line per write and event, so a case reads as a row. */
function summary(out: Outcome): string[] {
  const writes = out.writes.map((w) => {
    if (w.op === "delete") return `delete ${w.ref.name}`;
    if (w.op === "bind") return `bind ${w.ref.name} nodeName=${w.nodeName}`;
    const o = w.object;
    if (w.op === "update") return `update ${o.metadata.name} nodeName=${o.spec.nodeName}`;
    const c = (o.status.conditions ?? []).find((x: { type: string }) => x.type === "PodScheduled");
    return `updateStatus ${o.metadata.name} PodScheduled=${c.status}${c.reason ? ` ${c.reason}` : ""}`;
  });
  const events = out.events.map((e) => `event ${e.type} ${e.reason} ${e.message}`);
  return [...writes, ...events];
}

const cpuMsg = fitErrorMessage(3, [
  { code: "UnschedulableAndUnresolvable", reasons: ["node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"] },
  { code: "Unschedulable", reasons: ["Insufficient cpu"] },
  { code: "Unschedulable", reasons: ["Insufficient cpu"] },
]);

const cases: { name: string; given: KubeObject[]; want: string[]; requeue?: number }[] = [
  {
    name: "binds to the only feasible worker and records Scheduled",
    given: [node("kubesim-control-plane", 0).controlPlane().build(), node("kubesim-worker").build(), pod()],
    want: ["bind web-abc nodeName=kubesim-worker", "event Normal Scheduled Successfully assigned default/web-abc to kubesim-worker"],
  },
  {
    name: "picks the least-loaded worker",
    given: [...kindNodes(), on(pod("busy", "2"), "kubesim-worker"), pod("web-abc", "500m")],
    want: ["bind web-abc nodeName=kubesim-worker2", "event Normal Scheduled Successfully assigned default/web-abc to kubesim-worker2"],
  },
  {
    name: "reports the taint and the cpu shortage when nothing fits, and retries in five minutes",
    given: [...kindNodes(), pod("web-abc", "5")],
    want: ["updateStatus web-abc PodScheduled=False Unschedulable", `event Warning FailedScheduling ${cpuMsg}`],
    requeue: 300_000,
  },
  {
    name: "records the failure again without rewriting an unchanged condition",
    given: [
      ...kindNodes(),
      { ...pod("web-abc", "5"), status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable", message: cpuMsg, lastProbeTime: null, lastTransitionTime: "2025-01-01T09:00:00Z" }] } },
    ],
    want: [`event Warning FailedScheduling ${cpuMsg}`],
    requeue: 300_000,
  },
  {
    name: "says no nodes are available in a cluster without nodes",
    given: [pod()],
    want: ["updateStatus web-abc PodScheduled=False Unschedulable", "event Warning FailedScheduling no nodes available to schedule pods"],
    requeue: 300_000,
  },
  {
    name: "keeps a gated pod pending without events",
    given: [...kindNodes(), pod("web-abc", undefined, { schedulingGates: [{ name: "example.com/gate" }] })],
    want: ["updateStatus web-abc PodScheduled=False SchedulingGated"],
  },
  { name: "leaves a bound pod alone", given: [...kindNodes(), on(pod(), "kubesim-worker")], want: [] },
  { name: "leaves a pod for another scheduler alone", given: [...kindNodes(), pod("web-abc", undefined, { schedulerName: "other" })], want: [] },
  { name: "does nothing for a pod that is gone", given: kindNodes(), want: [] },
];

describe("default-scheduler", () => {
  it.each(cases)("$name", ({ given, want, requeue }) => {
    const view = viewOf(new Store(given.map(deepFreeze)), new Map());
    const out = scheduler.reconcile(view, KEY, T0, createRng(1));
    expect(summary(out)).toEqual(want);
    expect(out.requeueAfter).toBe(requeue);
  });

  it("spells out the 1.32 FailedScheduling message", () => {
    expect(cpuMsg).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. " +
        "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
  });

  it("binds through the binding subresource, guarded by the pod's uid", () => {
    const p = { ...pod(), metadata: { ...pod().metadata, uid: "uid-web" } };
    const view = viewOf(new Store([...kindNodes(), p]), new Map());
    const writes = scheduler.reconcile(view, KEY, T0, createRng(1)).writes;
    expect(writes).toHaveLength(1);
    expect(writes[0].op === "bind" && writes[0].uid).toBe("uid-web");
  });

  it("breaks ties between equal nodes with the seeded rng, the same way for the same seed", () => {
    const picks = (seed: number) => {
      const view = viewOf(new Store([...kindNodes(), pod()]), new Map());
      const out = scheduler.reconcile(view, KEY, T0, createRng(seed));
      return out.writes[0].op === "bind" ? out.writes[0].nodeName : "";
    };
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(seeds.map(picks)).toEqual(seeds.map(picks));
    expect(new Set(seeds.map(picks))).toEqual(new Set(["kubesim-worker", "kubesim-worker2"]));
  });
});

describe("selectHost", () => {
  const cases = [
    { name: "takes the single highest total", totals: [10, 30, 20], want: 1 },
    { name: "keeps the first of equal totals when the rng says so", totals: [30, 30], rng: [0.9], want: 0 },
    { name: "replaces the choice with the second tie when the rng draws 0", totals: [30, 30], rng: [0.1], want: 1 },
  ];
  it.each(cases)("$name", ({ totals, rng, want }) => {
    const draws = [...(rng ?? [])];
    const fake = { next: () => draws.shift() ?? 0, int: (n: number) => Math.floor((draws.shift() ?? 0) * n), suffix: () => "", state: () => 0, rewind: () => {} };
    expect(selectHost(totals, fake)).toBe(want);
  });
});

describe("wake-ups", () => {
  it("retries every pending pod when a node changes", () => {
    const store = new Store([...kindNodes(), pod("a"), pod("b"), on(pod("c"), "kubesim-worker")]);
    const view = viewOf(store, new Map());
    const nodeTrigger = scheduler.wakeOn.find((t) => t.kind === "Node")!;
    expect(nodeTrigger.keysFor(kindNodes()[1], view)).toEqual(["Pod/default/a", "Pod/default/b"]);
  });

  it("retries every pending pod when a bound pod is removed, but not when it merely changes", () => {
    const bound = on(pod("c"), "kubesim-worker");
    const store = new Store([...kindNodes(), pod("a"), bound]);
    const podTrigger = scheduler.wakeOn.find((t) => t.kind === "Pod")!;
    expect(podTrigger.keysFor(bound, viewOf(store, new Map()))).toEqual([]);
    store.remove("Pod/default/c");
    expect(podTrigger.keysFor(bound, viewOf(store, new Map()))).toEqual(["Pod/default/a"]);
  });

  // The pod as it was (pending) against the store as it is now.
  it.each([
    { name: "still pending: it runs", now: (p: KubeObject) => p, records: [], want: ["Pod/default/a"] },
    { name: "bound since: nothing to do", now: (p: KubeObject) => on(p, "kubesim-worker"), records: [], want: [] },
    { name: "gone since: nothing to do", now: undefined, records: [], want: [] },
    { name: "bound, with failed attempts to forget: it runs", now: (p: KubeObject) => on(p, "kubesim-worker"), records: ["scheduler:Pod/default/a"], want: ["Pod/default/a"] },
    { name: "gone, with failed attempts to forget: it runs", now: undefined, records: ["scheduler:Pod/default/a"], want: ["Pod/default/a"] },
  ])("wakes a pending pod's own key when $name", ({ now, records, want }) => {
    const before = pod("a");
    const store = new Store([...kindNodes(), ...(now ? [now(before)] : [])]);
    const runtime = new Map<string, unknown>(records.map((id) => [id, { count: 1 }]));
    const podTrigger = scheduler.wakeOn.find((t) => t.kind === "Pod")!;
    expect(podTrigger.keysFor(before, viewOf(store, runtime))).toEqual(want);
  });

  it("lists only unbound, live pods of the default scheduler as pending", () => {
    const terminating = { ...pod("d"), metadata: { ...pod("d").metadata, deletionTimestamp: "2025-01-01T10:00:00Z" } };
    const store = new Store([pod("a"), on(pod("b"), "n"), pod("c", undefined, { schedulerName: "x" }), terminating]);
    expect(pendingPodKeys(viewOf(store, new Map()))).toEqual(["Pod/default/a"]);
  });
});

describe("retries of an unschedulable pod", () => {
  const failed = {
    ...pod("web-abc", "5"),
    status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable", message: cpuMsg, lastProbeTime: null, lastTransitionTime: "2025-01-01T10:00:00Z" }] },
  };
  const ID = "scheduler:Pod/default/web-abc";
  const cases: { name: string; given: KubeObject[]; attempts: object; now: number; want: string[]; requeue?: number; record?: object }[] = [
    { name: "makes no second attempt at the instant of the first (its own status write woke it)", given: [...kindNodes(), failed], attempts: { attemptAt: T0, retryAt: T0 + 300_000 }, now: T0, want: [], requeue: undefined, record: { attemptAt: T0, retryAt: T0 + 300_000 } },
    { name: "tries again later without doubling the retry already due", given: [...kindNodes(), failed], attempts: { attemptAt: T0, retryAt: T0 + 300_000 }, now: T0 + 5000, want: [`event Warning FailedScheduling ${cpuMsg}`], requeue: undefined, record: { attemptAt: T0 + 5000, retryAt: T0 + 300_000 } },
    { name: "schedules the next periodic retry when the due one runs", given: [...kindNodes(), failed], attempts: { attemptAt: T0, retryAt: T0 + 300_000 }, now: T0 + 300_000, want: [`event Warning FailedScheduling ${cpuMsg}`], requeue: 300_000, record: { attemptAt: T0 + 300_000, retryAt: T0 + 600_000 } },
    { name: "forgets its attempts once the pod is bound", given: [...kindNodes(), pod()], attempts: { attemptAt: T0, retryAt: T0 + 300_000 }, now: T0 + 1000, want: ["bind web-abc nodeName=kubesim-worker", "event Normal Scheduled Successfully assigned default/web-abc to kubesim-worker"], requeue: undefined, record: undefined },
    { name: "forgets its attempts for a pod that is gone", given: kindNodes(), attempts: { attemptAt: T0, retryAt: T0 + 300_000 }, now: T0 + 1000, want: [], requeue: undefined, record: undefined },
  ];
  it.each(cases)("$name", ({ given, attempts, now, want, requeue, record }) => {
    const runtime = new Map<string, unknown>([[ID, attempts]]);
    // Seed 2 picks kubesim-worker among the two equal workers.
    const out = scheduler.reconcile(viewOf(new Store(given.map(deepFreeze)), runtime), KEY, instant(now), createRng(2));
    expect(summary(out)).toEqual(want);
    expect(out.requeueAfter).toBe(requeue);
    const written = (out.runtime ?? []).find((r) => r.podUid === ID);
    expect(written ? written.record : attempts).toEqual(record);
  });
});
