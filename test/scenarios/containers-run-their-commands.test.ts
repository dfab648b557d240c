// Scenario: containers do what their image and command say on the real engine — a script's
// output lands in the logs over simulated time, a failing container crash-loops with the
// kubelet's back-off, and exec runs in the container's filesystem.

import { describe, expect, it } from "vitest";
import { freshCluster } from "../conformance/seed-states";
import { seconds } from "../../src/sim/time";
import type { Cluster } from "../../src/sim/cluster";
import type { KubeObject } from "../../src/api/types";
import { viewOf } from "../../src/api/store/view";
import { containerLogs } from "../../src/kubelet/logs";
import { execInContainer } from "../../src/kubelet/exec";

const busybox = (name: string, script: string, restartPolicy: string): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name },
  spec: { restartPolicy, containers: [{ name: "c", image: "busybox", command: ["sh", "-c", script] }] },
});

const podOf = (c: Cluster, name: string) => c.store.get(`Pod/default/${name}`)!;
const logs = (c: Cluster, name: string, previous = false) =>
  (containerLogs(viewOf(c.store, c.runtime), podOf(c, name), "c", previous) ?? []).map((l) => l.text);

describe("containers run their commands on the real engine", () => {
  it("runs a script to completion: its lines in the logs, Completed, the pod Succeeded", () => {
    const c = freshCluster();
    c.api.create(busybox("hello", "echo hello; sleep 10; echo bye", "Never"));
    c.settle();
    c.advance(seconds(8));
    expect(podOf(c, "hello").status.phase).toBe("Running");
    expect(logs(c, "hello")).toEqual(["hello"]);
    c.advance(seconds(20));
    const p = podOf(c, "hello");
    expect(p.status.phase).toBe("Succeeded");
    expect(p.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
    expect(logs(c, "hello")).toEqual(["hello", "bye"]);
  });

  it("crash-loops a failing container and counts its restarts", () => {
    const c = freshCluster();
    c.api.create(busybox("crash", "echo oops; exit 1", "Always"));
    c.settle();
    c.advance(seconds(60));
    const s = podOf(c, "crash").status.containerStatuses[0];
    expect(s.restartCount).toBe(3);
    expect(s.state.waiting?.reason).toBe("CrashLoopBackOff");
    expect(s.lastState.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
    expect(logs(c, "crash", true)).toEqual(["oops"]);
    const reasons = c.store.list("Event", "default").map((e) => e.reason);
    expect(reasons).toContain("BackOff");
  });

  it("execs into a running container: files written by its script are there", () => {
    const c = freshCluster();
    c.api.create(busybox("files", "echo data > /tmp/out; sleep 3600", "Always"));
    c.settle();
    c.advance(seconds(30));
    const r = execInContainer(viewOf(c.store, c.runtime), podOf(c, "files"), "c", ["cat", "/tmp/out"], c.now);
    expect(r).toMatchObject({ exitCode: 0, output: [{ stream: "stdout", text: "data\n" }] });
    expect(execInContainer(viewOf(c.store, c.runtime), podOf(c, "files"), "c", ["hostname"], c.now).output).toEqual([{ stream: "stdout", text: "files\n" }]);
  });
});
