import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { startProcess } from "../../runtime/shell/process";
import type { ContainerRecord } from "../runtime-record";
import { finishStop, requestProbeKill } from "./kill";

const pod = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec });
const shell: ContainerRecord = { name: "c", startedAt: 0, process: startProcess(["sh", "-c", "sleep 600"], {}) };
const model: ContainerRecord = { name: "c", startedAt: 0, ports: [8080] };

describe("requestProbeKill", () => {
  const cases = [
    { name: "a shell ignores SIGTERM and is SIGKILLed when the pod's grace period ends", pod: { terminationGracePeriodSeconds: 30 }, probe: {}, rec: shell, image: "busybox", want: "exitsAt=30000 code=137" },
    { name: "the probe's own terminationGracePeriodSeconds wins over the pod's", pod: { terminationGracePeriodSeconds: 30 }, probe: { terminationGracePeriodSeconds: 5 }, rec: shell, image: "busybox", want: "exitsAt=5000 code=137" },
    { name: "the grace period is never under 2s", pod: { terminationGracePeriodSeconds: 0 }, probe: {}, rec: shell, image: "busybox", want: "exitsAt=2000 code=137" },
    { name: "a Go server as PID 1 exits 2 on SIGTERM", pod: {}, probe: {}, rec: model, image: "registry.k8s.io/e2e-test-images/agnhost:2.40", want: "exitsAt=1000 code=2" },
    { name: "nginx exits 0 on SIGTERM", pod: {}, probe: {}, rec: model, image: "nginx", want: "exitsAt=1000 code=0" },
  ];
  it.each(cases)("$name", ({ pod: spec, probe, rec, image, want }) => {
    const { record } = requestProbeKill(pod(spec), { name: "c", image }, probe, "liveness", rec, 0);
    expect(`exitsAt=${record.exitsAt} code=${record.stopExitCode}`).toBe(want);
  });

  it.each([
    { name: "says the container will be restarted unless restartPolicy is Never", policy: "Always", type: "liveness" as const, want: "Container c failed liveness probe, will be restarted" },
    { name: "says only that it failed under restartPolicy Never", policy: "Never", type: "startup" as const, want: "Container c failed startup probe" },
  ])("the Killing event $name", ({ policy, type, want }) => {
    expect(requestProbeKill(pod({ restartPolicy: policy }), { name: "c" }, {}, type, shell, 0).event).toEqual({ type: "Normal", reason: "Killing", message: want, container: "c" });
  });
});

describe("finishStop", () => {
  const stopping: ContainerRecord = { ...shell, stopRequestedAt: 0, exitsAt: 30_000, stopExitCode: 137 };
  it.each([
    { name: "keeps the container running before exitsAt", now: 29_999, want: "running" },
    { name: "ends it at exitsAt with the chosen status, dated exitsAt", now: 45_000, want: "finished=30000 137 Error" },
  ])("$name", ({ now, want }) => {
    const r = finishStop(stopping, now);
    expect(r.finishedAt === undefined ? "running" : `finished=${r.finishedAt} ${r.exitCode} ${r.reason}`).toBe(want);
  });

  it("leaves a container that is not being stopped alone", () => {
    expect(finishStop(shell, 1e9)).toBe(shell);
  });
});
