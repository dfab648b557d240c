import { describe, expect, it } from "vitest";
import { harness, ok, fail } from "../../../test/cli-harness";


// Each case starts with deployment web (nginx, 2 replicas) and pod x, just created (tick 0).
const setup = async () => {
  const h = await harness();
  await h.run("create", "deployment", "web", "--image=nginx", "--replicas=2");
  await h.run("run", "x", "--image=nginx");
  return h;
};

describe("kubectl wait", () => {
  const cases = [
    { name: "waits for a deployment to become Available", args: ["--for=condition=Available", "deploy/web"], want: ok("deployment.apps/web condition met\n") },
    { name: "waits for a pod to become Ready", args: ["--for=condition=Ready", "pod", "x"], want: ok("pod/x condition met\n") },
    { name: "compares condition values case-insensitively", args: ["--for=condition=ready=TRUE", "pod/x"], want: ok("pod/x condition met\n") },
    { name: "waits for a JSONPath value", args: ["--for=jsonpath={.status.phase}=Running", "pod/x"], want: ok("pod/x condition met\n") },
    { name: "waits for a JSONPath to exist", args: ["--for=jsonpath=.status.podIP", "pod/x"], want: ok("pod/x condition met\n") },
    { name: "waits on everything --all selects", args: ["--for=condition=Ready", "pods", "--all"], want: ok(expect.stringMatching(/^(pod\/\S+ condition met\n){3}$/) as unknown as string) },
    { name: "times out with the plural resource name", args: ["--for=condition=Foo", "deploy/web", "--timeout=10s"], want: fail("error: timed out waiting for the condition on deployments/web\n") },
    { name: "checks once with --timeout=0", args: ["--for=condition=Foo", "deploy/web", "--timeout=0"], want: fail("error: condition not met for deployments.apps/web\n") },
    { name: "reports a missing object", args: ["--for=condition=Ready", "pod/nope"], want: fail('Error from server (NotFound): pods "nope" not found\n') },
    { name: "counts a missing object as deleted", args: ["--for=delete", "pod/nope"], want: ok("") },
    { name: "says when a selector matched nothing", args: ["--for=condition=Ready", "pods", "-l", "app=zzz"], want: fail("error: no matching resources found\n") },
    { name: "rejects an unknown condition", args: ["--for=foo", "pod/x"], want: fail('error: unrecognized condition: "foo"\n') },
    { name: "rejects a JSONPath without a value after =", args: ["--for=jsonpath={.a}=", "pod/x"], want: fail("error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3\n") },
    { name: "returns at once for an existing object with --for=create", args: ["--for=create", "pod/x"], want: ok("pod/x condition met\n") },
    { name: "times out waiting for an object to be created", args: ["--for=create", "pod/later", "--timeout=5s"], want: fail("error: timed out waiting for the condition\n") },
  ];
  it.each(cases)("$name", async ({ args, want }) => {
    const h = await setup();
    expect(await h.run("wait", ...args)).toEqual(want);
  });

  it("waits for a pod deleted with --wait=false to go, advancing the clock by its grace period", async () => {
    const h = await setup();
    await h.run("wait", "--for=condition=Ready", "pod/x");
    expect(await h.run("delete", "pod", "x", "--wait=false")).toEqual(ok('pod "x" deleted\n'));
    expect(await h.run("wait", "--for=delete", "pod/x", "--timeout=60s")).toEqual(ok("pod/x condition met\n"));
    expect(await h.run("get", "pod", "x")).toEqual(fail('Error from server (NotFound): pods "x" not found\n'));
  });

  it("keeps the time a failed wait spent", async () => {
    const h = await setup();
    const before = (await h.run("sim", "status")).stdout.match(/Clock:\s+(\S+)/)![1];
    await h.run("wait", "--for=condition=Foo", "deploy/web", "--timeout=90s");
    const after = (await h.run("sim", "status")).stdout.match(/Clock:\s+(\S+)/)![1];
    expect([before, after]).toEqual(["2025-01-01T00:00:00Z", "2025-01-01T00:01:30Z"]);
  });
});
