// OOM kills: a running container whose memory use goes over its memory limit is killed by the
// kernel's cgroup OOM killer, and the runtime reports it as Terminated, reason OOMKilled, exit
// code 137 (128 + SIGKILL). The kubelet then restarts it per restartPolicy with the crash-loop
// back-off like any other exit. Port in spirit of the CRI's OOM reporting (containerd's
// TaskOOM → reason "OOMKilled", pkg/kubelet/kuberuntime/kuberuntime_container.go toKubeContainerStatus)
// for the docs' "Assign Memory Resources to Containers and Pods" task.
//
// Memory use comes from two places: what the image's program allocates (stress --vm-bytes,
// runtime/images/memory.ts) and what `sim load --memory` set (PodRecord.usage). Only the
// container's own limit is enforced here; node-pressure eviction is another matter.

import type { Instant } from "../sim/time";
import { wholeValue } from "../api/quantity";
import { imageProcessFor } from "../runtime/images/behaviour";
import { allocatedMemoryBytes } from "../runtime/images/memory";
import type { ContainerRecord, ContainerUsage } from "./runtime-record";
import { readPodRecord } from "./runtime-record";
import type { ContainerSpec, PodRuntime } from "./container-process";
import type { StartResult } from "./containers";
import { PLEG_RELIST_MS } from "./crash-loop";
import { shouldRestart } from "./crash-loop";

/** How long a process takes to allocate what it holds after it starts (stress: well under a second). */
export const ALLOCATION_MS = 1000;

/** 128 + SIGKILL (9): the exit code of a process the OOM killer killed. */
export const OOM_EXIT_CODE = 137;

type Limited = ContainerSpec & { resources?: { limits?: Record<string, string | number> } };

/**
 * The instant a running container goes over its memory limit, if it does: once its image's
 * program has allocated (start + ALLOCATION_MS), or when `sim load` raised its use (not before
 * the allocation either: a restarted instance takes the load again as it starts).
 */
export function oomAt(spec: Limited, rec: ContainerRecord, usage: ContainerUsage | undefined): number | undefined {
  const limit = wholeValue(spec.resources?.limits?.memory);
  if (limit <= 0 || rec.startedAt === undefined || rec.finishedAt !== undefined) return undefined;
  const allocated = rec.startedAt + ALLOCATION_MS;
  const times: number[] = [];
  const proc = imageProcessFor(spec.image ?? "", { ...(spec.command && { command: spec.command }), ...(spec.args && { args: spec.args }) });
  if (allocatedMemoryBytes(proc) > limit) times.push(allocated);
  if ((usage?.memoryBytes ?? 0) > limit) times.push(Math.max(allocated, usage!.since));
  return times.length === 0 ? undefined : Math.min(...times);
}

/** The record of a container the OOM killer killed at `at`: its process and ports are gone. */
export function oomKilled(rec: ContainerRecord, at: number): ContainerRecord {
  const { process: _p, ports: _ports, ...rest } = rec;
  return { ...rest, finishedAt: at, exitCode: OOM_EXIT_CODE, reason: "OOMKilled" };
}

/**
 * Kills the containers of a sync's result that are over their memory limit by `now`, and says
 * when to come back: at the next kill, or one relist after a kill to restart the container.
 * Never mutates `result`.
 */
export function applyOOMKills(rt: PodRuntime, specs: readonly ContainerSpec[], result: StartResult, now: Instant): StartResult {
  const usage = readPodRecord(rt.view, rt.pod.metadata.uid ?? "")?.usage ?? {};
  let wakeAt = result.wakeAt;
  const wake = (t: number) => (wakeAt = Math.min(wakeAt ?? t, t));
  const containers = result.containers.map((rec) => {
    const spec = specs.find((s) => s.name === rec.name);
    const at = spec ? oomAt(spec, rec, usage[rec.name]) : undefined;
    if (at === undefined) return rec;
    if (at > now) {
      wake(at);
      return rec;
    }
    if (shouldRestart(rt.pod, OOM_EXIT_CODE)) wake(Math.max(now, at + PLEG_RELIST_MS));
    return oomKilled(rec, at);
  });
  if (containers.every((c, i) => c === result.containers[i]) && wakeAt === result.wakeAt) return result;
  return { ...result, containers, ...(wakeAt !== undefined && { wakeAt }) };
}
