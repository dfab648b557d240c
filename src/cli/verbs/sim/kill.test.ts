import { describe, expect, it } from "vitest";
import { fail, harness, ok } from "../../../../test/cli-harness";

/** Pod web (nginx + a busybox sidecar) and pod crashy, running after 30s. */
const setup = async () => {
  const h = await harness();
  const manifest = h.file(
    "web.yaml",
    `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx
  - name: side
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
`,
  );
  await h.run("apply", "-f", manifest);
  await h.run("run", "solo", "--image=nginx");
  await h.run("sim", "advance", "30s");
  return h;
};

const HINT = "See 'kubesim sim kill -h' for help and examples";

describe("kubesim sim kill", () => {
  const cases = [
    { name: "kills the only container of a pod with 137 by default", args: ["pod/solo"], want: ok("pod/solo container solo killed (exit code 137)\n") },
    { name: "takes a bare pod name", args: ["solo"], want: ok("pod/solo container solo killed (exit code 137)\n") },
    { name: "names the defaulted container when the pod has several", args: ["pod/web"], want: ok("pod/web container nginx killed (exit code 137)\n", 'Defaulted container "nginx" out of: nginx, side\n') },
    { name: "kills the container -c names with the exit code given", args: ["pod/web", "-c", "side", "--exit-code", "3"], want: ok("pod/web container side killed (exit code 3)\n") },
    { name: "reports a missing pod as the API does", args: ["pod/nope"], want: fail('Error from server (NotFound): pods "nope" not found\n') },
    { name: "reports a container the pod does not have", args: ["pod/web", "-c", "db"], want: fail("error: container db is not valid for pod web\n") },
    { name: "refuses other kinds", args: ["deployment/web"], want: fail(`error: sim kill works on pods, not "deployment": e.g. kubesim sim kill pod/web\n${HINT}\n`) },
    { name: "refuses an exit code out of range", args: ["pod/solo", "--exit-code", "256"], want: fail(`error: invalid --exit-code "256": expected a number from 0 to 255\n${HINT}\n`) },
    { name: "refuses a non-numeric exit code", args: ["pod/solo", "--exit-code", "x"], want: fail(`error: invalid --exit-code "x": expected a number from 0 to 255\n${HINT}\n`) },
    { name: "wants exactly one pod", args: [], want: fail(`error: expected exactly one pod, e.g. kubesim sim kill pod/web\n${HINT}\n`) },
  ];
  it.each(cases)("$name", async ({ args, want }) => {
    const h = await setup();
    expect(await h.run("sim", "kill", ...args)).toEqual(want);
  });

  it("the kubelet restarts the container at its next relist: RESTARTS goes up, Last State is Terminated", async () => {
    const h = await setup();
    await h.run("sim", "kill", "pod/web", "-c", "side", "--exit-code", "42");
    expect((await h.run("sim", "kill", "pod/web", "-c", "side")).stderr).toBe("error: container side in pod web is not running\n");
    await h.run("sim", "advance", "2s");
    const status = "{.status.containerStatuses[1].restartCount} {.status.containerStatuses[1].lastState.terminated.reason} {.status.containerStatuses[1].lastState.terminated.exitCode}";
    expect((await h.run("get", "pod", "web", "-o", `jsonpath=${status}`)).stdout).toBe("1 Error 42");
    expect((await h.run("get", "pod", "web", "-o", "jsonpath={.status.containerStatuses[0].restartCount}")).stdout).toBe("0");
  });
});
