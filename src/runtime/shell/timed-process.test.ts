import { describe, expect, it } from "vitest";

import { startTimedProcess, stepProcess } from "./process";
import type { ProcessState } from "./process";
import { TEST_EPOCH, testHost } from "./test-host";

const T0 = TEST_EPOCH;
const ARGV = ["perl", "-Mbignum=bpi", "-wle", "print bpi(5)"];
const RUN = { durationMs: 4060, stdout: "3.1416\n", exitCode: 0 };
/** Each step from the JSON a state file keeps, as a later kubesim invocation would. */
const stepAt = (s: ProcessState, now: number) => stepProcess(JSON.parse(JSON.stringify(s)) as ProcessState, testHost({ now }));

describe("a timed process works for its duration, then prints and exits", () => {
  const cases = [
    { name: "prints nothing while it works and says when it will be done", at: T0 + 4059, want: { output: [], wakeAt: T0 + 4060 } },
    { name: "prints its text stamped at the instant it is done, and exits", at: T0 + 4060, want: { output: [{ stream: "stdout", text: "3.1416\n", at: T0 + 4060 }], exited: { code: 0 } } },
    { name: "a step long after still dates the text at the end of the work", at: T0 + 60_000, want: { output: [{ stream: "stdout", text: "3.1416\n", at: T0 + 4060 }], exited: { code: 0 } } },
  ];
  it.each(cases)("$name", ({ at, want }) => {
    const first = stepAt(startTimedProcess(ARGV, {}, RUN), T0);
    expect(first).toMatchObject({ output: [], wakeAt: T0 + 4060 });
    expect(stepAt(first.state, at)).toMatchObject(want);
  });

  it("exits with the run's status", () => {
    const state = startTimedProcess(ARGV, {}, { durationMs: 0, stdout: "", exitCode: 3 });
    expect(stepAt(state, T0)).toMatchObject({ output: [], exited: { code: 3 } });
  });

  it("prints its text as it is, backslashes and percent signs included", () => {
    const state = startTimedProcess(ARGV, {}, { durationMs: 0, stdout: "100% \\n\\c %s\n", exitCode: 0 });
    expect(stepAt(state, T0).output).toEqual([{ stream: "stdout", text: "100% \\n\\c %s\n", at: T0 }]);
  });

  it("shows its argv to ps, and $0 is the program", () => {
    const state = startTimedProcess(ARGV, { HOME: "/root" }, RUN);
    expect(state.processes).toEqual([{ pid: 1, command: "perl -Mbignum=bpi -wle print bpi(5)" }]);
    expect(state.shell.args).toEqual(["perl"]);
    expect(state.shell.vars.HOME).toBe("/root");
  });
});
