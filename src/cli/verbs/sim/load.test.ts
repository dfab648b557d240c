import { describe, expect, it } from "vitest";
import { fail, harness, ok } from "../../../../test/cli-harness";

const setup = async () => {
  const h = await harness();
  await h.run("create", "deployment", "web", "--image=nginx", "--replicas=2");
  await h.run("run", "solo", "--image=nginx");
  await h.run("sim", "advance", "30s");
  return h;
};

const HINT = "See 'kubesim sim load -h' for help and examples";
const webPods = (h: Awaited<ReturnType<typeof setup>>) => h.run("get", "pods", "-l", "app=web", "-o", "name");

describe("kubesim sim load", () => {
  const cases = [
    { name: "loads a pod", args: ["pod/solo", "--cpu", "250m"], want: ok("pod/solo load set (cpu 250m)\n") },
    { name: "loads a bare pod name with cpu and memory", args: ["solo", "--cpu", "1", "--memory", "64Mi"], want: ok("pod/solo load set (cpu 1, memory 64Mi)\n") },
    { name: "needs --cpu or --memory", args: ["pod/solo"], want: fail(`error: at least one of --cpu or --memory is required\n${HINT}\n`) },
    { name: "refuses a bad quantity", args: ["pod/solo", "--cpu", "lots"], want: fail(`error: invalid --cpu "lots": expected a quantity such as 250m or 1.5\n${HINT}\n`) },
    { name: "refuses a negative quantity", args: ["pod/solo", "--memory", "-1Mi"], want: fail(`error: invalid --memory "-1Mi": expected a quantity such as 64Mi or 1Gi\n${HINT}\n`) },
    { name: "reports a missing deployment as the API does", args: ["deployment/nope", "--cpu", "1"], want: fail('Error from server (NotFound): deployments.apps "nope" not found\n') },
    { name: "reports a container the pod does not have", args: ["pod/solo", "-c", "x", "--cpu", "1"], want: fail("error: container x is not valid for pod solo\n") },
    { name: "refuses a kind without pods", args: ["service/kubernetes", "--cpu", "1"], want: fail(`error: sim load works on pods and workloads with pods, not services\n${HINT}\n`) },
    { name: "reports an unknown type as kubectl does", args: ["widget/x", "--cpu", "1"], want: fail('error: the server doesn\'t have a resource type "widget"\n') },
  ];
  it.each(cases)("$name", async ({ args, want }) => {
    const h = await setup();
    expect(await h.run("sim", "load", ...args)).toEqual(want);
  });

  it("loads every pod a deployment selects", async () => {
    const h = await setup();
    const names = (await webPods(h)).stdout.trim().split("\n");
    expect(names).toHaveLength(2);
    expect(await h.run("sim", "load", "deploy/web", "--cpu", "500m")).toEqual(ok(names.map((n) => `${n} load set (cpu 500m)\n`).join("")));
  });

  it("a memory load over the limit OOM-kills the container, which is restarted", async () => {
    const h = await setup();
    await h.run("set", "resources", "deployment/web", "--limits=memory=64Mi");
    await h.run("sim", "advance", "1m");
    const [pod] = (await webPods(h)).stdout.trim().split("\n");
    await h.run("sim", "load", pod, "--memory", "100Mi");
    const last = "{.status.containerStatuses[0].state.terminated.reason} {.status.containerStatuses[0].state.terminated.exitCode}";
    expect((await h.run("get", pod, "-o", `jsonpath=${last}`)).stdout).toBe("OOMKilled 137");
    await h.run("sim", "advance", "2s");
    const restarted = "{.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].lastState.terminated.reason}";
    expect((await h.run("get", pod, "-o", `jsonpath=${restarted}`)).stdout).toBe("1 OOMKilled");
  });
});
