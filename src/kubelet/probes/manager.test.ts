import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { keyOf, refOf } from "../../api/types";
import { Store } from "../../api/store/store";
import { viewOf } from "../../api/store/view";
import type { Outcome } from "../../controllers/types";
import { createRng } from "../../sim/random";
import type { Instant } from "../../sim/time";
import { instant, toRFC3339 } from "../../sim/time";
import { node } from "../../../test/builders/node";
import { kubelet } from "../kubelet";
import { qualifiedImage } from "../image-pull";
import { deepFreeze } from "../../api/deep-freeze";

// The probe manager driven through the kubelet, sync by sync, as the engine would: every
// image is on the node, so the sandbox is up at 1s and the containers start then.

const T0 = instant(Date.UTC(2025, 0, 1, 10, 0, 0));
const at = (ms: number): Instant => instant(T0 + ms);

function pod(container: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", namespace: "default", uid: "uid-p", resourceVersion: "1" },
    spec: { nodeName: "kubesim-worker", restartPolicy: "Always", terminationGracePeriodSeconds: 30, containers: [{ name: "c", imagePullPolicy: "IfNotPresent", ...container }], ...extra },
    status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: toRFC3339(T0) }] },
  };
}

class Harness {
  readonly store: Store;
  readonly runtime = new Map<string, unknown>();
  readonly rng = createRng(7);
  constructor(p: KubeObject) {
    this.store = new Store([node("kubesim-worker", 1).build(), p].map(deepFreeze));
    const images = ["busybox", "registry.k8s.io/e2e-test-images/agnhost:2.40"];
    this.runtime.set("node:kubesim-worker", { images: Object.fromEntries(images.map((i) => [qualifiedImage(i), 0])), pullFreeAt: 0, pods: {} });
  }
  sync(ms: number): Outcome {
    for (const r of this.runtime.values()) deepFreeze(r);
    const out = kubelet.reconcile(viewOf(this.store, this.runtime), "Pod/default/p", at(ms), this.rng);
    for (const w of out.writes) {
      if (w.op === "updateStatus") this.store.put(deepFreeze({ ...this.store.get(keyOf(refOf(w.object)))!, status: w.object.status }));
    }
    for (const r of out.runtime ?? []) {
      if (r.record === undefined) this.runtime.delete(r.podUid);
      else this.runtime.set(r.podUid, r.record);
    }
    return out;
  }
  /** One line: container state, ready/started, restarts, the pod's Ready condition. */
  summary(): string {
    const p = this.store.get("Pod/default/p")!;
    const s = p.status!.containerStatuses[0];
    const [kind, v] = Object.entries(s.state)[0] as [string, any];
    const last = s.lastState?.terminated ? ` last=${s.lastState.terminated.exitCode} ${s.lastState.terminated.reason}` : "";
    const ready = p.status!.conditions.find((c: any) => c.type === "Ready");
    return `${kind}${v.exitCode !== undefined ? ` ${v.exitCode}` : ""} ready=${s.ready} started=${s.started} restarts=${s.restartCount}${last} Ready=${ready.status}${ready.reason ? ` ${ready.reason}` : ""}`;
  }
}

type Step = { t: number; requeue: number | undefined; events: string[]; summary: string };
const events = (out: Outcome) => out.events.filter((e) => !["Pulled", "Created", "Started"].includes(e.reason)).map((e) => `${e.reason} ${e.message}`);

function play(h: Harness, steps: Step[]) {
  for (const step of steps) {
    const out = h.sync(step.t);
    expect({ t: step.t, requeue: out.requeueAfter, events: events(out), summary: h.summary() }).toEqual(step);
  }
}

describe("readiness: not ready until it succeeds, toggles with the probe", () => {
  it("becomes ready after successThreshold successes, unready on a failure, ready again after two more", () => {
    const h = new Harness(
      pod({
        image: "busybox",
        command: ["sh", "-c", "touch /tmp/ready; sleep 20; rm -f /tmp/ready; sleep 10; touch /tmp/ready; sleep 600"],
        readinessProbe: { exec: { command: ["cat", "/tmp/ready"] }, periodSeconds: 5, successThreshold: 2, failureThreshold: 1, timeoutSeconds: 1 },
      }),
    );
    const unready = "Ready=False ContainersNotReady";
    const fail = "Unhealthy Readiness probe failed: cat: can't open '/tmp/ready': No such file or directory\n";
    play(h, [
      { t: 0, requeue: 1000, events: [], summary: `waiting ready=false started=false restarts=0 ${unready}` },
      { t: 1000, requeue: 5000, events: [], summary: `running ready=false started=true restarts=0 ${unready}` },
      { t: 6000, requeue: 5000, events: [], summary: "running ready=true started=true restarts=0 Ready=True" },
      { t: 11_000, requeue: 5000, events: [], summary: "running ready=true started=true restarts=0 Ready=True" },
      { t: 16_000, requeue: 5000, events: [], summary: "running ready=true started=true restarts=0 Ready=True" },
      { t: 21_000, requeue: 5000, events: [fail], summary: `running ready=false started=true restarts=0 ${unready}` },
      { t: 26_000, requeue: 5000, events: [fail], summary: `running ready=false started=true restarts=0 ${unready}` },
      { t: 31_000, requeue: 5000, events: [], summary: `running ready=false started=true restarts=0 ${unready}` },
      { t: 36_000, requeue: 5000, events: [], summary: "running ready=true started=true restarts=0 Ready=True" },
    ]);
  });
});

describe("startup gates liveness and readiness", () => {
  it("runs only the startup probe until it succeeds, then readiness at once and liveness every period", () => {
    const h = new Harness(
      pod({
        image: "busybox",
        command: ["sh", "-c", "sleep 12; touch /tmp/started; sleep 600"],
        startupProbe: { exec: { command: ["cat", "/tmp/started"] }, periodSeconds: 5, failureThreshold: 10, successThreshold: 1, timeoutSeconds: 1 },
        // Would kill at once if it ran before the container has started.
        livenessProbe: { exec: { command: ["cat", "/tmp/started"] }, periodSeconds: 1, failureThreshold: 1, successThreshold: 1, timeoutSeconds: 1 },
        // Its ticks would fall at 11s and 21s: the start triggers it at once (16s) instead.
        readinessProbe: { exec: { command: ["cat", "/tmp/started"] }, periodSeconds: 10, failureThreshold: 3, successThreshold: 1, timeoutSeconds: 1 },
      }),
    );
    const notStarted = "Unhealthy Startup probe failed: cat: can't open '/tmp/started': No such file or directory\n";
    const unready = "Ready=False ContainersNotReady";
    play(h, [
      { t: 0, requeue: 1000, events: [], summary: `waiting ready=false started=false restarts=0 ${unready}` },
      { t: 1000, requeue: 5000, events: [notStarted], summary: `running ready=false started=false restarts=0 ${unready}` },
      { t: 6000, requeue: 5000, events: [notStarted], summary: `running ready=false started=false restarts=0 ${unready}` },
      { t: 11_000, requeue: 2000, events: [notStarted], summary: `running ready=false started=false restarts=0 ${unready}` },
      { t: 13_000, requeue: 3000, events: [], summary: `running ready=false started=false restarts=0 ${unready}` },
      { t: 16_000, requeue: 1000, events: [], summary: "running ready=true started=true restarts=0 Ready=True" },
      { t: 17_000, requeue: 1000, events: [], summary: "running ready=true started=true restarts=0 Ready=True" },
    ]);
  });

  it("kills a container whose startup probe fails failureThreshold times", () => {
    const h = new Harness(
      pod(
        { image: "busybox", command: ["sh", "-c", "sleep 600"], startupProbe: { exec: { command: ["false"] }, periodSeconds: 5, failureThreshold: 2, successThreshold: 1, timeoutSeconds: 1 } },
        { terminationGracePeriodSeconds: 3 },
      ),
    );
    play(h, [
      { t: 0, requeue: 1000, events: [], summary: "waiting ready=false started=false restarts=0 Ready=False ContainersNotReady" },
      { t: 1000, requeue: 5000, events: ["Unhealthy Startup probe failed: "], summary: "running ready=false started=false restarts=0 Ready=False ContainersNotReady" },
      {
        t: 6000,
        requeue: 3000,
        events: ["Unhealthy Startup probe failed: ", "Killing Container c failed startup probe, will be restarted"],
        summary: "running ready=false started=false restarts=0 Ready=False ContainersNotReady",
      },
      { t: 9000, requeue: 1000, events: [], summary: "terminated 137 ready=false started=false restarts=0 Ready=False ContainersNotReady" },
      // The new instance gets fresh workers: its first startup probe runs as it starts.
      { t: 10_000, requeue: 5000, events: ["Unhealthy Startup probe failed: "], summary: "running ready=false started=false restarts=1 last=137 Error Ready=False ContainersNotReady" },
    ]);
  });
});

describe("liveness: kill at failureThreshold, then restart", () => {
  it("kills the docs' exec-liveness shell with SIGKILL at the end of the grace period (137) and restarts it", () => {
    const h = new Harness(
      pod(
        {
          image: "busybox",
          args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"],
          livenessProbe: { exec: { command: ["cat", "/tmp/healthy"] }, initialDelaySeconds: 5, periodSeconds: 5, successThreshold: 1, failureThreshold: 3, timeoutSeconds: 1 },
        },
        { terminationGracePeriodSeconds: 2 },
      ),
    );
    const fail = "Unhealthy Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n";
    const up = (restarts: number, last = "") => `running ready=true started=true restarts=${restarts}${last} Ready=True`;
    play(h, [
      { t: 0, requeue: 1000, events: [], summary: "waiting ready=false started=false restarts=0 Ready=False ContainersNotReady" },
      { t: 1000, requeue: 5000, events: [], summary: up(0) },
      { t: 26_000, requeue: 5000, events: [], summary: up(0) },
      { t: 31_000, requeue: 5000, events: [fail], summary: up(0) },
      { t: 36_000, requeue: 5000, events: [fail], summary: up(0) },
      { t: 41_000, requeue: 2000, events: [fail, "Killing Container c failed liveness probe, will be restarted"], summary: up(0) },
      { t: 43_000, requeue: 1000, events: [], summary: "terminated 137 ready=false started=false restarts=0 Ready=False ContainersNotReady" },
      { t: 44_000, requeue: 5000, events: [], summary: up(1, " last=137 Error") },
    ]);
  });

  it("stops a Go server on SIGTERM (exit 2) and does not restart it under restartPolicy Never", () => {
    const h = new Harness(
      pod(
        {
          image: "registry.k8s.io/e2e-test-images/agnhost:2.40",
          args: ["liveness"],
          livenessProbe: { httpGet: { path: "/healthz", port: 8080, scheme: "HTTP" }, initialDelaySeconds: 3, periodSeconds: 3, successThreshold: 1, failureThreshold: 1, timeoutSeconds: 1 },
        },
        { restartPolicy: "Never" },
      ),
    );
    h.sync(0);
    h.sync(1000);
    for (const t of [4000, 7000, 10_000]) expect(events(h.sync(t))).toEqual([]);
    const out = h.sync(13_000);
    expect(events(out)).toEqual(["Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 500", "Killing Container c failed liveness probe"]);
    expect(out.requeueAfter).toBe(1000);
    const done = h.sync(14_000);
    expect(done.requeueAfter).toBeUndefined();
    expect(h.summary()).toBe("terminated 2 ready=false started=false restarts=0 Ready=False PodFailed");
  });
});
