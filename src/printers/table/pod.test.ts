import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { ago, meta, runningPod, T0 } from "../test-objects";
import { podStatusCells } from "./pod";

function pod(spec: Record<string, unknown>, status: Record<string, unknown>, metaExtra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: meta("p", metaExtra), spec: { containers: [{ name: "app" }], ...spec }, status };
}
const running = (ready = true) => ({ name: "app", ready, restartCount: 0, state: { running: { startedAt: ago(10) } } });

const cases: { name: string; pod: KubeObject; want: [string, string, string] }[] = [
  { name: "a running ready pod is 1/1 Running", pod: runningPod("web"), want: ["1/1", "Running", "0"] },
  {
    name: "a running container that is not ready leaves READY at 0/1",
    pod: pod({}, { phase: "Running", containerStatuses: [running(false)] }),
    want: ["0/1", "Running", "0"],
  },
  { name: "an unscheduled pod is Pending", pod: pod({}, { phase: "Pending" }), want: ["0/1", "Pending", "0"] },
  {
    name: "a waiting reason replaces the phase",
    pod: pod({}, { phase: "Pending", containerStatuses: [{ name: "app", ready: false, restartCount: 0, state: { waiting: { reason: "ContainerCreating" } } }] }),
    want: ["0/1", "ContainerCreating", "0"],
  },
  {
    name: "restarts show the time since the last termination",
    pod: pod({}, {
      phase: "Running",
      containerStatuses: [{ name: "app", ready: false, restartCount: 6, state: { waiting: { reason: "CrashLoopBackOff" } }, lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: ago(134) } } }],
    }),
    want: ["0/1", "CrashLoopBackOff", "6 (2m14s ago)"],
  },
  {
    name: "a terminated container without a reason prints its exit code",
    pod: pod({}, { phase: "Failed", containerStatuses: [{ name: "app", restartCount: 0, state: { terminated: { exitCode: 3 } } }] }),
    want: ["0/1", "ExitCode:3", "0"],
  },
  {
    name: "a terminated container without a reason prints its signal when it has one",
    pod: pod({}, { phase: "Failed", containerStatuses: [{ name: "app", restartCount: 0, state: { terminated: { exitCode: 137, signal: 9 } } }] }),
    want: ["0/1", "Signal:9", "0"],
  },
  {
    name: "the first container's state wins over later ones",
    pod: pod({ containers: [{ name: "a" }, { name: "b" }] }, {
      phase: "Running",
      containerStatuses: [
        { name: "a", restartCount: 0, state: { waiting: { reason: "ImagePullBackOff" } } },
        { name: "b", restartCount: 0, state: { waiting: { reason: "ErrImagePull" } } },
      ],
    }),
    want: ["0/2", "ImagePullBackOff", "0"],
  },
  {
    name: "Completed becomes Running when another container still runs and the pod is Ready",
    pod: pod({ containers: [{ name: "a" }, { name: "b" }] }, {
      phase: "Running",
      conditions: [{ type: "Ready", status: "True" }],
      containerStatuses: [
        { name: "a", restartCount: 0, state: { terminated: { exitCode: 0, reason: "Completed" } } },
        { name: "b", ready: true, restartCount: 0, state: { running: {} } },
      ],
    }),
    want: ["1/2", "Running", "0"],
  },
  {
    name: "Completed becomes NotReady when another container runs but the pod is not Ready",
    pod: pod({ containers: [{ name: "a" }, { name: "b" }] }, {
      phase: "Running",
      containerStatuses: [
        { name: "a", restartCount: 0, state: { terminated: { exitCode: 0, reason: "Completed" } } },
        { name: "b", ready: true, restartCount: 0, state: { running: {} } },
      ],
    }),
    want: ["1/2", "NotReady", "0"],
  },
  {
    name: "the first unfinished init container shows Init:i/N",
    pod: pod({ initContainers: [{ name: "i1" }, { name: "i2" }] }, {
      phase: "Pending",
      initContainerStatuses: [
        { name: "i1", restartCount: 0, state: { terminated: { exitCode: 0, reason: "Completed" } } },
        { name: "i2", restartCount: 0, state: { running: {} } },
      ],
      containerStatuses: [{ name: "app", restartCount: 0, state: { waiting: { reason: "PodInitializing" } } }],
    }),
    want: ["0/1", "Init:1/2", "0"],
  },
  {
    name: "a crash-looping init container shows Init:CrashLoopBackOff and its restarts",
    pod: pod({ initContainers: [{ name: "i1" }] }, {
      phase: "Pending",
      initContainerStatuses: [{ name: "i1", restartCount: 3, state: { waiting: { reason: "CrashLoopBackOff" } }, lastState: { terminated: { exitCode: 1, finishedAt: ago(20) } } }],
    }),
    want: ["0/1", "Init:CrashLoopBackOff", "3 (20s ago)"],
  },
  {
    name: "a failed init container shows Init:Error",
    pod: pod({ initContainers: [{ name: "i1" }] }, { phase: "Pending", initContainerStatuses: [{ name: "i1", restartCount: 0, state: { terminated: { exitCode: 1, reason: "Error" } } }] }),
    want: ["0/1", "Init:Error", "0"],
  },
  {
    name: "a started sidecar counts toward READY and the total",
    pod: pod({ initContainers: [{ name: "side", restartPolicy: "Always" }] }, {
      phase: "Running",
      conditions: [{ type: "Initialized", status: "True" }],
      initContainerStatuses: [{ name: "side", ready: true, started: true, restartCount: 1, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: ago(60) } } }],
      containerStatuses: [running()],
    }),
    want: ["2/2", "Running", "1 (60s ago)"],
  },
  {
    name: "a pod being deleted shows Terminating",
    pod: runningPod("web", { metadata: meta("web", { deletionTimestamp: ago(5) }) }),
    want: ["1/1", "Terminating", "0"],
  },
  {
    name: "a succeeded pod being deleted keeps its status",
    pod: pod({}, { phase: "Succeeded", containerStatuses: [{ name: "app", restartCount: 0, state: { terminated: { exitCode: 0, reason: "Completed" } } }] }, { deletionTimestamp: ago(5) }),
    want: ["0/1", "Completed", "0"],
  },
  {
    name: "a deleted pod on a lost node shows Unknown",
    pod: pod({}, { phase: "Running", reason: "NodeLost" }, { deletionTimestamp: ago(5) }),
    want: ["0/1", "Unknown", "0"],
  },
  { name: "an evicted pod shows the pod-level reason", pod: pod({}, { phase: "Failed", reason: "Evicted" }), want: ["0/1", "Evicted", "0"] },
  {
    name: "a scheduling-gated pod shows SchedulingGated",
    pod: pod({}, { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }] }),
    want: ["0/1", "SchedulingGated", "0"],
  },
];

describe("podStatusCells", () => {
  it.each(cases)("$name", ({ pod, want }) => {
    const got = podStatusCells(pod, T0);
    expect([got.ready, got.status, got.restarts]).toEqual(want);
  });
});
