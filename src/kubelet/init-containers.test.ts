// Init containers on the kubelet, synced once a second as the engine's requeues would: the
// STATUS column kubectl prints over time, the phase, and the Initialized condition.

import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import { KubeletHarness, boundPod, kat } from "../../test/builders/kubelet-harness";
import { podStatusCells } from "../printers/table/pod";

const BUSYBOX = "busybox:1.28";
const sh = (name: string, script: string, extra: Record<string, unknown> = {}) => ({ name, image: BUSYBOX, command: ["sh", "-c", script], ...extra });
const app = sh("app", "sleep 3600");

function podWith(inits: Record<string, unknown>[], restartPolicy = "Always"): KubeObject {
  return boundPod("p", [app], { initContainers: inits.map((c) => ({ imagePullPolicy: "IfNotPresent", ...c })), restartPolicy });
}

/** Syncs every second up to each checkpoint and reads "STATUS READY RESTARTS phase" there. */
function timeline(p: KubeObject, checkpoints: number[]): string[] {
  const h = new KubeletHarness([p], [BUSYBOX]);
  const out: string[] = [];
  let t = 0;
  for (const at of checkpoints) {
    for (; t <= at * 1000; t += 500) h.sync("p", kat(t));
    const cells = podStatusCells(h.pod("p"), kat(at * 1000));
    out.push(`${at}s ${cells.status} ${cells.ready} ${cells.restarts.split(" ")[0]} ${h.pod("p").status!.phase}`);
  }
  return out;
}

describe("init containers run one at a time, in order, before the app containers", () => {
  it.each([
    {
      what: "two init containers, then the app (each starts at the relist after the previous exits)",
      pod: podWith([sh("first", "sleep 10"), sh("second", "sleep 5")]),
      at: [0.5, 5, 11.5, 12.5, 17.5, 18.5],
      // Between the last init container's exit and the app's creation kubectl prints PodInitializing.
      want: ["0.5s Init:0/2 0/1 0 Pending", "5s Init:0/2 0/1 0 Pending", "11.5s Init:1/2 0/1 0 Pending", "12.5s Init:1/2 0/1 0 Pending", "17.5s PodInitializing 0/1 0 Pending", "18.5s Running 1/1 0 Running"],
    },
    {
      what: "a failing init container under Always is re-run with the crash-loop back-off",
      pod: podWith([sh("setup", "exit 1")]),
      at: [1.5, 2.5, 8, 12.5, 13.5],
      // Exits at 1s, re-run at once at 2s, then 10s of back-off (re-run at 12s), then 20s.
      want: ["1.5s Init:Error 0/1 0 Pending", "2.5s Init:Error 0/1 1 Pending", "8s Init:CrashLoopBackOff 0/1 1 Pending", "12.5s Init:Error 0/1 2 Pending", "13.5s Init:CrashLoopBackOff 0/1 2 Pending"],
    },
    {
      what: "a failing init container under OnFailure is re-run the same way",
      pod: podWith([sh("setup", "exit 1")], "OnFailure"),
      at: [8],
      want: ["8s Init:CrashLoopBackOff 0/1 1 Pending"],
    },
    {
      what: "a failing init container under Never fails the pod",
      pod: podWith([sh("setup", "exit 3"), sh("never-run", "true")], "Never"),
      at: [1.5, 30],
      want: ["1.5s Init:Error 0/1 0 Failed", "30s Init:Error 0/1 0 Failed"],
    },
    {
      what: "an init container that succeeds is not re-run under Always",
      pod: podWith([sh("once", "echo done")]),
      at: [2.5, 60],
      want: ["2.5s Running 1/1 0 Running", "60s Running 1/1 0 Running"],
    },
    {
      what: "a sidecar starts, the next init container runs beside it, and it keeps running with the app",
      pod: podWith([sh("proxy", "sleep 3600", { restartPolicy: "Always" }), sh("migrate", "sleep 5")]),
      at: [1.5, 3, 8, 10],
      // A started sidecar counts as initialized and ready at once.
      want: ["1.5s Init:1/2 1/2 0 Pending", "3s Init:1/2 1/2 0 Pending", "8s Running 2/2 0 Running", "10s Running 2/2 0 Running"],
    },
    {
      what: "a sidecar that exits 0 is restarted anyway",
      pod: podWith([sh("proxy", "sleep 20; exit 0", { restartPolicy: "Always" })]),
      at: [5, 23],
      want: ["5s Running 2/2 0 Running", "23s Running 2/2 1 Running"],
    },
  ])("$what", ({ pod, at, want }) => {
    expect(timeline(pod, at)).toEqual(want);
  });
});

describe("the statuses an initializing pod reports", () => {
  function statusAt(p: KubeObject, seconds: number): Record<string, any> {
    const h = new KubeletHarness([p], [BUSYBOX]);
    for (let t = 0; t <= seconds * 1000; t += 500) h.sync("p", kat(t));
    return h.pod("p").status!;
  }

  it("waits with PodInitializing, lists the incomplete init containers, and marks a finished one ready", () => {
    const s = statusAt(podWith([sh("first", "true"), sh("second", "sleep 30")]), 5);
    const initialized = s.conditions.find((c: any) => c.type === "Initialized");
    expect(initialized).toMatchObject({ status: "False", reason: "ContainersNotInitialized", message: "containers with incomplete status: [second]" });
    expect(s.initContainerStatuses.map((c: any) => [c.name, Object.keys(c.state)[0], c.ready, c.started])).toEqual([
      ["first", "terminated", true, false],
      ["second", "running", false, true],
    ]);
    expect(s.containerStatuses[0].state).toEqual({ waiting: { reason: "PodInitializing" } });
  });

  it("is Initialized once the app container has started, even while a sidecar restarts", () => {
    const s = statusAt(podWith([sh("proxy", "sleep 5; exit 1", { restartPolicy: "Always" })]), 7);
    expect(s.conditions.find((c: any) => c.type === "Initialized")).toMatchObject({ status: "True" });
    expect(s.initContainerStatuses[0].restartCount).toBe(1);
    expect(s.phase).toBe("Running");
  });
});
