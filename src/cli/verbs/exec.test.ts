import { describe, expect, it } from "vitest";
import { harness, ok, fail } from "../../../test/cli-harness";
import type { Harness, RunResult } from "../../../test/cli-harness";
import { HELLO_CRONJOB, TWO_CONTAINERS, failingJobRetrying } from "../../../test/builders/manifests";
import { noPodSelector } from "../../../test/builders/kubectl-words";


/** A running pod `box` (busybox sleeping for an hour) and a two-container pod `duo`. */
async function running(): Promise<Harness> {
  const h = await harness();
  await h.run("run", "box", "--image=busybox", "--restart=Never", "--", "sh", "-c", "sleep 3600");
  await h.run("apply", "-f", h.file("duo.yaml", TWO_CONTAINERS));
  await h.run("sim", "advance", "10s");
  return h;
}

describe("kubectl exec", () => {
  const cases: { name: string; args: string[]; want: RunResult }[] = [
    { name: "prints the command's output", args: ["box", "--", "echo", "hi", "there"], want: ok("hi there\n") },
    { name: "runs a shell script", args: ["box", "--", "sh", "-c", "echo out; echo err >&2"], want: ok("out\n", "err\n") },
    { name: "exits with the command's status and says so", args: ["box", "--", "sh", "-c", "exit 3"], want: fail("command terminated with exit code 3\n", 3) },
    { name: "reports an unknown program as the shell does", args: ["box", "--", "sh", "-c", "nosuch"], want: fail("sh: nosuch: not found\ncommand terminated with exit code 127\n", 127) },
    {
      name: "warns that there is no terminal with -it and runs anyway",
      args: ["-it", "box", "--", "echo", "x"],
      want: ok("x\n", "Unable to use a TTY - input is not a terminal or the right kind of file\n"),
    },
    { name: "defaults to the first container and says so", args: ["duo", "--", "echo", "x"], want: ok("x\n", 'Defaulted container "first" out of: first, second\n') },
    { name: "keeps quiet about the default container with -q", args: ["-q", "duo", "--", "echo", "x"], want: ok("x\n") },
    { name: "runs in the container named with -c", args: ["duo", "-c", "second", "--", "echo", "x"], want: ok("x\n") },
    { name: "refuses an unknown container", args: ["duo", "-c", "nope", "--", "echo"], want: fail("error: container nope not found in pod duo\n") },
    { name: "reports a missing pod as NotFound", args: ["ghost", "--", "echo"], want: fail('Error from server (NotFound): pods "ghost" not found\n') },
    {
      name: "refuses the old form without --",
      args: ["box", "date"],
      want: fail("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n"),
    },
    { name: "requires a pod", args: ["--", "date"], want: fail("error: pod, type/name or --filename must be specified\n") },
    { name: "requires a command", args: ["box"], want: fail("error: you must specify at least one command for the container\n") },
  ];
  it.each(cases)("$name", async ({ args, want }) => {
    const h = await running();
    expect(await h.run("exec", ...args)).toEqual(want);
  });

  it("keeps the files a command writes for later commands", async () => {
    const h = await running();
    expect(await h.run("exec", "box", "--", "sh", "-c", "echo kept > /tmp/note")).toEqual(ok(""));
    expect(await h.run("exec", "box", "--", "cat", "/tmp/note")).toEqual(ok("kept\n"));
  });

  it("refuses a container that is not running yet", async () => {
    const h = await harness();
    await h.run("run", "box", "--image=busybox", "--restart=Never", "--", "sh", "-c", "sleep 3600");
    expect(await h.run("exec", "box", "--", "echo")).toEqual(fail('error: unable to upgrade connection: container not found ("box")\n'));
  });

  it("refuses a completed pod", async () => {
    const h = await harness();
    await h.run("run", "box", "--image=busybox", "--restart=Never", "--", "true");
    await h.run("sim", "advance", "10s");
    expect(await h.run("exec", "box", "--", "echo")).toEqual(fail("error: cannot exec into a container in a completed pod; current phase is Succeeded\n"));
  });

  it("runs in a pod of a deployment", async () => {
    const h = await harness();
    await h.run("create", "deployment", "web", "--image=busybox", "--replicas=2", "--", "sh", "-c", "sleep 3600");
    await h.run("sim", "advance", "30s");
    expect(await h.run("exec", "deploy/web", "--", "echo", "hi")).toEqual(ok("hi\n"));
  });
});

describe("kubectl exec TYPE/NAME of a Job or CronJob", () => {
  it("picks a Job's oldest pod when a failed pod and a pending retry tie, as ActivePods ranks Failed with Pending", async () => {
    const h = await harness();
    await failingJobRetrying(h);
    expect(await h.run("exec", "job/fail", "--", "echo")).toEqual(fail("error: cannot exec into a container in a completed pod; current phase is Failed\n"));
  });

  it("refuses a CronJob, which has no pod selector, in attachablePodForObject's words", async () => {
    const h = await harness();
    await h.run("apply", "-f", h.file("cj.yaml", HELLO_CRONJOB));
    expect(await h.run("exec", "cronjob/hello", "--", "ls")).toEqual(fail(`error: cannot attach to *v1.CronJob: ${noPodSelector("*v1.CronJob")}\n`));
  });
});

describe("kubectl exec -i", () => {
  const cases: { name: string; args: string[]; stdin: string; want: RunResult }[] = [
    { name: "runs a script piped into a shell", args: ["-i", "box", "--", "sh"], stdin: "echo hi; hostname\n", want: ok("hi\nbox\n") },
    { name: "ignores standard input without -i", args: ["box", "--", "sh"], stdin: "echo hi\n", want: ok("") },
    { name: "keeps a shell's own script", args: ["-i", "box", "--", "sh", "-c", "echo mine"], stdin: "echo piped\n", want: ok("mine\n") },
    { name: "ends with the script's exit status", args: ["-i", "box", "--", "sh"], stdin: "exit 5", want: fail("command terminated with exit code 5\n", 5) },
  ];
  it.each(cases)("$name", async ({ args, stdin, want }) => {
    const h = await running();
    expect(await h.runWith({ stdin }, "exec", ...args)).toEqual(want);
  });
});
