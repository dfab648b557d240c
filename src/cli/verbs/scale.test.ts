import { describe, expect, it } from "vitest";
import { harness, ok, fail } from "../../../test/cli-harness";


// Each case starts with deployment web (3 replicas), deployment api (1) and pod x.
const setup = async () => {
  const h = await harness();
  await h.run("create", "deployment", "web", "--image=nginx", "--replicas=3");
  await h.run("create", "deployment", "api", "--image=nginx");
  await h.run("run", "x", "--image=nginx");
  return h;
};

describe("kubectl scale", () => {
  const cases = [
    { name: "sets spec.replicas", args: ["deploy", "web", "--replicas=5"], want: ok("deployment.apps/web scaled\n") },
    { name: "takes --show-managed-fields (kubesim keeps none: nothing changes)", args: ["deploy", "web", "--replicas=5", "--show-managed-fields"], want: ok("deployment.apps/web scaled\n") },
    { name: "scales when the --current-replicas precondition holds", args: ["deploy/web", "--replicas=1", "--current-replicas=3"], want: ok("deployment.apps/web scaled\n") },
    { name: "refuses when the --current-replicas precondition fails", args: ["deploy/web", "--replicas=1", "--current-replicas=2"], want: fail("error: Expected replicas to be 2, was 3\n") },
    { name: "scales every deployment with --all", args: ["deploy", "--all", "--replicas=2"], want: ok("deployment.apps/api scaled\ndeployment.apps/web scaled\n") },
    { name: "scales what a selector matches", args: ["deploy", "-l", "app=api", "--replicas=2"], want: ok("deployment.apps/api scaled\n") },
    { name: "marks a client dry run", args: ["deploy", "web", "--replicas=2", "--dry-run=client"], want: ok("deployment.apps/web scaled (dry run)\n") },
    { name: "requires --replicas", args: ["deploy", "web"], want: fail('error: required flag(s) "replicas" not set\n') },
    { name: "refuses negative replicas", args: ["deploy", "web", "--replicas=-1"], want: fail("error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n") },
    { name: "has no scale subresource for pods", args: ["pod", "x", "--replicas=2"], want: fail("Error from server (NotFound): the server could not find the requested resource\n") },
    { name: "reports a missing object", args: ["deploy", "nope", "--replicas=2"], want: fail('Error from server (NotFound): deployments.apps "nope" not found\n') },
    { name: "reports the missing ones after scaling the others", args: ["deploy", "nope", "web", "--replicas=2"], want: { stdout: "deployment.apps/web scaled\n", stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', code: 1 } },
    { name: "says when a selector matched nothing", args: ["deploy", "-l", "app=zzz", "--replicas=2"], want: fail("error: no objects passed to scale\n") },
  ];
  it.each(cases)("$name", async ({ args, want }) => {
    const h = await setup();
    expect(await h.run("scale", ...args)).toEqual(want);
  });

  it("stores the new size and, with --timeout, waits until the replicas are there", async () => {
    const h = await setup();
    expect(await h.run("scale", "deploy/web", "--replicas=4", "--timeout=2m")).toEqual(ok("deployment.apps/web scaled\n"));
    expect((await h.run("get", "deploy", "web", "-o", "jsonpath={.spec.replicas}/{.status.replicas}")).stdout).toBe("4/4");
  });

  it("leaves the object alone on a client dry run", async () => {
    const h = await setup();
    await h.run("scale", "deploy/web", "--replicas=9", "--dry-run=client");
    expect((await h.run("get", "deploy", "web", "-o", "jsonpath={.spec.replicas}")).stdout).toBe("3");
  });
});
