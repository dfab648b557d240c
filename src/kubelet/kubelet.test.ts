import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import { keyOf, refOf } from "../api/types";
import { Store } from "../api/store/store";
import { viewOf } from "../api/store/view";
import type { Outcome } from "../controllers/types";
import { createRng } from "../sim/random";
import type { Instant } from "../sim/time";
import { instant, toRFC3339 } from "../sim/time";
import { node } from "../../test/builders/node";
import { kubelet } from "./kubelet";
import { deepFreeze } from "../api/deep-freeze"; // the conformance suite's rule: a component never mutates what it reads

const T0 = instant(Date.UTC(2025, 0, 1, 10, 0, 0));
const at = (ms: number): Instant => instant(T0 + ms);

function pod(name: string, image = "nginx", extra: Record<string, unknown> = {}, container: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", uid: `uid-${name}`, resourceVersion: "1" },
    spec: {
      nodeName: "kubesim-worker",
      restartPolicy: "Always",
      containers: [{ name: "nginx", image, imagePullPolicy: "IfNotPresent", ...container }],
      ...extra,
    },
    status: {
      phase: "Pending",
      conditions: [{ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: toRFC3339(T0) }],
    },
  };
}

/** A store plus runtime records, with the engine's way of applying an Outcome. */
class Harness {
  readonly store: Store;
  readonly runtime = new Map<string, unknown>();
  readonly rng = createRng(7);
  constructor(objects: KubeObject[]) {
    this.store = new Store(objects.map(deepFreeze));
  }
  sync(name: string, now: Instant): Outcome {
    for (const r of this.runtime.values()) deepFreeze(r);
    for (const o of this.store.all()) deepFreeze(o);
    const out = kubelet.reconcile(viewOf(this.store, this.runtime), `Pod/default/${name}`, now, this.rng);
    for (const w of out.writes) {
      if (w.op === "updateStatus") this.store.put({ ...this.store.get(keyOf(refOf(w.object)))!, status: w.object.status });
      if (w.op === "delete") this.store.remove(keyOf(w.ref));
    }
    for (const r of out.runtime ?? []) {
      if (r.record === undefined) this.runtime.delete(r.podUid);
      else this.runtime.set(r.podUid, r.record);
    }
    return out;
  }
  put(obj: KubeObject): void {
    this.store.put(obj);
  }
  pod(name: string): KubeObject {
    return this.store.get(`Pod/default/${name}`)!;
  }
}

const worker = () => node("kubesim-worker", 1).build();
const events = (out: Outcome) => out.events.map((e) => `${e.reason} ${e.message}`);
const writes = (out: Outcome) =>
  out.writes.map((w) =>
    w.op === "delete"
      ? `delete ${w.ref.name} grace=${w.gracePeriodSeconds} force=${w.force} uid=${w.uid}`
      : w.op === "bind"
        ? `bind ${w.ref.name} ${w.nodeName}`
        : `${w.op} ${w.object.metadata.name} ${w.object.status?.phase}`,
  );

const conditions = (s: any) => s.conditions.map((c: any) => `${c.type}=${c.status}${c.reason ? ` ${c.reason}: ${c.message}` : ""} ${c.lastTransitionTime}`);

describe("kubelet: starting a pod step by step", () => {
  const h = new Harness([worker(), pod("web-abc")]);

  it("reports ContainerCreating without a pod IP while the sandbox is created, and comes back in 1s", () => {
    const out = h.sync("web-abc", T0);
    expect(events(out)).toEqual([]);
    expect(writes(out)).toEqual(["updateStatus web-abc Pending"]);
    expect(out.requeueAfter).toBe(1000);
    expect(h.runtime.get("uid-web-abc")).toEqual({ sandbox: { ip: "10.244.1.2", createdAt: T0, readyAt: T0 + 1000 }, containers: [] });
    expect((h.runtime.get("node:kubesim-worker") as any).pods).toEqual({ "uid-web-abc": "Pod/default/web-abc" });
    const s = h.pod("web-abc").status;
    expect(s.phase).toBe("Pending");
    expect(s).not.toHaveProperty("podIP");
    expect(s).not.toHaveProperty("podIPs");
    expect(s.hostIP).toBe("172.18.0.3");
    expect(s.hostIPs).toEqual([{ ip: "172.18.0.3" }]);
    expect(s.startTime).toBe("2025-01-01T10:00:00Z");
    expect(s.qosClass).toBe("BestEffort");
    expect(s.containerStatuses).toEqual([
      { image: "nginx", imageID: "", lastState: {}, name: "nginx", ready: false, restartCount: 0, started: false, state: { waiting: { reason: "ContainerCreating" } } },
    ]);
    expect(conditions(s)).toEqual([
      "PodReadyToStartContainers=False 2025-01-01T10:00:00Z",
      "Initialized=True 2025-01-01T10:00:00Z",
      "Ready=False ContainersNotReady: containers with unready status: [nginx] 2025-01-01T10:00:00Z",
      "ContainersReady=False ContainersNotReady: containers with unready status: [nginx] 2025-01-01T10:00:00Z",
      "PodScheduled=True 2025-01-01T10:00:00Z",
    ]);
  });

  it("changes nothing while the sandbox is still being created, and comes back when it is up", () => {
    const out = h.sync("web-abc", at(999));
    expect([...writes(out), ...events(out), ...(out.runtime ?? [])]).toEqual([]);
    expect(out.requeueAfter).toBe(1);
  });

  it("reports the pod IP and starts pulling once the sandbox is up, and comes back when the pull ends", () => {
    const out = h.sync("web-abc", at(1000));
    expect(events(out)).toEqual(['Pulling Pulling image "nginx"']);
    expect(out.requeueAfter).toBe(2526);
    expect(out.events[0]).toMatchObject({ source: "kubelet", host: "kubesim-worker", fieldPath: "spec.containers{nginx}", type: "Normal" });
    const s = h.pod("web-abc").status;
    expect(s.phase).toBe("Pending");
    expect(s.podIP).toBe("10.244.1.2");
    expect(s.podIPs).toEqual([{ ip: "10.244.1.2" }]);
    expect(s.hostIP).toBe("172.18.0.3");
    expect(s.startTime).toBe("2025-01-01T10:00:00Z");
    expect(s.containerStatuses).toEqual([
      { image: "nginx", imageID: "", lastState: {}, name: "nginx", ready: false, restartCount: 0, started: false, state: { waiting: { reason: "ContainerCreating" } } },
    ]);
    expect(conditions(s)).toEqual([
      "PodReadyToStartContainers=True 2025-01-01T10:00:01Z",
      "Initialized=True 2025-01-01T10:00:00Z",
      "Ready=False ContainersNotReady: containers with unready status: [nginx] 2025-01-01T10:00:00Z",
      "ContainersReady=False ContainersNotReady: containers with unready status: [nginx] 2025-01-01T10:00:00Z",
      "PodScheduled=True 2025-01-01T10:00:00Z",
    ]);
  });

  it("does nothing new before the pull ends but still knows when to come back", () => {
    const out = h.sync("web-abc", at(2000));
    expect([...writes(out), ...events(out)]).toEqual([]);
    expect(out.requeueAfter).toBe(1526);
  });

  it("reports the pull, creates and starts the container when the pull ends", () => {
    const out = h.sync("web-abc", at(3526));
    expect(events(out)).toEqual([
      'Pulled Successfully pulled image "nginx" in 2.526s (2.526s including waiting). Image size: 72953636 bytes.',
      "Created Created container nginx",
      "Started Started container nginx",
    ]);
    expect(out.requeueAfter).toBeUndefined();
    const s = h.pod("web-abc").status;
    expect(s.phase).toBe("Running");
    expect(s.conditions.filter((c: any) => c.type === "Ready" || c.type === "ContainersReady").map((c: any) => `${c.type}=${c.status} ${c.lastTransitionTime}`)).toEqual([
      "Ready=True 2025-01-01T10:00:03Z",
      "ContainersReady=True 2025-01-01T10:00:03Z",
    ]);
    const c = s.containerStatuses[0];
    expect(c).toMatchObject({ image: "docker.io/library/nginx:latest", name: "nginx", ready: true, started: true, restartCount: 0, state: { running: { startedAt: "2025-01-01T10:00:03Z" } } });
    expect(c.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(c.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  });

  it("leaves a running pod alone, with no requeue", () => {
    const out = h.sync("web-abc", at(60_000));
    expect([...writes(out), ...events(out), ...(out.runtime ?? [])]).toEqual([]);
    expect(out.requeueAfter).toBeUndefined();
  });

  it("starts a second pod whose image is already on the node 1s after its sandbox began, not at once", () => {
    h.put(pod("web-def"));
    const first = h.sync("web-def", at(70_000));
    expect(events(first)).toEqual([]);
    expect(first.requeueAfter).toBe(1000);
    expect(h.pod("web-def").status.containerStatuses[0].state).toEqual({ waiting: { reason: "ContainerCreating" } });
    const early = h.sync("web-def", at(70_500));
    expect([...writes(early), ...events(early)]).toEqual([]);
    expect(early.requeueAfter).toBe(500);
    const out = h.sync("web-def", at(71_000));
    expect(events(out)).toEqual(['Pulled Container image "nginx" already present on machine', "Created Created container nginx", "Started Started container nginx"]);
    expect(out.requeueAfter).toBeUndefined();
    expect(h.pod("web-def").status.podIP).toBe("10.244.1.3");
    expect(h.pod("web-def").status.phase).toBe("Running");
    expect(h.pod("web-def").status.containerStatuses[0].state).toEqual({ running: { startedAt: "2025-01-01T10:01:11Z" } });
  });

  it("sends SIGTERM to a deleted pod's server, which exits a second later; then confirms the deletion", () => {
    const p = h.pod("web-abc");
    h.put({ ...p, metadata: { ...p.metadata, deletionTimestamp: toRFC3339(at(110_000)), deletionGracePeriodSeconds: 30 } });
    const first = h.sync("web-abc", at(80_000));
    expect(events(first)).toEqual(["Killing Stopping container nginx"]);
    expect(writes(first)).toEqual([]);
    expect(first.requeueAfter).toBe(1000);
    const out = h.sync("web-abc", at(81_000));
    expect(events(out)).toEqual([]);
    expect(writes(out)).toEqual(["updateStatus web-abc Succeeded", "delete web-abc grace=0 force=true uid=uid-web-abc"]);
    const final = out.writes[0].op === "updateStatus" ? out.writes[0].object.status : undefined;
    expect(final.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: "Completed", finishedAt: "2025-01-01T10:01:21Z" });
    expect(h.runtime.has("uid-web-abc")).toBe(false);
    expect(h.store.get("Pod/default/web-abc")).toBeUndefined();
  });

  it("gives the freed address to the next pod, reported once its sandbox is up", () => {
    h.put(pod("web-ghi"));
    h.sync("web-ghi", at(90_000));
    expect((h.runtime.get("uid-web-ghi") as any).sandbox.ip).toBe("10.244.1.2");
    h.sync("web-ghi", at(91_000));
    expect(h.pod("web-ghi").status.podIP).toBe("10.244.1.2");
  });
});

describe("kubelet rules", () => {
  // `at`: the pod was first synced at T0 (its sandbox begun) and is synced again then.
  const cases: { name: string; given: KubeObject[]; sync: string; at?: number; want: string[]; requeue?: number }[] = [
    {
      name: "waits for a node that is not Ready",
      given: [node("kubesim-worker", 1).notReady().build(), pod("web")],
      sync: "web",
      want: [],
    },
    {
      name: "waits for a node that does not exist",
      given: [pod("web")],
      sync: "web",
      want: [],
    },
    {
      name: "pulls an image the node lacks under policy Always",
      given: [worker(), pod("web", "nginx", {}, { imagePullPolicy: "Always" })],
      sync: "web",
      at: 1000,
      want: ['Pulling Pulling image "nginx"', "updateStatus web Pending"],
      requeue: 2526,
    },
    {
      name: "refuses to pull under policy Never",
      given: [worker(), pod("web", "nginx:1.27", {}, { imagePullPolicy: "Never" })],
      sync: "web",
      at: 1000,
      want: ['ErrImageNeverPull Container image "nginx:1.27" is not present with pull policy of Never', "updateStatus web Pending"],
    },
    {
      name: "takes an unknown image's pull time from the default size",
      given: [worker(), pod("web", "example.com/team/app:v1")],
      sync: "web",
      at: 1000,
      want: ['Pulling Pulling image "example.com/team/app:v1"', "updateStatus web Pending"],
      requeue: 1888,
    },
    {
      name: "confirms the deletion of a pod that never started without Killing events",
      given: [worker(), { ...pod("web"), metadata: { ...pod("web").metadata, deletionTimestamp: toRFC3339(T0) } }],
      sync: "web",
      want: ["delete web grace=0 force=true uid=uid-web"],
    },
    { name: "leaves a finished pod alone", given: [worker(), { ...pod("web"), status: { phase: "Succeeded" } }], sync: "web", want: [] },
  ];
  it.each(cases)("$name", ({ given, sync, at: t, want, requeue }) => {
    const h = new Harness(given);
    if (t !== undefined) expect(events(h.sync(sync, T0))).toEqual([]);
    const out = h.sync(sync, at(t ?? 0));
    expect([...events(out), ...writes(out)]).toEqual(want);
    expect(out.requeueAfter).toBe(requeue);
  });

  it("pulls again under policy Always when the node has the image, in a moment", () => {
    const h = new Harness([worker(), pod("a"), pod("b", "nginx", {}, { imagePullPolicy: "Always" })]);
    h.sync("a", T0);
    h.sync("a", at(1000));
    h.sync("a", at(3526));
    expect(h.sync("b", at(4000)).requeueAfter).toBe(1000);
    expect(h.sync("b", at(5000)).requeueAfter).toBe(472);
    expect(events(h.sync("b", at(5472)))[0]).toBe('Pulled Successfully pulled image "nginx" in 472ms (472ms including waiting). Image size: 72953636 bytes.');
  });

  it("starts a Never-policy container once another pod has brought its image, reporting the refusal only once", () => {
    const h = new Harness([worker(), pod("never", "nginx:1.27", {}, { imagePullPolicy: "Never" }), pod("puller", "nginx:1.27")]);
    expect(events(h.sync("never", T0))).toEqual([]);
    expect(events(h.sync("never", at(1000)))).toEqual(['ErrImageNeverPull Container image "nginx:1.27" is not present with pull policy of Never']);
    expect(events(h.sync("never", at(2000)))).toEqual([]);
    h.sync("puller", at(1000));
    h.sync("puller", at(2000));
    h.sync("puller", at(4526));
    expect(events(h.sync("never", at(5000)))).toEqual(['Pulled Container image "nginx:1.27" already present on machine', "Created Created container nginx", "Started Started container nginx"]);
    expect(h.pod("never").status.phase).toBe("Running");
  });

  it("serializes pulls on one node and reports the wait", () => {
    const h = new Harness([worker(), pod("a", "nginx:1.27"), pod("b", "redis:7")]);
    h.sync("a", T0);
    h.sync("b", T0);
    expect(h.sync("a", at(1000)).requeueAfter).toBe(2526);
    const b = h.sync("b", at(1000));
    expect(b.requeueAfter).toBe(2526 + 1753);
    h.sync("a", at(1000 + 2526));
    const done = h.sync("b", at(1000 + 2526 + 1753));
    expect(events(done)[0]).toBe('Pulled Successfully pulled image "redis:7" in 1.753s (4.279s including waiting). Image size: 45142624 bytes.');
  });

  it("forgets the runtime records of a pod that was force-deleted", () => {
    const h = new Harness([worker(), pod("web")]);
    h.sync("web", T0);
    expect(h.runtime.has("uid-web")).toBe(true);
    h.store.remove("Pod/default/web");
    const out = h.sync("web", at(1000));
    expect(out.writes).toEqual([]);
    expect(h.runtime.has("uid-web")).toBe(false);
    expect((h.runtime.get("node:kubesim-worker") as any).pods).toEqual({});
  });

  it("forgets an earlier pod of the same name when a new one arrives", () => {
    const h = new Harness([worker(), pod("web")]);
    h.sync("web", T0);
    h.store.remove("Pod/default/web");
    h.put({ ...pod("web"), metadata: { ...pod("web").metadata, uid: "uid-web-2" } });
    h.sync("web", at(1000));
    expect(h.runtime.has("uid-web")).toBe(false);
    expect((h.runtime.get("node:kubesim-worker") as any).pods).toEqual({ "uid-web-2": "Pod/default/web" });
    h.sync("web", at(2000));
    expect(h.pod("web").status.podIP).toBe("10.244.1.2");
  });

  it("wakes for every pod of a node when the node changes", () => {
    const h = new Harness([worker(), pod("a"), pod("b"), { ...pod("c"), spec: { ...pod("c").spec, nodeName: "other" } }]);
    const trigger = kubelet.wakeOn.find((t) => t.kind === "Node")!;
    expect(trigger.keysFor(worker(), viewOf(h.store, h.runtime))).toEqual(["Pod/default/a", "Pod/default/b"]);
  });
});
