// `kubectl exec -it POD -- sh` at a terminal: the prompt, each typed line run in the container,
// the shell's variables and directory kept between lines, files it writes kept after it ends.

import { describe, expect, it } from "vitest";
import { harness, ok } from "../../../test/cli-harness";
import type { Harness, RunResult } from "../../../test/cli-harness";

async function running(): Promise<Harness> {
  const h = await harness();
  await h.run("run", "box", "--image=busybox", "--restart=Never", "--", "sh", "-c", "sleep 3600");
  await h.run("run", "web", "--image=nginx");
  await h.run("sim", "advance", "10s");
  return h;
}

describe("kubectl exec -it: an interactive shell", () => {
  const cases: { name: string; pod?: string; command?: string[]; typed: string[]; want: RunResult }[] = [
    {
      name: "busybox sh prompts with its directory and runs each line",
      typed: ["echo hello", "cd /tmp", "pwd", "exit"],
      want: ok("/ # hello\n/ # /tmp # /tmp\n/tmp # "),
    },
    {
      name: "keeps variables between lines",
      typed: ["X=42", "echo $X"],
      want: ok("/ # / # 42\n/ # \n"),
    },
    {
      name: "waits for the rest of an open construct behind the continuation prompt",
      typed: ["for i in 1 2; do", "echo $i", "done", "exit"],
      want: ok("/ # > > 1\n2\n/ # "),
    },
    {
      name: "passes the exit code of `exit N` through, as kubectl does",
      typed: ["exit 3"],
      want: { stdout: "/ # ", stderr: "command terminated with exit code 3\n", code: 3 },
    },
    {
      name: "ends at end of input with the last command's status",
      typed: ["false"],
      want: { stdout: "/ # / # \n", stderr: "command terminated with exit code 1\n", code: 1 },
    },
    {
      name: "reports a syntax error and goes on",
      typed: ["fi", "echo after"],
      want: { stdout: "/ # / # after\n/ # \n", stderr: "sh: syntax error: unexpected \"fi\"\n", code: 0 },
    },
    {
      name: "debian's sh (dash) in the nginx image prompts with #",
      pod: "web",
      typed: ["echo $NGINX_VERSION", "exit"],
      want: ok("# 1.29.1\n# "),
    },
    {
      name: "bash prompts as root@HOST and echoes exit",
      pod: "web",
      command: ["bash"],
      typed: ["cd /etc", "exit"],
      want: ok("root@web:/# root@web:/etc# exit\n"),
    },
  ];
  it.each(cases)("$name", async ({ pod, command, typed, want }) => {
    const h = await running();
    expect(await h.runWith({ typed }, "exec", "-it", pod ?? "box", "--", ...(command ?? ["sh"]))).toEqual(want);
  });

  it("keeps the files the session wrote, for later commands", async () => {
    const h = await running();
    await h.runWith({ typed: ["echo kept > /tmp/note", "exit"] }, "exec", "-it", "box", "--", "sh");
    expect(await h.run("exec", "box", "--", "cat", "/tmp/note")).toEqual(ok("kept\n"));
  });

  it("lets the clock stand still between typed lines", async () => {
    const h = await running();
    const before = (await h.run("sim", "status")).stdout;
    await h.runWith({ typed: ["true", "true", "exit"] }, "exec", "-it", "box", "--", "sh");
    expect((await h.run("sim", "status")).stdout).toBe(before);
  });
});
