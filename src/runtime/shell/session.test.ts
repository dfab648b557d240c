import { describe, expect, it } from "vitest";

import { CONTINUATION_PROMPT, exitEcho, feedLine, shellPrompt, startSession } from "./session";
import type { LineResult } from "./session";
import type { ProcessState } from "./state";
import { TEST_EPOCH, testHost } from "./test-host";

/** Feeds lines one by one (each through JSON, as a caller storing the session would) and keeps every result. */
function typeLines(lines: string[], state: ProcessState = startSession({ HOME: "/root" })): LineResult[] {
  const host = testHost({ files: { "/tmp/note": "hi\n" } });
  const results: LineResult[] = [];
  let st = state;
  for (const line of lines) {
    const r = feedLine(JSON.parse(JSON.stringify(st)) as ProcessState, line, host);
    results.push(r);
    st = r.state;
  }
  return results;
}

const out = (r: LineResult): string => r.output.map((o) => o.text).join("");

interface Case {
  name: string;
  lines: string[];
  /** Output of each line. */
  outputs: string[];
  /** Which lines leave input open. */
  incomplete?: boolean[];
}

const cases: Case[] = [
  { name: "variables persist between lines", lines: ["x=5", "echo $x"], outputs: ["", "5\n"] },
  { name: "cd persists", lines: ["cd /tmp", "pwd", "cat note"], outputs: ["", "/tmp\n", "hi\n"] },
  { name: "functions defined on one line run on later ones", lines: ["greet() { echo \"hi $1\"; }", "greet bob"], outputs: ["", "hi bob\n"] },
  { name: "$? carries over", lines: ["false", "echo $?"], outputs: ["", "1\n"] },
  { name: "an open if waits for more lines", lines: ["if true; then", "echo yes", "fi"], outputs: ["", "", "yes\n"], incomplete: [true, true, false] },
  { name: "an open quote waits for more lines", lines: ["echo \"a", "b\""], outputs: ["", "a\nb\n"], incomplete: [true, false] },
  { name: "a here-document waits for its delimiter", lines: ["cat <<EOF", "x", "EOF"], outputs: ["", "", "x\n"], incomplete: [true, true, false] },
  { name: "a syntax error is reported and the session goes on", lines: ["fi", "echo $?", "echo ok"], outputs: ["sh: syntax error: unexpected \"fi\"\n", "2\n", "ok\n"] },
  { name: "exit inside a subshell does not end the session", lines: ["(exit 4)", "echo $?"], outputs: ["", "4\n"] },
  { name: "an unknown command is not found", lines: ["nope"], outputs: ["sh: nope: not found\n"] },
];

describe("interactive session", () => {
  it.each(cases)("$name", (c) => {
    const results = typeLines(c.lines);
    expect(results.map(out)).toEqual(c.outputs);
    expect(results.map((r) => r.incomplete)).toEqual(c.incomplete ?? c.lines.map(() => false));
    expect(results.every((r) => !r.exited)).toBe(true);
  });

  it("exit 3 ends the session with code 3, and later lines do nothing", () => {
    const [first, after] = typeLines(["exit 3", "echo no"]);
    expect(first.exited).toBe(true);
    expect(first.exitCode).toBe(3);
    expect(after.exited).toBe(true);
    expect(out(after)).toBe("");
  });

  it("exit without a number keeps the last status", () => {
    const [, end] = typeLines(["false", "exit"]);
    expect(end.exitCode).toBe(1);
  });

  it("a line that sleeps runs to its end on a local clock", () => {
    const [r] = typeLines(["echo a; sleep 2; echo b"]);
    expect(r.output).toEqual([
      { stream: "stdout", text: "a\n", at: TEST_EPOCH },
      { stream: "stdout", text: "b\n", at: TEST_EPOCH + 2000 },
    ]);
    expect(r.endedAt).toBe(TEST_EPOCH + 2000);
  });

  it("a line sleeping past the budget is abandoned with status 130 and the session goes on", () => {
    const host = testHost();
    const r = feedLine(startSession({}), "sleep 100", host, 5000);
    expect(r.timedOut).toBe(true);
    expect(r.status).toBe(130);
    const next = feedLine(r.state, "echo $?", host);
    expect(out(next)).toBe("130\n");
  });
});

describe("shellPrompt", () => {
  it.each([
    ["busybox", "/", "/ # "],
    ["busybox", "/tmp", "/tmp # "],
    ["busybox", "/root", "~ # "],
    ["busybox", "/root/x", "~/x # "],
    ["bash", "/", "root@web-0:/# "],
    ["bash", "/usr/share/nginx", "root@web-0:/usr/share/nginx# "],
    ["bash", "/root", "root@web-0:~# "],
    ["dash", "/tmp", "# "],
  ] as const)("%s in %s prints %j", (kind, cwd, want) => {
    expect(shellPrompt(kind, cwd, "web-0.web.default.svc.cluster.local")).toBe(want);
  });

  it("continuation prompt and bash's exit echo", () => {
    expect(CONTINUATION_PROMPT).toBe("> ");
    expect(exitEcho("bash")).toBe("exit\n");
    expect(exitEcho("busybox")).toBe("");
  });
});
