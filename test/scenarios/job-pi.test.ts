// Scenario: the Kubernetes docs' canonical Job (concepts/workloads/controllers/job) runs
// `perl -Mbignum=bpi -wle 'print bpi(2000)'` in perl:5.34.0: its pod pulls the image (≈ 10 s),
// computes for ≈ 4 s, prints π to 2000 digits and completes, and `kubectl logs` shows the digits.

import { describe, expect, it } from "vitest";
import { harness, ok } from "../cli-harness";

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl",  "-Mbignum=bpi", "-wle", "print bpi(2000)"]
      restartPolicy: Never
  backoffLimit: 4
`;

const PHASE = "jsonpath={.items[0].status.phase} {.items[0].status.containerStatuses[0].state.terminated.reason} {.items[0].status.containerStatuses[0].state.terminated.exitCode}";

describe("the Job docs' pi example", () => {
  it("computes π to 2000 digits: the pod Completes and its logs hold the digits", async () => {
    const h = await harness();
    expect(await h.run("apply", "-f", h.file("job.yaml", JOB))).toEqual(ok("job.batch/pi created\n"));

    // Pulled at ≈ 11 s, still computing at 13 s: running, nothing printed yet.
    expect((await h.run("sim", "advance", "13s")).code).toBe(0);
    expect(await h.run("get", "pods", "-l", "job-name=pi", "-o", PHASE)).toEqual(ok("Running  "));
    expect(await h.run("logs", "job/pi")).toEqual(ok(""));

    expect((await h.run("sim", "advance", "17s")).code).toBe(0);
    expect(await h.run("get", "pods", "-l", "job-name=pi", "-o", PHASE)).toEqual(ok("Succeeded Completed 0"));
    expect((await h.run("get", "pods", "-l", "job-name=pi")).stdout).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\npi-\w{5} +0\/1 +Completed +0 +30s\n$/);
    expect((await h.run("get", "job", "pi")).stdout).toMatch(/\npi +Complete +1\/1 +15s +30s\n$/);

    const logs = await h.run("logs", "job/pi");
    expect(logs.code).toBe(0);
    expect(logs.stdout).toMatch(/^3\.1415926535897932384626433832795028841971693993751058209749445923078164062862089986280348253421170679\d{1899}\n$/);
    expect(logs.stdout.slice(-11)).toBe("4780275901\n");
  });
});
