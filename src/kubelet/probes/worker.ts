// One tick of one probe worker. Port of pkg/kubelet/prober/worker.go (doProbe, v1.32): a
// worker on hold waits for a new container instance; startup gates liveness and readiness
// until it succeeds, and stops once it has; a result changes the results manager only after
// failureThreshold (or successThreshold) equal results in a row; a liveness or startup failure
// puts the worker on hold and asks for the container to be killed.

import type { ProbeResult, ProbeSpec, ProbeType, ProbeWorkerRecord } from "./types";
import { INITIAL_RESULT } from "./types";

/** newWorker + the first result set for a new container: the first tick is at startedAt + initialDelaySeconds. */
export function newWorker(type: ProbeType, probe: ProbeSpec, startedAt: number): ProbeWorkerRecord {
  return { nextAt: startedAt + (probe.initialDelaySeconds ?? 0) * 1000, result: INITIAL_RESULT[type], resultRun: 0 };
}

/** Whether a tick of this worker would probe (not on hold, and not gated by the startup probe). */
export function isActive(type: ProbeType, worker: ProbeWorkerRecord, started: boolean): boolean {
  if (worker.onHold) return false;
  // Startup stops probing once the container has started; the others wait for it.
  return type === "startup" ? !started : started;
}

export interface TickResult {
  readonly worker: ProbeWorkerRecord;
  /** The results manager now says Failure for a liveness/startup probe: kill the container. */
  readonly kill: boolean;
}

/**
 * Folds one probe result into the worker (the tail of doProbe). `result` undefined means the
 * probe errored: the result is thrown away. The caller schedules the next tick.
 * @example applyResult("liveness", { failureThreshold: 3 }, { nextAt: 0, result: "Success", lastResult: "Failure", resultRun: 2 }, "Failure").kill // true
 */
export function applyResult(type: ProbeType, probe: ProbeSpec, worker: ProbeWorkerRecord, result: "Success" | "Failure" | undefined): TickResult {
  if (result === undefined) return { worker, kill: false };
  const resultRun = worker.lastResult === result ? worker.resultRun + 1 : 1;
  const run: ProbeWorkerRecord = { ...worker, lastResult: result, resultRun };
  const threshold = result === "Failure" ? (probe.failureThreshold ?? 3) : (probe.successThreshold ?? 1);
  // Below the threshold the results manager keeps its value.
  if (resultRun < threshold) return { worker: run, kill: false };
  const set: ProbeWorkerRecord = { ...run, result: result as ProbeResult };
  if (result === "Failure" && (type === "liveness" || type === "startup")) {
    // Stop probing until a new container instance, and never re-trigger the restart (resultRun 0).
    return { worker: { ...set, onHold: true, resultRun: 0 }, kill: true };
  }
  return { worker: set, kill: false };
}

/** The worker's first tick after `after` on its own phase (ticks are nextAt + k·period). */
export function nextTickAfter(worker: ProbeWorkerRecord, periodMs: number, after: number): number {
  if (worker.nextAt > after) return worker.nextAt;
  return worker.nextAt + (Math.floor((after - worker.nextAt) / periodMs) + 1) * periodMs;
}
