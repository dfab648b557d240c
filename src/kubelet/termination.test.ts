import { describe, expect, it } from "vitest";
import { killContainers } from "./termination";
import type { ContainerRecord } from "./runtime-record";
import type { KubeObject } from "../api/types";
import { instant } from "../sim/time";

const T = 1_000_000;
const pod = (grace: number, command?: string[]): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "p", deletionGracePeriodSeconds: grace },
  spec: { containers: [{ name: "c", image: "nginx", ...(command && { command }) }] },
});
const running: ContainerRecord = { name: "c", startedAt: T - 60_000 };

const cases: { name: string; pod: KubeObject; rec: ContainerRecord; now: number; want: { events: string[]; doneAt?: number; exit?: [number, string] } }[] = [
  { name: "sends SIGTERM once and lets an image's server exit a second later", pod: pod(30), rec: running, now: T, want: { events: ["Killing"], doneAt: T + 1000 } },
  { name: "records a server's exit with 0 (Completed) when its time comes", pod: pod(30), rec: { ...running, stopRequestedAt: T, exitsAt: T + 1000 }, now: T + 1000, want: { events: [], exit: [0, "Completed"] } },
  { name: "waits out the grace period for a command that ignores SIGTERM", pod: pod(30, ["sleep", "3600"]), rec: running, now: T, want: { events: ["Killing"], doneAt: T + 30_000 } },
  { name: "kills a SIGTERM-ignoring command with 137 (Error) at the end of the grace period", pod: pod(30, ["sleep", "3600"]), rec: { ...running, stopRequestedAt: T, exitsAt: T + 30_000 }, now: T + 30_000, want: { events: [], exit: [137, "Error"] } },
  { name: "gives at least the kubelet's minimum of two seconds", pod: pod(1, ["sleep", "3600"]), rec: running, now: T, want: { events: ["Killing"], doneAt: T + 2000 } },
  { name: "leaves a container that never started alone", pod: pod(30), rec: { name: "c" }, now: T, want: { events: [] } },
];

describe("killContainers", () => {
  it.each(cases)("$name", ({ pod, rec, now, want }) => {
    const out = killContainers(pod, [rec], instant(now));
    expect(out.events.map((e) => e.reason)).toEqual(want.events);
    expect(out.doneAt).toBe(want.doneAt);
    if (want.exit) expect([out.containers[0].exitCode, out.containers[0].reason]).toEqual(want.exit);
  });
});
