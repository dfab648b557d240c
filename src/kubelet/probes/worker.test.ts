import { describe, expect, it } from "vitest";
import type { ProbeSpec, ProbeType, ProbeWorkerRecord } from "./types";
import { applyResult, isActive, newWorker, nextTickAfter } from "./worker";

type R = "Success" | "Failure";

/** Folds a run of results into a fresh worker; returns the results manager's value after each, and kills. */
function fold(type: ProbeType, probe: ProbeSpec, results: (R | undefined)[]): string[] {
  let w: ProbeWorkerRecord = newWorker(type, probe, 0);
  return results.map((r) => {
    const t = applyResult(type, probe, w, r);
    w = t.worker;
    return `${w.result}${t.kill ? " kill" : ""}${w.onHold ? " hold" : ""}`;
  });
}

describe("applyResult: thresholds", () => {
  const cases: { name: string; type: ProbeType; probe: ProbeSpec; results: (R | undefined)[]; want: string[] }[] = [
    {
      name: "liveness stays Success until failureThreshold failures in a row, then kills and holds",
      type: "liveness",
      probe: { failureThreshold: 3 },
      results: ["Success", "Failure", "Failure", "Failure"],
      want: ["Success", "Success", "Success", "Failure kill hold"],
    },
    { name: "a success in between restarts the failure count", type: "liveness", probe: { failureThreshold: 2 }, results: ["Failure", "Success", "Failure", "Failure"], want: ["Success", "Success", "Success", "Failure kill hold"] },
    { name: "failureThreshold 1 kills on the first failure", type: "liveness", probe: { failureThreshold: 1 }, results: ["Failure"], want: ["Failure kill hold"] },
    { name: "an errored probe changes nothing", type: "liveness", probe: { failureThreshold: 2 }, results: ["Failure", undefined, "Failure"], want: ["Success", "Success", "Failure kill hold"] },
    { name: "readiness starts as Failure and becomes Success after one success by default", type: "readiness", probe: {}, results: [undefined, "Success"], want: ["Failure", "Success"] },
    {
      name: "readiness needs successThreshold successes in a row to become ready again",
      type: "readiness",
      probe: { successThreshold: 2, failureThreshold: 1 },
      results: ["Success", "Success", "Failure", "Success", "Failure", "Success", "Success"],
      want: ["Failure", "Success", "Failure", "Failure", "Failure", "Failure", "Success"],
    },
    { name: "readiness failing at the threshold never kills", type: "readiness", probe: { failureThreshold: 2 }, results: ["Success", "Failure", "Failure"], want: ["Success", "Success", "Failure"] },
    { name: "startup is Unknown until its first success", type: "startup", probe: { failureThreshold: 3 }, results: ["Failure", "Failure", "Success"], want: ["Unknown", "Unknown", "Success"] },
    { name: "startup failing failureThreshold times kills", type: "startup", probe: { failureThreshold: 2 }, results: ["Failure", "Failure"], want: ["Unknown", "Failure kill hold"] },
  ];
  it.each(cases)("$name", ({ type, probe, results, want }) => {
    expect(fold(type, probe, results)).toEqual(want);
  });
});

describe("worker scheduling and gating", () => {
  it.each([
    { name: "the first tick is at startedAt + initialDelaySeconds", probe: { initialDelaySeconds: 5 }, want: 1005_000 },
    { name: "without initialDelaySeconds the first tick is at the start", probe: {}, want: 1000_000 },
  ])("$name", ({ probe, want }) => {
    expect(newWorker("liveness", probe, 1000_000).nextAt).toBe(want);
  });

  it.each([
    { name: "a tick still ahead stays", nextAt: 50, after: 40, want: 50 },
    { name: "a tick at `after` moves one period on", nextAt: 50, after: 50, want: 60 },
    { name: "ticks skipped over keep their phase", nextAt: 50, after: 95, want: 100 },
  ])("nextTickAfter: $name", ({ nextAt, after, want }) => {
    expect(nextTickAfter({ nextAt, result: "Success", resultRun: 0 }, 10, after)).toBe(want);
  });

  const w: ProbeWorkerRecord = { nextAt: 0, result: "Unknown", resultRun: 0 };
  it.each([
    { name: "startup probes until the container has started", type: "startup" as const, started: false, want: true },
    { name: "startup stops once the container has started", type: "startup" as const, started: true, want: false },
    { name: "liveness waits for the startup probe", type: "liveness" as const, started: false, want: false },
    { name: "readiness runs once started", type: "readiness" as const, started: true, want: true },
  ])("isActive: $name", ({ type, started, want }) => {
    expect(isActive(type, w, started)).toBe(want);
  });

  it("isActive: a worker on hold never probes", () => {
    expect(isActive("liveness", { ...w, onHold: true }, true)).toBe(false);
  });
});
