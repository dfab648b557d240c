import { describe, expect, it } from "vitest";

import { runToCompletion, startProcess, stepProcess } from "./process";
import type { ProcessState, StepResult } from "./process";
import { MemoryFs, TEST_EPOCH, testHost } from "./test-host";

const T0 = TEST_EPOCH;
const roundTrip = (s: ProcessState): ProcessState => JSON.parse(JSON.stringify(s)) as ProcessState;

/** A fresh host for each step (a later kubesim invocation), sharing the filesystem. */
function stepAt(state: ProcessState, now: number, fs = new MemoryFs()): StepResult {
  return stepProcess(roundTrip(state), { ...testHost({ now }), fs });
}

describe("suspension at sleep and resumption from JSON", () => {
  it("runs the docs' date loop, one line every 5 simulated seconds across steps", () => {
    const fs = new MemoryFs();
    fs.mkdir("/data");
    let state = startProcess(["/bin/sh", "-c", "while true; do echo $(date) >> /data/out.txt; sleep 5; done"], {});
    let r = stepAt(state, T0, fs);
    expect(r.exited).toBeUndefined();
    expect(r.wakeAt).toBe(T0 + 5000);
    // Unquoted $(date) is split into fields, so echo joins them with single spaces.
    expect(fs.read("/data/out.txt")).toBe("Wed Jan 1 00:00:00 UTC 2025\n");
    state = r.state;
    r = stepAt(state, T0 + 5000, fs);
    expect(r.wakeAt).toBe(T0 + 10000);
    state = r.state;
    // One step far ahead catches up on every wake-up in between.
    r = stepAt(state, T0 + 21000, fs);
    expect(r.wakeAt).toBe(T0 + 25000);
    expect(fs.read("/data/out.txt")).toBe(
      ["00:00:00", "00:00:05", "00:00:10", "00:00:15", "00:00:20"].map((t) => `Wed Jan 1 ${t} UTC 2025\n`).join(""),
    );
  });

  it("stamps output with the simulated instant it was written and exits after the last sleep", () => {
    const r1 = stepAt(startProcess(["sh", "-c", "echo a; sleep 1.5; echo b; sleep 1; exit 4"], {}), T0);
    expect(r1.output).toEqual([{ stream: "stdout", text: "a\n", at: T0 }]);
    expect(r1.wakeAt).toBe(T0 + 1500);
    // Stepped late, the process still writes "b" at the instant its sleep ended.
    const r2 = stepAt(r1.state, T0 + 2000);
    expect(r2.output).toEqual([{ stream: "stdout", text: "b\n", at: T0 + 1500 }]);
    expect(r2.exited).toBeUndefined();
    expect(r2.wakeAt).toBe(T0 + 2500);
    const end = stepAt(r2.state, T0 + 2500);
    expect(end.exited).toEqual({ code: 4 });
    expect(end.output).toEqual([]);
  });

  it("keeps a for loop's position and variables across steps", () => {
    let state = startProcess(["sh", "-c", "n=0; for i in a b c; do n=$((n+1)); echo $i$n; sleep 1; done; echo done $n"], {});
    const seen: string[] = [];
    let now = T0;
    for (let step = 0; step < 10; step++) {
      const r = stepAt(state, now);
      seen.push(r.output.map((o) => o.text).join(""));
      if (r.exited) break;
      state = r.state;
      now = r.wakeAt ?? now;
    }
    expect(seen).toEqual(["a1\n", "b2\n", "c3\n", "done 3\n"]);
  });

  it("resumes inside a function, an if and a while at once", () => {
    const script = 'tick() { if [ "$1" -gt 0 ]; then while [ -n "$1" ]; do echo "t$1"; sleep 2; shift; done; fi; }; tick 1 2; echo after';
    const r1 = stepAt(startProcess(["sh", "-c", script], {}), T0);
    expect(r1.output.map((o) => o.text)).toEqual(["t1\n"]);
    const r2 = stepAt(r1.state, T0 + 2000);
    expect(r2.output.map((o) => o.text)).toEqual(["t2\n"]);
    const r3 = stepAt(r2.state, T0 + 4000);
    expect(r3.output.map((o) => o.text)).toEqual(["after\n"]);
    expect(r3.exited).toEqual({ code: 0 });
  });

  it("does nothing when stepped before its wake-up time", () => {
    const r = stepAt(startProcess(["sh", "-c", "sleep 10; echo late"], {}), T0);
    const early = stepAt(r.state, T0 + 9999);
    expect(early.output).toEqual([]);
    expect(early.wakeAt).toBe(T0 + 10_000);
  });

  it("delays the process after a command whose $(...) slept", () => {
    const r = stepAt(startProcess(["sh", "-c", "x=$(sleep 2; echo hi); echo $x"], {}), T0);
    expect(r.output).toEqual([]);
    expect(r.wakeAt).toBe(T0 + 2000);
    expect(stepAt(r.state, T0 + 2000).output).toEqual([{ stream: "stdout", text: "hi\n", at: T0 + 2000 }]);
  });

  it("preempts a loop that never sleeps", () => {
    const r = stepAt(startProcess(["sh", "-c", "while true; do :; done"], {}), T0);
    expect(r.exited).toBeUndefined();
    expect(r.wakeAt).toBe(T0 + 1000);
  });

  it("reports an exited process again without running it", () => {
    const r = stepAt(startProcess(["sh", "-c", "exit 3"], {}), T0);
    const again = stepAt(r.state, T0 + 1000);
    expect(again).toEqual({ state: r.state, output: [], exited: { code: 3 } });
  });

  it("leaves the state it was given untouched", () => {
    const state = startProcess(["sh", "-c", "echo x; sleep 1"], {});
    const before = JSON.stringify(state);
    stepProcess(state, testHost());
    expect(JSON.stringify(state)).toBe(before);
  });
});

const argvCases: { name: string; argv: string[]; env?: Record<string, string>; stdout: string; stderr?: string; code: number }[] = [
  { name: "sh -c passes $0 and the arguments after the script", argv: ["/bin/sh", "-c", 'echo "$0 $1 $#"', "myname", "arg"], stdout: "myname arg 1\n", code: 0 },
  { name: "bash -ec runs the script", argv: ["bash", "-ec", "echo hi"], stdout: "hi\n", code: 0 },
  { name: "a bare program runs as one command without expansion", argv: ["echo", "$HOME", "a b"], env: { HOME: "/root" }, stdout: "$HOME a b\n", code: 0 },
  { name: "a bare unknown program is not found", argv: ["nginx", "-g", "daemon off;"], stdout: "", stderr: "sh: nginx: not found\n", code: 127 },
  { name: "a syntax error is reported and exits 2", argv: ["sh", "-c", "echo a; fi"], stdout: "", stderr: 'sh: syntax error: unexpected "fi"\n', code: 2 },
  { name: "sh without -c and without input exits 0", argv: ["sh"], stdout: "", code: 0 },
];

describe("startProcess argv", () => {
  it.each(argvCases)("$name", (c) => {
    const r = runToCompletion(c.argv, c.env ?? {}, testHost());
    const text = (s: string) => r.output.filter((o) => o.stream === s).map((o) => o.text).join("");
    expect(text("stdout")).toBe(c.stdout);
    expect(text("stderr")).toBe(c.stderr ?? "");
    expect(r.exitCode).toBe(c.code);
  });
});

describe("runToCompletion", () => {
  it("advances a local clock through sleeps", () => {
    const r = runToCompletion(["sh", "-c", "sleep 3; date"], {}, testHost());
    expect(r.output).toEqual([{ stream: "stdout", text: "Wed Jan  1 00:00:03 UTC 2025\n", at: T0 + 3000 }]);
    expect(r.endedAt).toBe(T0 + 3000);
  });

  it("times out when sleeps pass the budget", () => {
    const r = runToCompletion(["sleep", "100"], {}, testHost(), 5000);
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBeUndefined();
  });
});
