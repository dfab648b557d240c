import { describe, expect, it } from "vitest";
import { KubeletHarness, boundPod, containerState, kat, lastState } from "../../test/builders/kubelet-harness";
import { crashContainer, exitedNow } from "./crash-container";
import type { ContainerRecord } from "./runtime-record";

const web = (extra: Record<string, unknown> = {}) => boundPod("web", [{ name: "nginx", image: "nginx" }, { name: "side", image: "busybox", command: ["sh", "-c", "sleep 3600"] }], extra);

/** A pod whose two containers have been running since 1s. */
function started(extra: Record<string, unknown> = {}): KubeletHarness {
  const h = new KubeletHarness([web(extra)], ["nginx", "busybox"]);
  h.sync("web", kat(0));
  h.sync("web", kat(1000));
  return h;
}

describe("crashContainer refuses what cannot crash", () => {
  const cases = [
    { name: "a container the pod does not have", container: "nope", want: "container nope is not valid for pod web" },
    { name: "a container that has not started", container: "nginx", at: 0, want: "container nginx in pod web is not running" },
  ];
  it.each(cases)("$name", ({ container, at, want }) => {
    const h = new KubeletHarness([web()], ["nginx", "busybox"]);
    if (at !== undefined) h.sync("web", kat(at));
    expect(crashContainer(h.view, h.pod("web"), container, 137, kat(500))).toEqual({ ok: false, error: want });
  });

  it("refuses a container that is already down", () => {
    const h = started();
    const first = crashContainer(h.view, h.pod("web"), "nginx", 137, kat(5000));
    expect(first.ok).toBe(true);
    if (first.ok) h.apply(first.runtime);
    expect(crashContainer(h.view, h.pod("web"), "nginx", 137, kat(5000))).toEqual({ ok: false, error: "container nginx in pod web is not running" });
  });
});

describe("exitedNow", () => {
  const rec: ContainerRecord = { name: "c", startedAt: 1000, ports: [80], logs: [{ at: 1000, stream: "stdout", text: "up" }] };
  const cases = [
    { name: "a kill -9 exits 137 with reason Error", code: 137, reason: "Error" },
    { name: "exit code 1 is an Error", code: 1, reason: "Error" },
    { name: "exit code 0 is Completed", code: 0, reason: "Completed" },
  ];
  it.each(cases)("$name", ({ code, reason }) => {
    expect(exitedNow(rec, code, 9000)).toEqual({ name: "c", startedAt: 1000, logs: rec.logs, finishedAt: 9000, exitCode: code, reason });
  });
});

describe("a killed container is seen at the next relist and restarted per restartPolicy", () => {
  const cases = [
    { name: "Always restarts after exit 137 at once (the first restart)", policy: "Always", code: 137, atRelist: "running restarts=1", last: "Error 137", phase: "Running" },
    { name: "Always restarts after exit 0 too", policy: "Always", code: 0, atRelist: "running restarts=1", last: "Completed 0", phase: "Running" },
    { name: "OnFailure restarts after exit 2", policy: "OnFailure", code: 2, atRelist: "running restarts=1", last: "Error 2", phase: "Running" },
    { name: "OnFailure leaves an exit 0 Completed", policy: "OnFailure", code: 0, atRelist: "terminated Completed 0 restarts=0", last: "", phase: "Running" },
    { name: "Never leaves it Terminated", policy: "Never", code: 137, atRelist: "terminated Error 137 restarts=0", last: "", phase: "Running" },
  ];
  it.each(cases)("$name", ({ policy, code, atRelist, last, phase }) => {
    const h = started({ restartPolicy: policy });
    const r = crashContainer(h.view, h.pod("web"), "nginx", code, kat(10_000));
    expect(r.ok && r.relistAt).toBe(kat(11_000));
    if (r.ok) h.apply(r.runtime);
    h.sync("web", kat(11_000));
    expect(containerState(h.pod("web"))).toBe(atRelist);
    expect(lastState(h.pod("web"))).toBe(last);
    expect(containerState(h.pod("web"), 1)).toBe("running restarts=0");
    expect(h.pod("web").status!.phase).toBe(phase);
  });

  it("a second kill soon after waits out the 10s back-off in CrashLoopBackOff", () => {
    const h = started();
    const kill = (t: number) => {
      const r = crashContainer(h.view, h.pod("web"), "side", 137, kat(t));
      if (r.ok) h.apply(r.runtime);
      h.sync("web", kat(t + 1000));
    };
    kill(10_000);
    kill(12_000);
    expect(containerState(h.pod("web"), 1)).toBe("waiting CrashLoopBackOff restarts=1");
    expect(h.sync("web", kat(22_000)).events.map((e) => e.reason)).toEqual(["Pulled", "Created", "Started"]);
    expect(containerState(h.pod("web"), 1)).toBe("running restarts=2");
  });
});
