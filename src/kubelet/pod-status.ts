// The pod status the kubelet reports, computed from its runtime record: phase, conditions
// and container statuses. Pure. Port of pkg/kubelet/kubelet_pods.go (generateAPIPodStatus,
// getPhase, convertToAPIContainerStatuses) and pkg/kubelet/status/generate.go.

import type { Condition, KubeObject } from "../api/types";
import type { Instant } from "../sim/time";
import { instant, toRFC3339 } from "../sim/time";
import type { ContainerRecord, PodRecord, TerminatedRecord } from "./runtime-record";
import { imageID, qualifiedImage } from "./image-pull";
import { getPodQOS } from "./qos";

/** The conditions the kubelet owns, in the order it writes them. */
const KUBELET_CONDITIONS = ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady"];

type Container = { name: string; image?: string };

function terminatedState(t: TerminatedRecord): Record<string, unknown> {
  return {
    terminated: {
      containerID: t.containerID,
      exitCode: t.exitCode,
      finishedAt: toRFC3339(instant(t.finishedAt)),
      reason: t.reason,
      startedAt: toRFC3339(instant(t.startedAt)),
    },
  };
}

export function containerStatus(c: Container, rec: ContainerRecord | undefined): Record<string, unknown> {
  const running = rec?.startedAt !== undefined && rec.finishedAt === undefined;
  const created = rec?.containerID !== undefined;
  let state: Record<string, unknown>;
  let lastState: Record<string, unknown> = rec?.lastTerminated ? terminatedState(rec.lastTerminated) : {};
  const current: TerminatedRecord | undefined =
    rec?.finishedAt !== undefined
      ? { containerID: rec.containerID, exitCode: rec.exitCode ?? 0, reason: rec.reason ?? "Completed", startedAt: rec.startedAt ?? rec.finishedAt, finishedAt: rec.finishedAt }
      : undefined;
  if (current && rec?.waiting) {
    // Waiting to be restarted (CrashLoopBackOff): the exited instance is already the last state.
    state = { waiting: { ...rec.waiting } };
    lastState = terminatedState(current);
  } else if (current) {
    state = terminatedState(current);
  } else if (running) {
    state = { running: { startedAt: toRFC3339(instant(rec!.startedAt!)) } };
  } else {
    state = { waiting: rec?.waiting ? { ...rec.waiting } : { reason: "ContainerCreating" } };
  }
  return {
    ...(created && { containerID: rec!.containerID }),
    // Before the container exists the kubelet echoes the spec's image; after, the runtime's.
    image: created ? qualifiedImage(c.image ?? "") : c.image,
    imageID: created ? imageID(c.image ?? "") : "",
    lastState,
    name: c.name,
    ready: running,
    restartCount: rec?.restartCount ?? 0,
    started: running,
    state,
  };
}

/**
 * getPhase for containers without restarts yet: any waiting → Pending; any running → Running;
 * all stopped → Running under restartPolicy Always unless the pod is terminating, else
 * Succeeded when every exit was 0 and Failed otherwise.
 */
export function getPhase(pod: KubeObject, statuses: readonly Record<string, any>[], podIsTerminal: boolean): string {
  let waiting = 0;
  let running = 0;
  let failed = 0;
  let stopped = 0;
  for (const s of statuses) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode !== 0) failed++;
    } else if (s.lastState?.terminated) {
      // Waiting to restart after an exit counts as stopped (not yet started) in getPhase.
      stopped++;
      failed++;
    } else waiting++;
  }
  if (waiting > 0) return "Pending";
  if (running > 0) return "Running";
  if (stopped === 0) return "Pending";
  const policy = pod.spec?.restartPolicy ?? "Always";
  if (policy === "Always" && !podIsTerminal) return "Running";
  if (policy === "OnFailure" && failed > 0 && !podIsTerminal) return "Running";
  return failed > 0 ? "Failed" : "Succeeded";
}

function condition(old: readonly Condition[], type: string, status: "True" | "False", now: Instant, reason?: string, message?: string): Condition {
  const prev = old.find((c) => c.type === type);
  return {
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : toRFC3339(now),
    ...(reason !== undefined && { reason }),
    ...(message !== undefined && { message }),
  };
}

export interface StatusInputs {
  readonly record: PodRecord;
  readonly hostIP?: string;
  /** The pod is being deleted and its containers are all stopped. */
  readonly podIsTerminal?: boolean;
  /** The sandbox (network namespace, pause container) is still being created. */
  readonly sandboxPending?: boolean;
}

/** generateAPIPodStatus: the whole status the kubelet would write now. */
export function generatePodStatus(pod: KubeObject, { record, hostIP, podIsTerminal = false, sandboxPending = false }: StatusInputs, now: Instant): Record<string, unknown> {
  const old = (pod.status?.conditions ?? []) as Condition[];
  const containers = (pod.spec?.containers ?? []) as Container[];
  const statuses = containers.map((c) => containerStatus(c, record.containers.find((r) => r.name === c.name)));
  const phase = getPhase(pod, statuses, podIsTerminal);
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name);
  const terminal = phase === "Succeeded" || phase === "Failed";
  const [readyReason, readyMessage] = terminal
    ? ["PodCompleted", undefined]
    : ["ContainersNotReady", `containers with unready status: [${unready.join(" ")}]`];
  const ready = unready.length === 0 && !terminal;
  const conditions = [
    condition(old, "PodReadyToStartContainers", terminal || sandboxPending ? "False" : "True", now),
    condition(old, "Initialized", "True", now),
    ready ? condition(old, "Ready", "True", now) : condition(old, "Ready", "False", now, readyReason, readyMessage),
    ready ? condition(old, "ContainersReady", "True", now) : condition(old, "ContainersReady", "False", now, readyReason, readyMessage),
    ...old.filter((c) => !KUBELET_CONDITIONS.includes(c.type)),
  ];
  // The pod IP is reported once the sandbox's network is up.
  const podIP = sandboxPending ? undefined : record.sandbox.ip;
  return {
    conditions,
    containerStatuses: statuses,
    ...(hostIP && { hostIP, hostIPs: [{ ip: hostIP }] }),
    phase,
    ...(podIP && { podIP, podIPs: [{ ip: podIP }] }),
    qosClass: pod.status?.qosClass ?? getPodQOS(pod),
    startTime: pod.status?.startTime ?? toRFC3339(instant(record.sandbox.createdAt)),
  };
}
