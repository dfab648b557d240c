import { describe, expect, it } from "vitest";
import { KubeletHarness, boundPod, containerState, kat, lastState } from "../../test/builders/kubelet-harness";
import type { ContainerRecord } from "./runtime-record";
import { ALLOCATION_MS, oomAt, oomKilled } from "./oom";
import { setUsage } from "./usage";

const MI = 2 ** 20;
const stress = (bytes: string, limit?: string) => ({
  name: "c",
  image: "polinux/stress",
  command: ["stress"],
  args: ["--vm", "1", "--vm-bytes", bytes, "--vm-hang", "1"],
  ...(limit && { resources: { limits: { memory: limit } } }),
});
const nginx = (limit?: string) => ({ name: "c", image: "nginx", ...(limit && { resources: { limits: { memory: limit } } }) });
const running: ContainerRecord = { name: "c", startedAt: 10_000 };

describe("oomAt: when a running container goes over its memory limit", () => {
  const cases = [
    { name: "stress holding 250M under a 100Mi limit, once it has allocated", spec: stress("250M", "100Mi"), rec: running, usage: undefined, want: 10_000 + ALLOCATION_MS },
    { name: "never for stress holding 150M under a 200Mi limit", spec: stress("150M", "200Mi"), rec: running, usage: undefined, want: undefined },
    { name: "never without a memory limit (only the node could run out)", spec: stress("250M"), rec: running, usage: undefined, want: undefined },
    { name: "never for a container that is not running", spec: stress("250M", "100Mi"), rec: { name: "c" }, usage: undefined, want: undefined },
    { name: "never for a container that already exited", spec: stress("250M", "100Mi"), rec: { ...running, finishedAt: 10_500 }, usage: undefined, want: undefined },
    { name: "when sim load set more memory than the limit", spec: nginx("64Mi"), rec: running, usage: { memoryBytes: 65 * MI, since: 50_000 }, want: 50_000 },
    { name: "not for a load exactly at the limit", spec: nginx("64Mi"), rec: running, usage: { memoryBytes: 64 * MI, since: 50_000 }, want: undefined },
    { name: "a load set before the instance started applies once it has allocated", spec: nginx("64Mi"), rec: running, usage: { memoryBytes: 100 * MI, since: 0 }, want: 10_000 + ALLOCATION_MS },
    { name: "cpu load alone never OOM-kills", spec: nginx("64Mi"), rec: running, usage: { cpuMilli: 4000, since: 0 }, want: undefined },
  ];
  it.each(cases)("$name", ({ spec, rec, usage, want }) => expect(oomAt(spec, rec, usage)).toBe(want));

  it("oomKilled ends the process with reason OOMKilled and exit code 137, keeping the logs", () => {
    const rec: ContainerRecord = { ...running, ports: [80], logs: [{ at: 1, stream: "stdout", text: "hi" }] };
    expect(oomKilled(rec, 12_000)).toEqual({ name: "c", startedAt: 10_000, logs: rec.logs, finishedAt: 12_000, exitCode: 137, reason: "OOMKilled" });
  });
});

describe("the docs' memory-demo-2: stress --vm-bytes 250M under a 100Mi limit is OOM-killed and crash-loops", () => {
  const h = new KubeletHarness([boundPod("demo", [stress("250M", "100Mi")])], ["polinux/stress"]);
  const cases = [
    { name: "creates the sandbox", t: 0, requeue: 1000, state: "waiting ContainerCreating restarts=0", last: "" },
    { name: "starts stress and comes back when it has allocated", t: 1000, requeue: ALLOCATION_MS, state: "running restarts=0", last: "" },
    { name: "the OOM killer ends it: Terminated OOMKilled 137; the kubelet relists in 1s", t: 2000, requeue: 1000, state: "terminated OOMKilled 137 restarts=0", last: "" },
    { name: "the first restart is immediate; the kill is the last state", t: 3000, requeue: ALLOCATION_MS, state: "running restarts=1", last: "OOMKilled 137" },
    { name: "killed again once it has allocated", t: 4000, requeue: 1000, state: "terminated OOMKilled 137 restarts=1", last: "OOMKilled 137" },
    { name: "then waits 10s in CrashLoopBackOff", t: 5000, requeue: 9000, state: "waiting CrashLoopBackOff restarts=1", last: "OOMKilled 137" },
  ];
  it.each(cases)("$name", ({ t, requeue, state, last }) => {
    const out = h.sync("demo", kat(t));
    expect(out.requeueAfter).toBe(requeue);
    expect(containerState(h.pod("demo"))).toBe(state);
    expect(lastState(h.pod("demo"))).toBe(last);
  });
});

describe("OOM kills and restartPolicy", () => {
  it("leaves stress within its limit running, with nothing to come back for", () => {
    const h = new KubeletHarness([boundPod("ok", [stress("150M", "200Mi")])], ["polinux/stress"]);
    h.sync("ok", kat(0));
    h.sync("ok", kat(1000));
    const out = h.sync("ok", kat(60_000));
    expect(out.requeueAfter).toBeUndefined();
    expect(containerState(h.pod("ok"))).toBe("running restarts=0");
  });

  it("fails the pod under restartPolicy Never: no restart", () => {
    const h = new KubeletHarness([boundPod("never", [stress("250M", "100Mi")], { restartPolicy: "Never" })], ["polinux/stress"]);
    h.sync("never", kat(0));
    h.sync("never", kat(1000));
    const out = h.sync("never", kat(2000));
    expect(out.requeueAfter).toBeUndefined();
    expect(containerState(h.pod("never"))).toBe("terminated OOMKilled 137 restarts=0");
    expect(h.pod("never").status!.phase).toBe("Failed");
  });

  it("kills a running nginx at once when sim load pushes its memory over the limit, and restarts it", () => {
    const h = new KubeletHarness([boundPod("web", [nginx("64Mi")])], ["nginx"]);
    h.sync("web", kat(0));
    h.sync("web", kat(1000));
    expect(h.sync("web", kat(30_000)).requeueAfter).toBeUndefined();
    h.apply(setUsage(h.view, h.pod("web"), [], { memoryBytes: 100 * MI }, kat(30_000)));
    const out = h.sync("web", kat(30_000));
    expect(containerState(h.pod("web"))).toBe("terminated OOMKilled 137 restarts=0");
    expect(h.pod("web").status!.containerStatuses[0].state.terminated.finishedAt).toBe("2025-01-01T10:00:30Z");
    expect(out.requeueAfter).toBe(1000);
    h.sync("web", kat(31_000));
    expect(containerState(h.pod("web"))).toBe("running restarts=1");
  });

  it("leaves a container alone when sim load stays under the limit", () => {
    const h = new KubeletHarness([boundPod("web", [nginx("64Mi")])], ["nginx"]);
    h.sync("web", kat(0));
    h.sync("web", kat(1000));
    h.apply(setUsage(h.view, h.pod("web"), [], { memoryBytes: 32 * MI, cpuMilli: 900 }, kat(30_000)));
    expect(h.sync("web", kat(30_000)).requeueAfter).toBeUndefined();
    expect(containerState(h.pod("web"))).toBe("running restarts=0");
  });
});
