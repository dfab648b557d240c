import { describe, expect, it } from "vitest";

import { runToCompletion, startProcess, stepProcess } from "./process";
import type { OutputChunk, ProcessState } from "./process";
import { MemoryFs, runScript, TEST_EPOCH, testHost } from "./test-host";
import type { ScriptCase } from "./test-host";

const T0 = TEST_EPOCH;


const cases: ScriptCase[] = [
  { name: "three stages pass text along", script: "echo 'b a c' | tr ' ' '\\n' | sort", stdout: "a\nb\nc\n" },
  { name: "the status is the last stage's", script: "false | true; echo $?; true | false; echo $?", stdout: "0\n1\n" },
  { name: "exit in a stage ends only that stage", script: "echo x | exit 3; echo $?", stdout: "3\n" },
  { name: "stages are subshells: their variables do not leak", script: 'echo v | read x; echo "[$x]"; x=1 | true; echo "[$x]"', stdout: "[]\n[]\n" },
  { name: "a stage reads what the one before wrote", script: "printf '1\\n2\\n' | while read n; do echo \"got $n\"; done", stdout: "got 1\ngot 2\n" },
  { name: "! negates the pipeline's status", script: "! echo a | grep -q b; echo $?", stdout: "0\n" },
  { name: "|& sends stderr down the pipe too", script: "cat /nope |& grep -c 'No such'", stdout: "1\n" },
  { name: "stderr of a stage goes to the pipeline's stderr", script: "cat /nope | wc -l", stdout: "0\n", stderr: "cat: can't open '/nope': No such file or directory\n" },
  { name: "a redirection on the last stage", script: "echo hi | cat > /f; cat /f", stdout: "hi\n" },
  { name: "a pipeline inside $(...)", script: 'x=$(seq 5 | tail -n 2 | head -n 1); echo "[$x]"', stdout: "[4]\n" },
  { name: "head ends an endless writer (SIGPIPE)", script: "while true; do echo y; done | head -n 2; echo end", stdout: "y\ny\nend\n" },
  { name: "more than a pipe buffer flows through", script: "seq 3000 | while read n; do echo $n; done | tail -n 1", stdout: "3000\n" },
  { name: "a line longer than the pipe buffer reaches a reading stage", script: "seq 2000 | tr -d '\\n' | { read l; echo ${#l}; }", stdout: "6893\n" },
  { name: "a pipeline in a loop body", script: "for w in a b; do echo $w | tr a-z A-Z; done", stdout: "A\nB\n" },
  { name: "an unknown program in a pipe is not found (127)", script: "echo x | nosuch; echo $?", stdout: "127\n", stderr: "sh: nosuch: not found\n" },
];

describe("pipelines", () => {
  it.each(cases)("$name", (c) => {
    const r = runScript(c.script);
    expect(r.stdout).toBe(c.stdout);
    expect(r.stderr).toBe(c.stderr ?? "");
    expect(r.code).toBe(c.code ?? 0);
  });
});

const roundTrip = (s: ProcessState): ProcessState => JSON.parse(JSON.stringify(s)) as ProcessState;
const text = (out: OutputChunk[]): { text: string; at: number }[] => out.map((o) => ({ text: o.text, at: o.at - T0 }));

describe("states written before pipelines were flattened", () => {
  it("run a binary pipe node as a two-stage pipeline", () => {
    const state = startProcess(["true"], {});
    const word = (v: string) => [{ t: "sq" as const, v }];
    state.program = {
      nodes: [
        { t: "call", assigns: [], args: [word("echo"), word("hi")] },
        { t: "stmt", cmd: 0 },
        { t: "call", assigns: [], args: [word("tr"), word("a-z"), word("A-Z")] },
        { t: "stmt", cmd: 2 },
        { t: "pipe", x: 1, y: 3 },
        { t: "stmt", cmd: 4 },
      ],
      root: [5],
    };
    state.shell.frames = [{ k: "list", stmts: [5], i: 0 }];
    const r = stepProcess(state, testHost());
    expect(r.output.map((o) => o.text).join("")).toBe("HI\n");
    expect(r.exited).toEqual({ code: 0 });
  });
});

describe("pipelines over simulated time", () => {
  it("streams an endless sleeping loop through grep, resuming from JSON between steps", () => {
    const fs = new MemoryFs();
    let state = startProcess(["sh", "-c", "i=0; while true; do i=$((i+1)); echo line$i; sleep 5; done | grep -v 2"], {});
    const seen: { text: string; at: number }[] = [];
    let now = T0;
    for (let step = 0; step < 4; step++) {
      const r = stepProcess(roundTrip(state), { ...testHost({ now }), fs });
      expect(r.exited).toBeUndefined();
      seen.push(...text(r.output));
      state = r.state;
      now = r.wakeAt ?? now;
    }
    expect(seen).toEqual([
      { text: "line1\n", at: 0 },
      { text: "line3\n", at: 10_000 },
      { text: "line4\n", at: 15_000 },
    ]);
    expect(now).toBe(T0 + 20_000);
    // The suspended pipeline is part of the plain-JSON state.
    expect(state.shell.frames.some((f) => f.k === "pipe")).toBe(true);
  });

  it("a reading loop gets each line when it is written", () => {
    const r = runToCompletion(["sh", "-c", "for i in 1 2 3; do echo $i; sleep 1; done | while read n; do echo got $n; done; echo end"], {}, testHost());
    expect(text(r.output)).toEqual([
      { text: "got 1\n", at: 0 },
      { text: "got 2\n", at: 1000 },
      { text: "got 3\n", at: 2000 },
      { text: "end\n", at: 3000 },
    ]);
  });

  it("sort prints only once its input has ended", () => {
    const r = runToCompletion(["sh", "-c", "for i in 3 1 2; do echo $i; sleep 1; done | sort"], {}, testHost());
    expect(text(r.output)).toEqual([{ text: "1\n2\n3\n", at: 3000 }]);
    expect(r.exitCode).toBe(0);
  });

  it("after head has ended, the sleeping writer dies when it next writes, which ends the pipeline", () => {
    const r = runToCompletion(["sh", "-c", "while true; do date +%s; sleep 5; done | head -n 2; echo $?"], {}, testHost());
    expect(text(r.output)).toEqual([
      { text: "1735689600\n", at: 0 },
      { text: "1735689605\n", at: 5000 },
      { text: "0\n", at: 10_000 },
    ]);
    expect(r.endedAt).toBe(T0 + 10_000);
  });

  it("a writer whose reader has gone runs no further command (SIGPIPE)", () => {
    const r = runScript("(echo x; sleep 1; echo y; touch /ran) | head -n 1; ls /ran");
    expect(r.stdout).toBe("x\n");
    expect(r.stderr).toBe("ls: /ran: No such file or directory\n");
  });

  it("inside $(...) the stages run to completion and the process owes their sleep before its next command", () => {
    const r = runToCompletion(["sh", "-c", 'x=$(for i in 1 2; do echo $i; sleep 1; done | tail -n 1); echo "[$x]"'], {}, testHost());
    expect(text(r.output)).toEqual([{ text: "[2]\n", at: 2000 }]);
    expect(r.endedAt).toBe(T0 + 2000);
  });
});
