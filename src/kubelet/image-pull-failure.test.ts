// The kubelet's answer, sync by sync, for an image tag the registry does not have
// (nginx:1.161 of the Deployment docs): ErrImagePull, ImagePullBackOff, retries with back-off.

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

const T0 = instant(Date.UTC(2025, 0, 1, 10, 0, 0));
const at = (ms: number): Instant => instant(T0 + ms);
const ERR =
  'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.161": failed to resolve reference "docker.io/library/nginx:1.161": docker.io/library/nginx:1.161: not found';

function pod(name: string, containers: Record<string, unknown>[], extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", uid: `uid-${name}`, resourceVersion: "1", ...extra },
    spec: { nodeName: "kubesim-worker", restartPolicy: "Always", containers },
    status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: toRFC3339(T0) }] },
  };
}
const bad = (name = "web") => pod(name, [{ name: "nginx", image: "nginx:1.161", imagePullPolicy: "IfNotPresent" }]);

/** The store and runtime records, applied as the engine applies an Outcome. */
class Harness {
  readonly store: Store;
  readonly runtime = new Map<string, unknown>();
  readonly rng = createRng(7);
  constructor(objects: KubeObject[]) {
    this.store = new Store(objects);
  }
  sync(name: string, now: Instant): Outcome {
    const out = kubelet.reconcile(viewOf(this.store, this.runtime), `Pod/default/${name}`, now, this.rng);
    for (const w of out.writes) {
      if (w.op === "updateStatus") this.store.put({ ...this.store.get(keyOf(refOf(w.object)))!, status: w.object.status });
      if (w.op === "delete") this.store.remove(keyOf(w.ref));
    }
    for (const r of out.runtime ?? []) r.record === undefined ? this.runtime.delete(r.podUid) : this.runtime.set(r.podUid, r.record);
    return out;
  }
  waiting(name: string, container = 0): string {
    const s = this.store.get(`Pod/default/${name}`)!.status;
    const w = s.containerStatuses[container].state.waiting;
    return `${s.phase} ${w?.reason}: ${w?.message ?? ""}`;
  }
}

const events = (out: Outcome) => out.events.map((e) => `${e.type} ${e.reason} ${e.message}`);

describe("kubelet: a tag that does not exist, sync by sync", () => {
  const h = new Harness([node("kubesim-worker", 1).build(), bad()]);
  // Each step: the instant of the sync, its events, the container's waiting state, the requeue.
  const steps = [
    { name: "creates the sandbox first and comes back when it is up", at: 0, events: [], waiting: "Pending ContainerCreating: ", requeue: 1000 },
    { name: "asks for the image and comes back when the registry has answered", at: 1000, events: ['Normal Pulling Pulling image "nginx:1.161"'], waiting: "Pending ContainerCreating: ", requeue: 500 },
    {
      name: "reports the failed pull and ErrImagePull with containerd's error, and comes back at the next relist",
      at: 1500,
      events: [`Warning Failed Failed to pull image "nginx:1.161": ${ERR}`, "Warning Failed Error: ErrImagePull"],
      waiting: `Pending ErrImagePull: ${ERR}`,
      requeue: 1000,
    },
    { name: "changes nothing when synced again at the same instant", at: 1500, events: [], waiting: `Pending ErrImagePull: ${ERR}`, requeue: 1000 },
    {
      name: "enters ImagePullBackOff at the relist and comes back when the 10s back-off ends",
      at: 2500,
      events: ['Normal BackOff Back-off pulling image "nginx:1.161"', "Warning Failed Error: ImagePullBackOff"],
      waiting: `Pending ImagePullBackOff: Back-off pulling image "nginx:1.161": ErrImagePull: ${ERR}`,
      requeue: 9000,
    },
    { name: "stays in back-off quietly when woken early", at: 6000, events: [], waiting: `Pending ImagePullBackOff: Back-off pulling image "nginx:1.161": ErrImagePull: ${ERR}`, requeue: 5500 },
    {
      name: "pulls again when the back-off ends, still showing ImagePullBackOff meanwhile",
      at: 11_500,
      events: ['Normal Pulling Pulling image "nginx:1.161"'],
      waiting: `Pending ImagePullBackOff: Back-off pulling image "nginx:1.161": ErrImagePull: ${ERR}`,
      requeue: 500,
    },
    { name: "fails again with ErrImagePull", at: 12_000, events: [`Warning Failed Failed to pull image "nginx:1.161": ${ERR}`, "Warning Failed Error: ErrImagePull"], waiting: `Pending ErrImagePull: ${ERR}`, requeue: 1000 },
    { name: "backs off for 20s the second time", at: 13_000, events: ['Normal BackOff Back-off pulling image "nginx:1.161"', "Warning Failed Error: ImagePullBackOff"], waiting: `Pending ImagePullBackOff: Back-off pulling image "nginx:1.161": ErrImagePull: ${ERR}`, requeue: 19_000 },
    { name: "pulls a third time 20s after the second failure", at: 32_000, events: ['Normal Pulling Pulling image "nginx:1.161"'], waiting: `Pending ImagePullBackOff: Back-off pulling image "nginx:1.161": ErrImagePull: ${ERR}`, requeue: 500 },
    { name: "fails a third time", at: 32_500, events: [`Warning Failed Failed to pull image "nginx:1.161": ${ERR}`, "Warning Failed Error: ErrImagePull"], waiting: `Pending ErrImagePull: ${ERR}`, requeue: 1000 },
    { name: "backs off for 40s the third time", at: 33_500, events: ['Normal BackOff Back-off pulling image "nginx:1.161"', "Warning Failed Error: ImagePullBackOff"], waiting: `Pending ImagePullBackOff: Back-off pulling image "nginx:1.161": ErrImagePull: ${ERR}`, requeue: 39_000 },
  ];
  it.each(steps)("$name", (step) => {
    const out = h.sync("web", at(step.at));
    expect(events(out)).toEqual(step.events);
    expect(h.waiting("web")).toBe(step.waiting);
    expect(out.requeueAfter).toBe(step.requeue);
  });

  it("keeps the pod not Ready, with no container created", () => {
    const s = h.store.get("Pod/default/web")!.status;
    expect(s.conditions.find((c: { type: string }) => c.type === "Ready")).toMatchObject({ status: "False", reason: "ContainersNotReady" });
    expect(s.containerStatuses[0]).toMatchObject({ image: "nginx:1.161", imageID: "", ready: false, started: false, restartCount: 0 });
    expect(s.containerStatuses[0].containerID).toBeUndefined();
  });

  it("confirms the deletion at once: there is no container to stop", () => {
    const p = h.store.get("Pod/default/web")!;
    h.store.put({ ...p, metadata: { ...p.metadata, deletionTimestamp: toRFC3339(at(40_000)), deletionGracePeriodSeconds: 30 } });
    const out = h.sync("web", at(40_000));
    expect(events(out)).toEqual([]);
    expect(out.writes.map((w) => w.op)).toEqual(["delete"]);
    expect(h.runtime.has("uid-web")).toBe(false);
  });
});

describe("kubelet rules for images it cannot get", () => {
  // `at`: the instant of the sync after the one at 0 that begins the sandbox (up at 1000).
  const cases: { name: string; given: KubeObject[]; sync: string; at: number; want: string[]; requeue?: number }[] = [
    {
      name: "pulls a known image with a tag that exists",
      given: [pod("ok", [{ name: "nginx", image: "nginx:1.14.2", imagePullPolicy: "IfNotPresent" }])],
      sync: "ok",
      at: 1000,
      want: ['Normal Pulling Pulling image "nginx:1.14.2"'],
      requeue: 2526,
    },
    {
      name: "fails a missing tag under policy Always too",
      given: [pod("always", [{ name: "nginx", image: "nginx:1.161", imagePullPolicy: "Always" }])],
      sync: "always",
      at: 1000,
      want: ['Normal Pulling Pulling image "nginx:1.161"'],
      requeue: 500,
    },
    {
      name: "refuses an image reference it cannot parse with InvalidImageName",
      given: [pod("upper", [{ name: "app", image: "Nginx:1.27", imagePullPolicy: "IfNotPresent" }])],
      sync: "upper",
      at: 1000,
      want: [
        'Warning InspectFailed Failed to apply default image tag "Nginx:1.27": couldn\'t parse image reference "Nginx:1.27": invalid reference format: repository name (library/Nginx) must be lowercase',
        "Warning Failed Error: InvalidImageName",
      ],
    },
    {
      name: "still refuses a missing image under policy Never with ErrImageNeverPull",
      given: [pod("never", [{ name: "nginx", image: "nginx:1.161", imagePullPolicy: "Never" }])],
      sync: "never",
      at: 1000,
      want: ['Warning ErrImageNeverPull Container image "nginx:1.161" is not present with pull policy of Never'],
    },
    {
      name: "starts the next container while the first one's image cannot be had",
      given: [pod("two", [{ name: "never", image: "nginx:1.161", imagePullPolicy: "Never" }, { name: "redis", image: "redis:7", imagePullPolicy: "IfNotPresent" }])],
      sync: "two",
      at: 1000,
      want: ['Warning ErrImageNeverPull Container image "nginx:1.161" is not present with pull policy of Never', 'Normal Pulling Pulling image "redis:7"'],
      requeue: 1753,
    },
  ];
  it.each(cases)("$name", ({ given, sync, at: t, want, requeue }) => {
    const h = new Harness([node("kubesim-worker", 1).build(), ...given]);
    expect(events(h.sync(sync, at(0)))).toEqual([]);
    const out = h.sync(sync, at(t));
    expect(events(out)).toEqual(want);
    expect(out.requeueAfter).toBe(requeue);
  });

  it("shows InvalidImageName as the waiting reason and reports it once", () => {
    const h = new Harness([node("kubesim-worker", 1).build(), pod("upper", [{ name: "app", image: "Nginx:1.27" }])]);
    h.sync("upper", at(0));
    expect(events(h.sync("upper", at(1000))).map((e) => e.split(" ")[1])).toEqual(["InspectFailed", "Failed"]);
    expect(events(h.sync("upper", at(5000)))).toEqual([]);
    expect(h.waiting("upper")).toBe(
      'Pending InvalidImageName: Failed to apply default image tag "Nginx:1.27": couldn\'t parse image reference "Nginx:1.27": invalid reference format: repository name (library/Nginx) must be lowercase',
    );
  });

  it("keeps the node's serialized puller busy for a failed pull, and does not mark the image present", () => {
    const h = new Harness([node("kubesim-worker", 1).build(), bad("a"), pod("b", [{ name: "nginx", image: "nginx:1.27", imagePullPolicy: "IfNotPresent" }])]);
    h.sync("a", at(0));
    h.sync("b", at(0));
    h.sync("a", at(1000));
    expect(h.sync("b", at(1000)).requeueAfter).toBe(500 + 2526);
    h.sync("a", at(1500));
    expect(Object.keys((h.runtime.get("node:kubesim-worker") as { images: object }).images)).toEqual(["docker.io/library/nginx:1.27"]);
  });

  it("keeps separate back-offs for separate pods", () => {
    const h = new Harness([node("kubesim-worker", 1).build(), bad("a"), bad("b")]);
    h.sync("a", at(0));
    h.sync("b", at(0));
    h.sync("a", at(1000));
    expect(h.sync("b", at(1000)).requeueAfter).toBe(1000); // queued behind a's pull on the serialized puller
    h.sync("a", at(1500));
    expect(events(h.sync("b", at(2000)))).toEqual([`Warning Failed Failed to pull image "nginx:1.161": ${ERR}`, "Warning Failed Error: ErrImagePull"]);
  });
});
