// Starting a pod's regular containers, one at a time in spec order, as
// kubeGenericRuntimeManager.SyncPod does: ensure the image (which may take simulated time),
// then create and start. Port of pkg/kubelet/kuberuntime/kuberuntime_container.go
// (startContainer) and pkg/kubelet/images/image_manager.go (EnsureImageExists).
// Running processes are stepped here and exited ones restarted with the crash-loop back-off
// (crash-loop.ts), and a postStart hook runs right after its container starts.

import type { Rng } from "../sim/random";
import type { Instant } from "../sim/time";
import { instant } from "../sim/time";
import type { ContainerRecord, NodeRecord } from "./runtime-record";
import { ensureImage } from "./ensure-image";
import type { ContainerSpec, PodRuntime } from "./container-process";
import { startContainerProcess, stepContainer } from "./container-process";
import { finishStop, requestKill } from "./probes/kill";
import { POST_START_FAILED, runHook } from "./lifecycle-hooks";
import type { HookedSpec, LifecycleHandler } from "./lifecycle-hooks";
import { backOffEventMessage, crashLoopMessage, isInBackOffSince, nextCrashBackOff, PLEG_RELIST_MS, shouldRestart } from "./crash-loop";

import { applyOOMKills } from "./oom";

export type ContainerEvent = { type: "Normal" | "Warning"; reason: string; message: string; container: string };

export const createdMessage = (name: string): string => `Created container ${name}`;
export const startedMessage = (name: string): string => `Started container ${name}`;

export interface StartResult {
  readonly containers: ContainerRecord[];
  readonly node: NodeRecord;
  readonly events: ContainerEvent[];
  /** When time alone changes the answer (a pull ends, a back-off ends): come back then. */
  readonly wakeAt?: number;
}

const HEX_DIGITS = "0123456789abcdef";

/** containerd's IDs: 64 hex digits, drawn from the seeded rng. */
export function newContainerID(rng: Rng): string {
  const hex = new Array<string>(64);
  for (let i = 0; i < 64; i++) hex[i] = HEX_DIGITS[rng.int(16)];
  return `containerd://${hex.join("")}`;
}

/**
 * Advances every container as far as `now` allows: running shell processes are stepped,
 * exited containers are restarted per restartPolicy (with the crash-loop back-off), and
 * not-yet-started ones get their image, env, fs and process. A pull blocks the containers
 * after it (the pod's sync waits on the serialized puller); a container whose image cannot be
 * had (ErrImagePull, back-off, Never) or whose config cannot be built is skipped and the next
 * one tried, as kuberuntime's SyncPod does.
 */
export function startContainers(rt: PodRuntime, specs: readonly ContainerSpec[], records: readonly ContainerRecord[], node: NodeRecord, now: Instant, rng: Rng): StartResult {
  const containers = [...records];
  const events: ContainerEvent[] = [];
  let puller = { images: node.images, pullFreeAt: node.pullFreeAt };
  let wakeAt: number | undefined;
  const wake = (t: number | undefined) => {
    if (t !== undefined) wakeAt = Math.min(wakeAt ?? t, t);
  };
  // Containers over their memory limit are OOM-killed (oom.ts) before the status is computed.
  const result = (): StartResult => applyOOMKills(rt, specs, { containers, node: { ...node, ...puller }, events, ...(wakeAt !== undefined && { wakeAt }) }, now);
  const running = (r: ContainerRecord) => r.startedAt !== undefined && r.finishedAt === undefined;
  // Running processes first, so exits and ports are known before anything starts.
  for (let i = 0; i < containers.length; i++) {
    if (!running(containers[i])) continue;
    // A container being stopped (a failed liveness probe) runs only until it exits.
    const stopAt = containers[i].stopExitCode !== undefined ? containers[i].exitsAt : undefined;
    const stepped = stepContainer(rt, containers[i], stopAt !== undefined && stopAt < now ? instant(stopAt) : now);
    if (stepped.ok) {
      containers[i] = finishStop(stepped.record, now);
      if (running(containers[i])) {
        wake(stepped.wakeAt);
        wake(stopAt);
      }
      if (restarts(rt, containers[i])) wake(Math.max(now, containers[i].finishedAt!) + PLEG_RELIST_MS);
    }
  }
  for (const c of specs) {
    let i = containers.findIndex((r) => r.name === c.name);
    if (i < 0) i = containers.push({ name: c.name }) - 1;
    let rec = containers[i];
    if (running(rec)) continue;
    if (rec.finishedAt !== undefined) {
      if (!shouldRestart(rt.pod, rec.exitCode ?? 0, c.name)) continue;
      // The exit is seen at the next relist; then the back-off decides.
      if (now < rec.finishedAt + PLEG_RELIST_MS && rec.waiting === undefined) {
        wake(rec.finishedAt + PLEG_RELIST_MS);
        continue;
      }
      if (isInBackOffSince(rec.crashBackOff, rec.finishedAt, now)) {
        const backOffMs = rec.crashBackOff!.backoffMs;
        if (rec.waiting?.reason !== "CrashLoopBackOff") {
          events.push({ type: "Warning", reason: "BackOff", message: backOffEventMessage(c.name, rt.pod), container: c.name });
          containers[i] = { ...rec, waiting: { reason: "CrashLoopBackOff", message: crashLoopMessage(backOffMs, c.name, rt.pod) } };
        }
        wake(rec.finishedAt + backOffMs);
        continue;
      }
      rec = restarted(rec);
      containers[i] = rec;
    }
    if (!rec.imageReady) {
      const ensured = ensureImage(c, rec, puller, now);
      events.push(...ensured.events);
      puller = ensured.puller;
      containers[i] = { ...carried(rec), ...ensured.record };
      wake(ensured.wakeAt);
      if (ensured.state === "pulling") return result();
      if (ensured.state === "failed") continue;
      rec = containers[i];
    }
    const taken = new Set(containers.filter((r) => running(r) && r.name !== c.name).flatMap((r) => r.ports ?? []));
    const started = startContainerProcess(rt, c, { ...carried(rec), name: rec.name, imageReady: true, containerID: newContainerID(rng) }, taken, now);
    events.push(...started.events);
    if (!started.ok) {
      if (rec.waiting?.message !== started.waiting.message) {
        events.push({ type: "Warning", reason: "Failed", message: `Error: ${started.waiting.message}`, container: c.name });
      }
      containers[i] = { ...carried(rec), name: rec.name, imageReady: true, waiting: started.waiting };
      continue;
    }
    events.push({ type: "Normal", reason: "Created", message: createdMessage(c.name), container: c.name });
    events.push({ type: "Normal", reason: "Started", message: startedMessage(c.name), container: c.name });
    containers[i] = started.record;
    wake(started.wakeAt);
    const postStart = (c as HookedSpec).lifecycle?.postStart;
    if (postStart && running(containers[i])) {
      containers[i] = runPostStart(rt, c, i, containers, postStart, events, now);
      wake(containers[i].exitsAt);
    }
    if (restarts(rt, started.record)) wake(started.record.finishedAt! + PLEG_RELIST_MS);
  }
  return result();
}

/**
 * startContainer's step 4: the postStart hook, right after the start (its effects land at once:
 * the simulation does not hold the pod's other containers back for the hook's own time). A
 * failed hook kills the container, which is then restarted as any exited container is.
 */
function runPostStart(rt: PodRuntime, c: ContainerSpec, i: number, containers: ContainerRecord[], hook: LifecycleHandler, events: ContainerEvent[], now: Instant): ContainerRecord {
  const graceSeconds = rt.pod.spec?.terminationGracePeriodSeconds ?? 30;
  const r = runHook(rt, c, containers[i], containers, hook, now, graceSeconds * 1000);
  const rec = r.fs ? { ...containers[i], fs: r.fs } : containers[i];
  if (r.error === undefined) return rec;
  events.push({ type: "Warning", ...POST_START_FAILED, container: c.name });
  const killed = requestKill(c, rec, now, graceSeconds, POST_START_FAILED.reason);
  events.push(killed.event);
  return killed.record;
}

/** An exited container that restartPolicy restarts: the kubelet comes back for it. */
function restarts(rt: PodRuntime, rec: ContainerRecord): boolean {
  return rec.finishedAt !== undefined && shouldRestart(rt.pod, rec.exitCode ?? 0, rec.name);
}


/** What survives from one instance of a container to the next. */
function carried(rec: ContainerRecord): Partial<ContainerRecord> {
  return {
    ...(rec.restartCount !== undefined && { restartCount: rec.restartCount }),
    ...(rec.lastTerminated && { lastTerminated: rec.lastTerminated }),
    ...(rec.crashBackOff && { crashBackOff: rec.crashBackOff }),
    ...(rec.previousLogs && { previousLogs: rec.previousLogs }),
  };
}

/** The exited instance becomes lastState; the back-off is armed (Next) from its finishedAt. */
function restarted(rec: ContainerRecord): ContainerRecord {
  const finishedAt = rec.finishedAt!;
  return {
    name: rec.name,
    restartCount: (rec.restartCount ?? 0) + 1,
    lastTerminated: {
      ...(rec.containerID && { containerID: rec.containerID }),
      exitCode: rec.exitCode ?? 0,
      reason: rec.reason ?? "Completed",
      startedAt: rec.startedAt ?? finishedAt,
      finishedAt,
    },
    crashBackOff: nextCrashBackOff(rec.crashBackOff, finishedAt),
    previousLogs: rec.logs ?? [],
  };
}
