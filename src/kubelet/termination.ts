// Graceful termination of a pod being deleted: SIGTERM to each running container, which exits
// when its process does, or is killed (SIGKILL, exit 137) when the grace period runs out; then
// the final status and a grace-0 delete. Port of pkg/kubelet/kuberuntime/
// kuberuntime_container.go (killContainer) and the status manager's final delete
// (pkg/kubelet/status/status_manager.go, canBeDeleted → Delete with grace 0).
// A preStop hook (lifecycle-hooks.ts) runs before SIGTERM, out of the same grace period.

import type { KubeObject } from "../api/types";
import type { Instant } from "../sim/time";
import type { ContainerRecord } from "./runtime-record";
import type { ContainerEvent } from "./containers";

export const killingMessage = (name: string): string => `Stopping container ${name}`;

/**
 * How long a server started by its image's own entrypoint (nginx, httpd, redis, …) takes to
 * exit on SIGTERM. Long enough that `get pods` right after a delete shows Terminating.
 */
export const SIGTERM_EXIT_MS = 1000;

/** The kubelet never gives a container less than this to stop (minimum grace, 2s). */
const MIN_GRACE_MS = 2000;

/** Runs the container's preStop hook (if it has one) with this much time; what it did and when it ended. */
export type PreStopRunner = (rec: ContainerRecord, budgetMs: number) => { endedAt: number; error?: string; fs?: ContainerRecord["fs"] } | undefined;

export interface KillResult {
  readonly containers: ContainerRecord[];
  readonly events: ContainerEvent[];
  /** When the last running container will be gone; undefined when all are gone now. */
  readonly doneAt?: number;
}

/**
 * Sends SIGTERM to every running container that has not had it, and lets each exit at its
 * time. A command or args given in the pod spec run as PID 1 without signal handlers (`sleep
 * 3600`, `sh -c …`), so they ignore SIGTERM and is killed at the end of the grace period; an image's
 * own server exits on SIGTERM with 0, as nginx does.
 */
export function killContainers(pod: KubeObject, records: readonly ContainerRecord[], now: Instant, runPreStop?: PreStopRunner): KillResult {
  const events: ContainerEvent[] = [];
  const graceMs = Math.max((pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000, MIN_GRACE_MS);
  let doneAt: number | undefined;
  const containers = records.map((rec): ContainerRecord => {
    if (rec.startedAt === undefined || rec.finishedAt !== undefined) return rec;
    let stopping = rec;
    if (rec.stopRequestedAt === undefined) {
      events.push({ type: "Normal", reason: "Killing", message: killingMessage(rec.name), container: rec.name });
      const spec = specOf(pod, rec.name);
      const ignoresSigterm = Boolean(spec?.command?.length || spec?.args?.length);
      // The preStop hook runs first; SIGTERM follows it, within what is left of the grace period.
      const hook = runPreStop?.(rec, graceMs);
      if (hook?.error !== undefined) events.push({ type: "Warning", reason: "FailedPreStopHook", message: "PreStopHook failed", container: rec.name });
      const sigtermAt = Math.min(hook?.endedAt ?? now, now + graceMs);
      const left = Math.max(now + graceMs - sigtermAt, MIN_GRACE_MS);
      const exitsAt = sigtermAt + (ignoresSigterm ? left : Math.min(SIGTERM_EXIT_MS, left));
      stopping = { ...rec, ...(hook?.fs && { fs: hook.fs }), stopRequestedAt: now, exitsAt };
    }
    const exitsAt = stopping.exitsAt!;
    if (exitsAt > now) {
      doneAt = Math.max(doneAt ?? 0, exitsAt);
      return stopping;
    }
    const spec = specOf(pod, rec.name);
    const killed = Boolean(spec?.command?.length || spec?.args?.length) || exitsAt - stopping.stopRequestedAt! >= graceMs;
    return { ...stopping, finishedAt: exitsAt, exitCode: killed ? 137 : 0, reason: killed ? "Error" : "Completed" };
  });
  return { containers, events, doneAt };
}

function specOf(pod: KubeObject, name: string): { command?: string[]; args?: string[] } | undefined {
  return (pod.spec?.containers ?? []).find((c: { name: string }) => c.name === name);
}
