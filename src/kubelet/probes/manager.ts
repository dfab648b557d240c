// The probe workers of one pod, run by its sync up to `now`. Port of
// pkg/kubelet/prober/prober_manager.go (AddPod: one worker per probe of each container;
// UpdatePodStatus: a container that starts triggers its readiness probe at once) with each
// worker's ticker replaced by the record's nextAt: the sync comes back at the earliest tick.
// Ticks due are taken in time order (startup before liveness before readiness at one instant),
// so a startup success opens the gate for the ticks after it.

import type { Instant } from "../../sim/time";
import { instant } from "../../sim/time";
import type { ContainerEvent } from "../containers";
import type { PodRuntime } from "../container-process";
import type { ContainerRecord } from "../runtime-record";
import type { ProbedContainerSpec } from "./context";
import { isRunning } from "./context";
import { requestProbeKill } from "./kill";
import { runProbe } from "./run-probe";
import type { ProbeSpec, ProbeType, ProbeWorkerRecord, ProbeWorkers } from "./types";
import { PROBE_FIELD } from "./types";
import { applyResult, isActive, newWorker, nextTickAfter } from "./worker";

/** Tie order at one instant. */
const ORDER: readonly ProbeType[] = ["startup", "liveness", "readiness"];
/** Ticks one sync takes for one container before it comes back (a guard, never hit in practice). */
const MAX_TICKS_PER_SYNC = 10_000;

export interface ProbesResult {
  readonly containers: ContainerRecord[];
  readonly events: ContainerEvent[];
  /** The earliest tick that can change something. */
  readonly wakeAt?: number;
}

const periodMs = (probe: ProbeSpec): number => Math.max(1, probe.periodSeconds ?? 10) * 1000;

/** The probes a container spec declares. */
export function probesOf(spec: ProbedContainerSpec): { type: ProbeType; probe: ProbeSpec }[] {
  return ORDER.flatMap((type) => (spec[PROBE_FIELD[type]] ? [{ type, probe: spec[PROBE_FIELD[type]]! }] : []));
}

/** isContainerStarted for a record: running, and its startup probe (if any) has succeeded. */
export function isStarted(spec: ProbedContainerSpec, rec: ContainerRecord | undefined): boolean {
  if (!rec || !isRunning(rec)) return false;
  return spec.startupProbe ? rec.probes?.startup?.result === "Success" : true;
}

/** UpdatePodStatus's ready: started, and its readiness probe (if any) has succeeded. */
export function isReady(spec: ProbedContainerSpec, rec: ContainerRecord | undefined): boolean {
  if (!isStarted(spec, rec)) return false;
  return spec.readinessProbe ? rec!.probes?.readiness?.result === "Success" : true;
}

export function runProbes(rt: PodRuntime, specs: readonly ProbedContainerSpec[], records: readonly ContainerRecord[], now: Instant): ProbesResult {
  const containers = [...records];
  const events: ContainerEvent[] = [];
  let wakeAt: number | undefined;
  for (let i = 0; i < containers.length; i++) {
    const spec = specs.find((s) => s.name === containers[i].name);
    if (!spec || !isRunning(containers[i]) || probesOf(spec).length === 0) continue;
    const done = probeContainer(rt, specs, containers, i, spec, now, events);
    if (done !== undefined) wakeAt = Math.min(wakeAt ?? done, done);
  }
  return { containers, events, ...(wakeAt !== undefined && { wakeAt }) };
}

/** Runs container i's due ticks (updating containers[i] in place); returns its next useful tick. */
function probeContainer(rt: PodRuntime, specs: readonly ProbedContainerSpec[], containers: ContainerRecord[], i: number, spec: ProbedContainerSpec, now: Instant, events: ContainerEvent[]): number | undefined {
  const declared = probesOf(spec);
  const startedAt = containers[i].startedAt!;
  const workers: { -readonly [T in ProbeType]?: ProbeWorkerRecord } = { ...containers[i].probes };
  for (const { type, probe } of declared) workers[type] ??= newWorker(type, probe, startedAt);
  const probeOf = (type: ProbeType) => declared.find((d) => d.type === type)!.probe;
  const started = () => (spec.startupProbe ? workers.startup!.result === "Success" : true);
  for (let n = 0; n < MAX_TICKS_PER_SYNC; n++) {
    const due = declared.filter(({ type }) => workers[type]!.nextAt <= now).sort((a, b) => workers[a.type]!.nextAt - workers[b.type]!.nextAt);
    if (due.length === 0) break;
    const { type, probe } = due[0];
    const worker = workers[type]!;
    const t = worker.nextAt;
    if (!isActive(type, worker, started())) {
      // Nothing to do until the gate can open: skip the idle ticks in one step.
      workers[type] = { ...worker, nextAt: nextTickAfter(worker, periodMs(probe), skipUntil(type, workers, now)) };
      continue;
    }
    const ctx = { rt, specs, containers, record: containers[i], spec, now: instant(t) };
    const run = runProbe(ctx, type, probe);
    events.push(...run.events);
    if (run.fs) containers[i] = { ...containers[i], fs: run.fs };
    const wasStarted = started();
    const tick = applyResult(type, probe, worker, run.result);
    workers[type] = { ...tick.worker, nextAt: t + periodMs(probe) };
    if (tick.kill && (type === "liveness" || type === "startup")) {
      const killed = requestProbeKill(rt.pod, spec, probe, type, containers[i], t);
      containers[i] = killed.record;
      events.push(killed.event);
    }
    if (!wasStarted && started() && workers.readiness && workers.readiness.result !== "Success") {
      // The container just started: UpdatePodStatus triggers its readiness probe at once.
      const earliest = startedAt + (probeOf("readiness").initialDelaySeconds ?? 0) * 1000;
      workers.readiness = { ...workers.readiness, nextAt: Math.max(t, earliest) };
    }
  }
  containers[i] = { ...containers[i], probes: workers as ProbeWorkers };
  const active = declared.filter(({ type }) => isActive(type, workers[type]!, started())).map(({ type }) => workers[type]!.nextAt);
  // A container being killed comes back when it exits.
  if (containers[i].stopExitCode !== undefined && containers[i].exitsAt !== undefined) active.push(containers[i].exitsAt!);
  return active.length === 0 ? undefined : Math.min(...active);
}

/** A gated worker's ticks are idle until the startup probe's next tick, or after now when nothing can open its gate. */
function skipUntil(type: ProbeType, workers: ProbeWorkers, now: number): number {
  const startup = workers.startup;
  if (type !== "startup" && startup && !startup.onHold && startup.result !== "Success" && startup.nextAt <= now) return startup.nextAt - 1;
  return now;
}
