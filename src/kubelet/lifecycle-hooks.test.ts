// postStart and preStop hooks on the kubelet: the docs' lifecycle-demo, a failing postStart
// hook that gets the container killed and restarted, and preStop hooks taking their time out
// of the grace period before SIGTERM.

import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import { KubeletHarness, boundPod, kat } from "../../test/builders/kubelet-harness";
import { execInContainer } from "./exec";
import { killContainers } from "./termination";
import type { ContainerRecord } from "./runtime-record";
import { instant } from "../sim/time";

const BUSYBOX = "busybox:1.36";

function run(p: KubeObject, images: string[], untilMs: number, stepMs = 500) {
  const h = new KubeletHarness([p], images);
  const events: string[] = [];
  for (let t = 0; t <= untilMs; t += stepMs) {
    for (const e of h.sync(p.metadata.name!, kat(t)).events) events.push(`${e.type} ${e.reason}: ${e.message}`);
  }
  return { h, events };
}

describe("postStart hooks", () => {
  it("runs the docs' lifecycle-demo hook right after the start; its file is there", () => {
    const p = boundPod("demo", [
      { name: "c", image: "nginx", lifecycle: { postStart: { exec: { command: ["/bin/sh", "-c", "echo Hello from the postStart handler > /usr/share/message"] } } } },
    ]);
    const { h, events } = run(p, ["nginx"], 3000);
    expect(events.filter((e) => /Hook|Killing/.test(e))).toEqual([]);
    expect(execInContainer(h.view, h.pod("demo"), "c", ["cat", "/usr/share/message"], kat(3000)).output).toEqual([{ stream: "stdout", text: "Hello from the postStart handler\n" }]);
  });

  it.each([
    { what: "an exec hook that exits non-zero", hook: { exec: { command: ["sh", "-c", "exit 1"] } } },
    { what: "an httpGet hook to a port nobody listens on", hook: { httpGet: { path: "/started", port: 9999 } } },
  ])("kills the container after $what (FailedPostStartHook, then Killing)", ({ hook }) => {
    const p = boundPod("bad", [{ name: "c", image: BUSYBOX, command: ["sh", "-c", "sleep 3600"], lifecycle: { postStart: hook } }], { terminationGracePeriodSeconds: 5 });
    const { h, events } = run(p, [BUSYBOX], 8000);
    expect(events).toContain("Warning FailedPostStartHook: PostStartHook failed");
    expect(events).toContain("Normal Killing: FailedPostStartHook");
    // sh as PID 1 ignores SIGTERM: SIGKILL when the 5s grace period ends, then the restart.
    const s = h.pod("bad").status!.containerStatuses[0];
    expect([s.restartCount, s.lastState.terminated?.exitCode]).toEqual([1, 137]);
  });

  it("an httpGet hook answered with any status succeeds (only a failed request fails it)", () => {
    const p = boundPod("web", [{ name: "c", image: "nginx", ports: [{ containerPort: 80 }], lifecycle: { postStart: { httpGet: { path: "/nope", port: 80 } } } }]);
    expect(run(p, ["nginx"], 3000).events.filter((e) => /Hook/.test(e))).toEqual([]);
  });
});

describe("preStop hooks in graceful termination", () => {
  const T = 1_000_000;
  const running: ContainerRecord = { name: "c", startedAt: T - 60_000 };
  const terminating = (command?: string[]): KubeObject => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", namespace: "default", uid: "u", deletionGracePeriodSeconds: 30 },
    spec: { containers: [{ name: "c", image: "nginx", ...(command && { command }) }] },
  });

  it.each([
    { what: "no hook: a server exits 1s after SIGTERM", hook: undefined, command: undefined, doneAt: T + 1000, failed: false },
    { what: "a 10s hook delays SIGTERM by 10s", hook: { endedAt: T + 10_000 }, command: undefined, doneAt: T + 11_000, failed: false },
    { what: "a hook that runs past the grace period leaves the 2s minimum", hook: { endedAt: T + 45_000 }, command: undefined, doneAt: T + 31_000, failed: false },
    { what: "a SIGTERM-ignoring command still gets only what is left of the grace period", hook: { endedAt: T + 10_000 }, command: ["sleep", "3600"], doneAt: T + 30_000, failed: false },
    { what: "a failed hook is reported and termination goes on", hook: { endedAt: T, error: "boom" }, command: undefined, doneAt: T + 1000, failed: true },
  ])("$what", ({ hook, command, doneAt, failed }) => {
    const out = killContainers(terminating(command), [running], instant(T), hook && (() => hook));
    expect(out.doneAt).toBe(doneAt);
    expect(out.events.map((e) => e.reason)).toEqual(failed ? ["Killing", "FailedPreStopHook"] : ["Killing"]);
  });

  it("runs a sleep hook on the kubelet: the pod stays Terminating for the hook's 10s", () => {
    const p = boundPod("drain", [{ name: "c", image: "nginx", lifecycle: { preStop: { sleep: { seconds: 10 } } } }]);
    const h = new KubeletHarness([p], ["nginx"]);
    for (let t = 0; t <= 3000; t += 500) h.sync("drain", kat(t));
    h.store.put({ ...h.pod("drain"), metadata: { ...h.pod("drain").metadata, deletionTimestamp: "2025-01-01T10:00:03Z", deletionGracePeriodSeconds: 30 } });
    const first = h.sync("drain", kat(3000));
    expect(first.requeueAfter).toBe(11_000);
  });
});
