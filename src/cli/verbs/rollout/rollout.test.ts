import { describe, expect, it } from "vitest";
import { harness, ok } from "../../../../test/cli-harness";

const fail = (stderr: string, stdout = "") => ({ stdout, stderr, code: 1 });

const V2 = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
  annotations: {kubernetes.io/change-cause: to 1.16.1}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: "nginx:1.16.1"}]
`;

/** Deployment web (3 replicas) rolled out at revision 1, then (with `twoRevisions`) at revision 2. */
async function setup(twoRevisions = false) {
  const h = await harness();
  await h.run("create", "deployment", "web", "--image=nginx:1.14.2", "--replicas=3");
  await h.run("rollout", "status", "deployment/web");
  if (twoRevisions) {
    await h.runWith({ stdin: V2 }, "apply", "-f", "-");
    await h.run("rollout", "status", "deployment/web");
  }
  return h;
}

describe("kubectl rollout status", () => {
  it("prints every status line as the rollout progresses, then the success line", async () => {
    const h = await setup();
    await h.runWith({ stdin: V2 }, "apply", "-f", "-");
    expect(await h.run("rollout", "status", "deployment", "web")).toEqual(
      ok(
        [
          "1 out of 3 new replicas have been updated...",
          "1 out of 3 new replicas have been updated...",
          "2 out of 3 new replicas have been updated...",
          "2 out of 3 new replicas have been updated...",
          "1 old replicas are pending termination...",
          "1 old replicas are pending termination...",
        ]
          .map((s) => `Waiting for deployment "web" rollout to finish: ${s}\n`)
          .join("") + 'deployment "web" successfully rolled out\n',
      ),
    );
  });

  it.each([
    { name: "prints one line with --watch=false", args: ["--watch=false"], want: ok('Waiting for deployment "web" rollout to finish: 0 out of 3 new replicas have been updated...\n') },
    {
      name: "times out on a paused deployment with a pending template",
      args: ["--timeout=20s"],
      want: fail("error: timed out waiting for the condition\n", 'Waiting for deployment "web" rollout to finish: 0 out of 3 new replicas have been updated...\n'),
    },
  ])("$name", async ({ args, want }) => {
    const h = await setup();
    await h.run("rollout", "pause", "deployment/web");
    await h.runWith({ stdin: V2 }, "apply", "-f", "-");
    expect(await h.run("rollout", "status", "deployment/web", ...args)).toEqual(want);
  });

  it("saves the clock a timed-out watch advanced", async () => {
    const h = await setup();
    await h.run("rollout", "pause", "deployment/web");
    await h.runWith({ stdin: V2 }, "apply", "-f", "-");
    const before = (await h.run("sim", "status")).stdout.match(/Clock: +(\S+)/)![1];
    await h.run("rollout", "status", "deployment/web", "--timeout=20s");
    const after = (await h.run("sim", "status")).stdout.match(/Clock: +(\S+)/)![1];
    expect(Date.parse(after) - Date.parse(before)).toBe(20_000);
  });

  it.each([
    { name: "requires a resource", args: [], want: fail("error: required resource not specified\n") },
    { name: "rejects a negative revision", args: ["deploy/web", "--revision=-2"], want: fail("error: revision must be a positive integer: -2\n") },
    { name: "rejects a revision that is not running", args: ["deploy/web", "--revision=4"], want: fail("error: desired revision (4) is different from the running revision (1)\n") },
    { name: "has no viewer for pods", args: ["pod/x"], want: fail("error: no status viewer has been implemented for Pod\n") },
    { name: "has no viewer for replica sets", args: ["rs", "-l", "app=web"], want: fail("error: no status viewer has been implemented for ReplicaSet.apps\n") },
    { name: "watches only one object", args: ["deploy"], want: fail("error: rollout status is only supported on individual resources and resource collections - 2 resources were found\n") },
    { name: "says when a selector matched nothing", args: ["deploy", "-l", "app=none"], want: { stdout: "", stderr: "No resources found in default namespace.\n", code: 0 } },
  ])("$name", async ({ args, want }) => {
    const h = await setup();
    await h.run("run", "x", "--image=nginx");
    await h.run("create", "deployment", "api", "--image=nginx");
    expect(await h.run("rollout", "status", ...args)).toEqual(want);
  });
});

describe("kubectl rollout history and undo", () => {
  it("prints the revision table with a trailing space after the name and a final blank line", async () => {
    const h = await setup(true);
    expect(await h.run("rollout", "history", "deployment/web")).toEqual(ok("deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         to 1.16.1\n\n"));
  });

  it("prints one revision's template with literal tabs", async () => {
    const h = await setup(true);
    const r = await h.run("rollout", "history", "deployment/web", "--revision=2");
    expect(r.stdout.split("\n").slice(0, 5)).toEqual([
      "deployment.apps/web with revision #2",
      "Pod Template:",
      "  Labels:\tapp=web",
      expect.stringMatching(/^\tpod-template-hash=[a-z0-9]+$/),
      "  Annotations:\tkubernetes.io/change-cause: to 1.16.1",
    ]);
  });

  it("rolls back to the previous revision, which the controller renumbers", async () => {
    const h = await setup(true);
    expect(await h.run("rollout", "undo", "deployment/web")).toEqual(ok("deployment.apps/web rolled back\n"));
    await h.run("rollout", "status", "deployment/web");
    expect((await h.run("rollout", "history", "deployment/web")).stdout).toBe("deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         to 1.16.1\n3         <none>\n\n");
    expect((await h.run("get", "deploy", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image}")).stdout).toBe("nginx:1.14.2");
  });

  it.each([
    { name: "skips a rollback to the current template", args: ["--to-revision=2"], want: ok("deployment.apps/web skipped rollback (current template already matches revision 2)\n") },
    { name: "marks a server dry run and changes nothing", args: ["--dry-run=server"], want: ok("deployment.apps/web rolled back (server dry run)\n") },
    { name: "reports an unknown revision", args: ["--to-revision=7"], want: fail("error: unable to find specified revision 7 in history\n") },
  ])("$name", async ({ args, want }) => {
    const h = await setup(true);
    expect(await h.run("rollout", "undo", "deployment/web", ...args)).toEqual(want);
    expect((await h.run("get", "deploy", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image}")).stdout).toBe("nginx:1.16.1");
  });

  it("previews the template a client dry run would restore", async () => {
    const h = await setup(true);
    const r = await h.run("rollout", "undo", "deploy/web", "--dry-run=client");
    expect(r.stdout).toMatch(/^deployment\.apps\/web Pod Template:\n {2}Labels:\tapp=web\n/);
    expect(r.stdout).toContain("    Image:\tnginx:1.14.2\n");
    expect(r.stdout.endsWith("  Tolerations:\t<none>\n (dry run)\n")).toBe(true);
  });

  it.each([
    { name: "history reports a missing revision", args: ["history", "deploy/web", "--revision=9"], want: fail("error: unable to find the specified revision\n") },
    { name: "history has no viewer for replica sets", args: ["history", "rs", "-l", "app=web"], want: fail('error: no history viewer has been implemented for "ReplicaSet.apps"\n') },
    { name: "undo has nothing before the first revision", args: ["undo", "deploy/web"], want: fail('error: no rollout history found for deployment "web"\n') },
    { name: "undo has no rollbacker for services", args: ["undo", "svc/kubernetes"], want: fail('error: error retrieving rollbacker for "Service", no visitor method exists for { Service}\n') },
  ])("$name", async ({ args, want }) => {
    const h = await setup();
    expect(await h.run("rollout", ...args)).toEqual(want);
  });
});

describe("kubectl rollout pause, resume and restart", () => {
  it.each([
    { name: "pauses", cmds: [["pause", "deployment/web"]], want: ok("deployment.apps/web paused\n") },
    { name: "refuses to pause twice", cmds: [["pause", "deployment/web"], ["pause", "deployment/web"]], want: fail('error: deployments.apps "web" is already paused\n') },
    { name: "resumes", cmds: [["pause", "deployment/web"], ["resume", "deployment/web"]], want: ok("deployment.apps/web resumed\n") },
    { name: "refuses to resume a running deployment", cmds: [["resume", "deployment/web"]], want: fail('error: deployments.apps "web" is not paused\n') },
    { name: "restarts", cmds: [["restart", "deployment/web"]], want: ok("deployment.apps/web restarted\n") },
    {
      name: "refuses to restart a paused deployment",
      cmds: [["pause", "deployment/web"], ["restart", "deployment/web"]],
      want: fail('error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n'),
    },
    {
      name: "refuses a second restart within the same second",
      cmds: [["restart", "deployment/web"], ["restart", "deployment/web"]],
      want: fail("error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n"),
    },
    {
      name: "refuses a paused deployment's undo",
      cmds: [["pause", "deployment/web"], ["undo", "deployment/web", "--to-revision=1"]],
      want: fail("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n"),
    },
    { name: "prints the object with -o name", cmds: [["pause", "deployment/web", "-o", "name"]], want: ok("deployment.apps/web\n") },
    {
      name: "lists each refusal of several objects on its own line",
      cmds: [["resume", "deployment", "-l", "app"]],
      want: fail('error: deployments.apps "api" is not paused\nerror: deployments.apps "web" is not paused\n'),
    },
    { name: "refuses other kinds", cmds: [["pause", "svc/kubernetes"]], want: fail('error: services "kubernetes" pausing is not supported\n') },
  ])("$name", async ({ cmds, want }) => {
    const h = await setup();
    await h.run("create", "deployment", "api", "--image=nginx");
    let last;
    for (const c of cmds) last = await h.run("rollout", ...c);
    expect(last).toEqual(want);
  });

  it("keeps the objects it paused when another one is missing", async () => {
    const h = await setup();
    expect(await h.run("rollout", "pause", "deploy/web", "deploy/nope")).toEqual(fail('Error from server (NotFound): deployments.apps "nope" not found\n', "deployment.apps/web paused\n"));
    expect((await h.run("get", "deploy", "web", "-o", "jsonpath={.spec.paused}")).stdout).toBe("true");
  });

  it("stamps the template with the simulated time on restart", async () => {
    const h = await setup();
    await h.run("rollout", "restart", "deploy/web");
    const stamp = (await h.run("get", "deploy", "web", "-o", "jsonpath={.spec.template.metadata.annotations}")).stdout;
    expect(JSON.parse(stamp)).toEqual({ "kubectl.kubernetes.io/restartedAt": expect.stringMatching(/^2025-01-01T00:00:0\dZ$/) });
  });
});

describe("kubectl rollout", () => {
  it("prints its sub-commands and exits 1 without one", async () => {
    const h = await harness();
    const r = await h.run("rollout");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Available Commands:\n  history       View rollout history\n  pause         Mark the provided resource as paused\n");
  });
});
