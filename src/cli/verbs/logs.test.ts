import { describe, expect, it } from "vitest";
import { harness, ok, fail } from "../../../test/cli-harness";
import type { Harness, RunResult } from "../../../test/cli-harness";
import { HELLO_CRONJOB, failingJobRetrying } from "../../../test/builders/manifests";
import { noPodSelector } from "../../../test/builders/kubectl-words";


const TWO_CONTAINERS = `apiVersion: v1
kind: Pod
metadata:
  name: duo
spec:
  restartPolicy: Never
  containers:
  - name: first
    image: busybox
    command: ["sh", "-c", "echo one from first; sleep 3600"]
  - name: second
    image: busybox
    command: ["sh", "-c", "echo one from second; sleep 3600"]
`;

/** A pod `box` that prints hello at once and bye five seconds later, then exits (started at 00:00:01.560). */
async function boxCluster(): Promise<Harness> {
  const h = await harness();
  await h.run("run", "box", "--image=busybox", "--restart=Never", "--", "sh", "-c", "echo hello; sleep 5; echo bye");
  return h;
}

describe("kubectl logs of a finished pod", () => {
  const cases: { name: string; args: string[]; want: RunResult }[] = [
    { name: "prints every line the container wrote", args: ["box"], want: ok("hello\nbye\n") },
    { name: "accepts the pod/NAME form", args: ["pod/box"], want: ok("hello\nbye\n") },
    {
      name: "prefixes the runtime's nanosecond timestamps with --timestamps",
      args: ["box", "--timestamps"],
      want: ok("2025-01-01T00:00:01.560000000Z hello\n2025-01-01T00:00:06.560000000Z bye\n"),
    },
    { name: "keeps the last N lines with --tail", args: ["box", "--tail=1"], want: ok("bye\n") },
    { name: "prints nothing with --tail=0", args: ["box", "--tail=0"], want: ok("") },
    { name: "drops lines older than --since", args: ["box", "--since=5s"], want: ok("bye\n") },
    { name: "drops lines before --since-time", args: ["box", "--since-time=2025-01-01T00:00:02Z"], want: ok("bye\n") },
    { name: "names the source with --prefix", args: ["box", "--prefix"], want: ok("[pod/box/box] hello\n[pod/box/box] bye\n") },
    { name: "accepts the container as a second argument", args: ["box", "box"], want: ok("hello\nbye\n") },
    { name: "refuses an unknown container", args: ["box", "-c", "nope"], want: fail("error: container nope is not valid for pod box\n") },
    {
      name: "refuses --previous when the container never restarted",
      args: ["box", "--previous"],
      want: fail('Error from server (BadRequest): previous terminated container "box" in pod "box" not found\n'),
    },
    { name: "reports a missing pod as NotFound", args: ["nope"], want: fail('Error from server (NotFound): pods "nope" not found\n') },
    { name: "reports a missing deployment as NotFound", args: ["deploy/nope"], want: fail('Error from server (NotFound): deployments.apps "nope" not found\n') },
    {
      name: "refuses --since with --since-time",
      args: ["box", "--since=1s", "--since-time=2025-01-01T00:00:02Z"],
      want: fail("error: at most one of `sinceTime` or `sinceSeconds` may be specified\n"),
    },
    { name: "refuses a tail below -1", args: ["box", "--tail=-2"], want: fail("error: --tail must be greater than or equal to -1\n") },
    {
      name: "refuses --all-containers with a container name",
      args: ["box", "--all-containers", "-c", "box"],
      want: fail("error: --all-containers=true should not be specified with container name box\n"),
    },
    {
      name: "refuses a malformed --since-time",
      args: ["box", "--since-time=bad"],
      want: fail('error: parsing time "bad" as "2006-01-02T15:04:05Z07:00": cannot parse "bad" as "2006"\n'),
    },
    {
      name: "requires a pod or a selector",
      args: [],
      want: fail(
        "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
      ),
    },
    {
      name: "refuses a pod name together with a selector",
      args: ["box", "-l", "run=box"],
      want: fail("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n"),
    },
    { name: "says so on stderr when the selector matches no pod", args: ["-l", "app=none"], want: ok("", "No resources found in default namespace.\n") },
    { name: "reads the pods a selector matches", args: ["-l", "run=box", "--prefix"], want: ok("[pod/box/box] hello\n[pod/box/box] bye\n") },
  ];
  it.each(cases)("$name", async ({ args, want }) => {
    const h = await boxCluster();
    await h.run("sim", "advance", "10s");
    expect(await h.run("logs", ...args)).toEqual(want);
  });
});

describe("kubectl logs while containers start and run", () => {
  it("refuses a container that is still being created, with the kubelet's reason", async () => {
    const h = await boxCluster();
    expect(await h.run("logs", "box")).toEqual(fail('Error from server (BadRequest): container "box" in pod "box" is waiting to start: ContainerCreating\n'));
  });

  it("prints what was written so far while the container runs", async () => {
    const h = await boxCluster();
    await h.run("sim", "advance", "3s");
    expect(await h.run("logs", "box")).toEqual(ok("hello\n"));
  });

  it("follows with -f, advancing the clock until the container exits", async () => {
    const h = await boxCluster();
    await h.run("sim", "advance", "3s");
    expect(await h.run("logs", "-f", "box", "--timestamps")).toEqual(ok("2025-01-01T00:00:01.560000000Z hello\n2025-01-01T00:00:06.560000000Z bye\n"));
    expect((await h.run("sim", "status")).stdout).toMatch(/2025-01-01T00:00:0[6-9]Z/);
  });

  it("defaults to the first container of a multi-container pod and says so", async () => {
    const h = await harness();
    await h.run("apply", "-f", h.file("duo.yaml", TWO_CONTAINERS));
    await h.run("sim", "advance", "10s");
    expect(await h.run("logs", "duo")).toEqual(ok("one from first\n", 'Defaulted container "first" out of: first, second\n'));
    expect(await h.run("logs", "duo", "-c", "second")).toEqual(ok("one from second\n"));
    expect(await h.run("logs", "duo", "--all-containers", "--prefix")).toEqual(ok("[pod/duo/first] one from first\n[pod/duo/second] one from second\n"));
  });

  it("refuses to follow more streams than --max-log-requests allows", async () => {
    const h = await harness();
    await h.run("apply", "-f", h.file("duo.yaml", TWO_CONTAINERS));
    await h.run("sim", "advance", "10s");
    expect(await h.run("logs", "duo", "--all-containers", "-f", "--max-log-requests=1")).toEqual(
      fail("error: you are attempting to follow 2 log streams, but maximum allowed concurrency is 1, use --max-log-requests to increase the limit\n"),
    );
  });

  it("picks one pod of a deployment and names it on stderr", async () => {
    const h = await harness();
    await h.run("create", "deployment", "web", "--image=busybox", "--replicas=3", "--", "sh", "-c", "echo serving; sleep 3600");
    await h.run("sim", "advance", "30s");
    const pods = (await h.run("get", "pods", "-o", "name")).stdout.trim().split("\n");
    expect(pods).toHaveLength(3);
    expect(await h.run("logs", "deployment/web")).toEqual(ok("serving\n", `Found 3 pods, using ${pods[0]}\n`));
  });

  it("waits for a controller's first pod and gives up after --pod-running-timeout", async () => {
    const h = await harness();
    await h.run("create", "deployment", "web", "--image=busybox", "--replicas=0");
    expect(await h.run("logs", "deployment/web", "--pod-running-timeout=5s")).toEqual(fail("error: timed out waiting for the condition\n"));
  });
});

describe("kubectl logs of a Job or CronJob", () => {
  it("reads a Job's oldest failed pod rather than its retry being created, as ByLogging ranks Failed with Running", async () => {
    const h = await harness();
    await failingJobRetrying(h);
    const pods = (await h.run("get", "pods", "-o", "name")).stdout.trim().split("\n");
    expect(pods).toHaveLength(2);
    const oldest = (await h.run("get", "pods", "--sort-by=.metadata.creationTimestamp", "-o", "name")).stdout.split("\n")[0];
    expect(await h.run("logs", "job/fail")).toEqual(ok("failing\n", `Found 2 pods, using ${oldest}\n`));
  });

  it("refuses a CronJob, which has no pod selector, in logsforobject.go's words", async () => {
    const h = await harness();
    await h.run("apply", "-f", h.file("cj.yaml", HELLO_CRONJOB));
    expect(await h.run("logs", "cronjob/hello")).toEqual(fail(`error: cannot get the logs from *v1.CronJob: ${noPodSelector("*v1.CronJob")}\n`));
  });
});
