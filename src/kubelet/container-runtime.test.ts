import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import type { Outcome } from "../controllers/types";
import { KT0, KubeletHarness, boundPod, kat } from "../../test/builders/kubelet-harness";
import { containerLogs } from "./logs";
import { kubelet } from "./kubelet";

const T0 = KT0;
const at = kat;

const events = (out: Outcome) => out.events.map((e) => `${e.type} ${e.reason} ${e.message}`);
const stateOf = (p: KubeObject, i = 0) => {
  const s = p.status!.containerStatuses[i];
  const [kind, v] = Object.entries(s.state)[0] as [string, any];
  return `${kind}${v.reason ? ` ${v.reason}` : ""}${v.exitCode !== undefined ? ` ${v.exitCode}` : ""}${v.message ? `: ${v.message}` : ""} restarts=${s.restartCount}`;
};

describe("a busybox pod runs its shell script over simulated time", () => {
  const h = new KubeletHarness([boundPod("hello", [{ name: "c", image: "busybox", command: ["sh", "-c", "echo hello; sleep 10; echo bye"] }], { restartPolicy: "Never" })], ["busybox"]);

  const cases = [
    { name: "creates the sandbox first and comes back in 1s", t: 0, requeue: 1000, logs: [], state: "waiting ContainerCreating restarts=0", phase: "Pending" },
    { name: "starts the container, which prints hello and sleeps for 10s", t: 1000, requeue: 10_000, logs: ["hello"], state: "running restarts=0", phase: "Running" },
    { name: "changes nothing while the process sleeps", t: 5000, requeue: 6000, logs: ["hello"], state: "running restarts=0", phase: "Running", quiet: true },
    { name: "prints bye and exits 0 when the sleep ends: Completed, Succeeded, no requeue", t: 11_000, requeue: undefined, logs: ["hello", "bye"], state: "terminated Completed 0 restarts=0", phase: "Succeeded" },
  ];
  it.each(cases)("$name", ({ t, requeue, logs, state, phase, quiet }) => {
    const out = h.sync("hello", at(t));
    expect(out.requeueAfter).toBe(requeue);
    if (quiet) expect([...out.writes, ...out.events, ...(out.runtime ?? [])]).toEqual([]);
    expect(h.logs("hello", "c")).toEqual(logs);
    expect(stateOf(h.pod("hello"))).toBe(state);
    expect(h.pod("hello").status!.phase).toBe(phase);
  });

  it("dates the log lines at the instant they were printed", () => {
    expect(containerLogs(h.view, h.pod("hello"), "c")!.map((l) => l.at - T0)).toEqual([1000, 11_000]);
  });
});

describe("exits and restartPolicy", () => {
  it("marks a script that exits 3 under Never as Error and the pod Failed", () => {
    const h = new KubeletHarness([boundPod("three", [{ name: "c", image: "busybox", command: ["sh", "-c", "echo bad >&2; exit 3"] }], { restartPolicy: "Never" })], ["busybox"]);
    h.sync("three", at(0));
    const out = h.sync("three", at(1000));
    expect(out.requeueAfter).toBeUndefined();
    expect(stateOf(h.pod("three"))).toBe("terminated Error 3 restarts=0");
    expect(h.pod("three").status!.phase).toBe("Failed");
    expect(h.logs("three", "c")).toEqual(["bad"]);
  });

  it("exits mysql without a root password at once with its error log", () => {
    const h = new KubeletHarness([boundPod("db", [{ name: "mysql", image: "mysql" }], { restartPolicy: "Never" })], ["mysql"]);
    h.sync("db", at(0));
    h.sync("db", at(1000));
    expect(stateOf(h.pod("db"))).toBe("terminated Error 1 restarts=0");
    expect(h.logs("db", "mysql").some((l) => l.includes("MYSQL_ROOT_PASSWORD"))).toBe(true);
  });

  describe("a failing container under Always crash-loops with 10s, 20s, 40s back-off", () => {
    const h = new KubeletHarness([boundPod("crash", [{ name: "c", image: "busybox", command: ["sh", "-c", "echo try; exit 1"] }])], ["busybox"]);
    const msg = (d: string) => `back-off ${d} restarting failed container=c pod=crash_default(uid-crash)`;
    const backOff = "Warning BackOff Back-off restarting failed container c in pod crash_default(uid-crash)";
    const pulled = 'Normal Pulled Container image "busybox" already present on machine';
    const cases = [
      { name: "sandbox", t: 0, requeue: 1000, state: "waiting ContainerCreating restarts=0", ev: [] as string[] },
      { name: "first run exits 1 at once; the exit is acted on at the next relist", t: 1000, requeue: 1000, state: "terminated Error 1 restarts=0", ev: [pulled, "Normal Created Created container c", "Normal Started Started container c"] },
      { name: "the first restart is immediate", t: 2000, requeue: 1000, state: "terminated Error 1 restarts=1", ev: [pulled, "Normal Created Created container c", "Normal Started Started container c"] },
      { name: "the second exit waits 10s in CrashLoopBackOff", t: 3000, requeue: 9000, state: `waiting CrashLoopBackOff: ${msg("10s")} restarts=1`, ev: [backOff] },
      { name: "the back-off ends 10s after the exit and the container restarts", t: 12_000, requeue: 1000, state: "terminated Error 1 restarts=2", ev: [pulled, "Normal Created Created container c", "Normal Started Started container c"] },
      { name: "then waits 20s", t: 13_000, requeue: 19_000, state: `waiting CrashLoopBackOff: ${msg("20s")} restarts=2`, ev: [backOff] },
      { name: "restarts after 20s", t: 32_000, requeue: 1000, state: "terminated Error 1 restarts=3", ev: [pulled, "Normal Created Created container c", "Normal Started Started container c"] },
      { name: "then waits 40s", t: 33_000, requeue: 39_000, state: `waiting CrashLoopBackOff: ${msg("40s")} restarts=3`, ev: [backOff] },
    ];
    it.each(cases)("$name", ({ t, requeue, state, ev }) => {
      const out = h.sync("crash", at(t));
      expect(events(out)).toEqual(ev);
      expect(out.requeueAfter).toBe(requeue);
      expect(stateOf(h.pod("crash"))).toBe(state);
      expect(h.pod("crash").status!.phase).toBe(t === 0 ? "Pending" : "Running");
    });

    it("keeps the last termination as lastState and the old instance's logs as previous", () => {
      const s = h.pod("crash").status!.containerStatuses[0];
      expect(s.lastState.terminated).toMatchObject({ exitCode: 1, reason: "Error", finishedAt: "2025-01-01T10:00:32Z" });
      expect(h.logs("crash", "c", true)).toEqual(["try"]);
    });
  });
});

describe("environment from a ConfigMap", () => {
  const h = new KubeletHarness([boundPod("env", [{ name: "c", image: "busybox", command: ["sh", "-c", "echo $(GREETING) $GREETING; sleep 3600"], env: [{ name: "GREETING", valueFrom: { configMapKeyRef: { name: "cfg", key: "greeting" } } }] }])],
    ["busybox"],
  );
  const cfg: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg", namespace: "default", uid: "u-cfg", resourceVersion: "2" }, data: { greeting: "hi" } };

  const cases = [
    { name: "cannot build the env while the ConfigMap is missing: CreateContainerConfigError", t: 1000, ev: ['Normal Pulled Container image "busybox" already present on machine', 'Warning Failed Error: configmap "cfg" not found'], state: 'waiting CreateContainerConfigError: configmap "cfg" not found restarts=0' },
    { name: "reports the same error only once", t: 2000, ev: [], state: 'waiting CreateContainerConfigError: configmap "cfg" not found restarts=0' },
    { name: "starts once the ConfigMap appears, with $(VAR) expanded in the command", t: 3000, ev: ["Normal Created Created container c", "Normal Started Started container c"], state: "running restarts=0", create: true },
  ];
  it.each(cases)("$name", ({ t, ev, state, create }) => {
    if (t === 1000) h.sync("env", at(0));
    if (create) h.store.put(cfg);
    const out = h.sync("env", at(t));
    expect(events(out)).toEqual(ev);
    expect(stateOf(h.pod("env"))).toBe(state);
  });

  it("printed the value twice", () => {
    expect(h.logs("env", "c")).toEqual(["hi hi"]);
  });

  it("wakes the kubelet for the pending pods of the namespace when a ConfigMap changes", () => {
    const trigger = kubelet.wakeOn.find((t) => t.kind === "ConfigMap")!;
    const h2 = new KubeletHarness([boundPod("waiting", [{ name: "c", image: "busybox" }])], ["busybox"]);
    expect(trigger.keysFor(cfg, h2.view)).toEqual(["Pod/default/waiting"]);
  });
});

describe("volumes", () => {
  it("keeps a pod with a missing ConfigMap volume ContainerCreating with one FailedMount", () => {
    const h = new KubeletHarness([boundPod("mnt", [{ name: "c", image: "busybox", command: ["sleep", "3600"], volumeMounts: [{ name: "config", mountPath: "/etc/config" }] }], { volumes: [{ name: "config", configMap: { name: "app" } }] })],
      ["busybox"],
    );
    h.sync("mnt", at(0));
    expect(events(h.sync("mnt", at(1000)))).toEqual(['Warning FailedMount MountVolume.SetUp failed for volume "config" : configmap "app" not found']);
    expect(events(h.sync("mnt", at(2000)))).toEqual([]);
    expect(stateOf(h.pod("mnt"))).toBe("waiting ContainerCreating restarts=0");
    h.store.put({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "app", namespace: "default" }, data: { key: "value" } });
    h.sync("mnt", at(3000));
    expect(stateOf(h.pod("mnt"))).toBe("running restarts=0");
    expect(h.exec("mnt", "c", ["cat", "/etc/config/key"], at(4000)).output).toEqual([{ stream: "stdout", text: "value" }]);
  });

  describe("an emptyDir shared by two containers", () => {
    const h = new KubeletHarness(
      [
        boundPod(
          "shared",
          [
            { name: "writer", image: "busybox", command: ["sh", "-c", "echo from-writer > /data/index.html; sleep 3600"], volumeMounts: [{ name: "data", mountPath: "/data" }] },
            { name: "reader", image: "busybox", command: ["sleep", "3600"], volumeMounts: [{ name: "data", mountPath: "/pub" }] },
          ],
          { volumes: [{ name: "data", emptyDir: {} }] },
        ),
      ],
      ["busybox"],
    );
    h.sync("shared", at(0));
    h.sync("shared", at(1000));

    const cases = [
      { name: "the reader sees what the writer's script wrote", c: "reader", argv: ["cat", "/pub/index.html"], out: "from-writer\n", code: 0 },
      { name: "an exec's write to the volume is kept", c: "reader", argv: ["sh", "-c", "echo more >> /pub/index.html"], out: "", code: 0 },
      { name: "and the other container sees it", c: "writer", argv: ["cat", "/data/index.html"], out: "from-writer\nmore\n", code: 0 },
      { name: "a write to the writable layer persists between execs", c: "reader", argv: ["sh", "-c", "echo hi > /tmp/x"], out: "", code: 0 },
      { name: "and is read back", c: "reader", argv: ["cat", "/tmp/x"], out: "hi\n", code: 0 },
      { name: "a missing binary outside a shell is the runtime's error, exit 126", c: "reader", argv: ["foo"], out: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown\n', code: 126 },
      { name: "a missing program under sh is the shell's, exit 127", c: "reader", argv: ["sh", "-c", "foo"], out: "sh: foo: not found\n", code: 127 },
      { name: "a container that does not run cannot be exec'd into", c: "nope", argv: ["ls"], out: 'error: unable to upgrade connection: container not found ("nope")\n', code: 1 },
    ];
    it.each(cases)("$name", ({ c, argv, out, code }) => {
      const r = h.exec("shared", c, argv, at(2000));
      expect(r.output.map((o) => o.text).join("")).toBe(out);
      expect(r.exitCode).toBe(code);
    });

    it("a converged pod gives no writes while its processes sleep", () => {
      const out = h.sync("shared", at(5000));
      expect([...out.writes, ...out.events, ...(out.runtime ?? [])]).toEqual([]);
      expect(out.requeueAfter).toBe(3_600_000 - 4000);
    });
  });
});

describe("two containers of a pod on one port", () => {
  const h = new KubeletHarness([boundPod("ports", [{ name: "a", image: "nginx" }, { name: "b", image: "nginx" }])], ["nginx"]);

  it("fails the second with nginx's address-in-use error and crash-loops it", () => {
    h.sync("ports", at(0));
    const out = h.sync("ports", at(1000));
    expect(out.requeueAfter).toBe(1000);
    expect(stateOf(h.pod("ports"), 0)).toBe("running restarts=0");
    expect(stateOf(h.pod("ports"), 1)).toBe("terminated Error 1 restarts=0");
    expect(h.logs("ports", "b")).toEqual(["nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)", "nginx: [emerg] still could not bind()"]);
    h.sync("ports", at(2000));
    h.sync("ports", at(3000));
    expect(stateOf(h.pod("ports"), 1)).toBe("waiting CrashLoopBackOff: back-off 10s restarting failed container=b pod=ports_default(uid-ports) restarts=1");
  });
});
