// The pod status the kubelet reports, computed from its runtime record: phase, conditions
// and container statuses. Pure. Port of pkg/kubelet/kubelet_pods.go (generateAPIPodStatus,
// getPhase, convertToAPIContainerStatuses) and pkg/kubelet/status/generate.go.

import type { Condition, KubeObject } from "../api/types";
import type { Instant } from "../sim/time";
import { instant, toRFC3339 } from "../sim/time";
import type { ContainerRecord, PodRecord, TerminatedRecord } from "./runtime-record";
import { imageID, qualifiedImage } from "./image-pull";
import { getPodQOS } from "../api/pod-qos";
import { isReady, isStarted } from "./probes/manager";
import type { ProbeSpec } from "./probes/types";

/** The conditions the kubelet owns, in the order it writes them. */
const KUBELET_CONDITIONS = ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady"];

type Container = { name: string; image?: string; readinessProbe?: ProbeSpec; startupProbe?: ProbeSpec };

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

export interface StatusKind {
  /** The pod has init containers: a container not yet created waits with PodInitializing. */
  readonly hasInitContainers?: boolean;
  /** A regular init container (not a sidecar): ready once it exited 0. */
  readonly regularInit?: boolean;
}

export function containerStatus(c: Container, rec: ContainerRecord | undefined, kind: StatusKind = {}): Record<string, unknown> {
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
    state = { waiting: rec?.waiting ? { ...rec.waiting } : { reason: kind.hasInitContainers ? "PodInitializing" : "ContainerCreating" } };
  }
  const ready = kind.regularInit ? current !== undefined && current.exitCode === 0 && !rec?.waiting : isReady(c, rec);
  return {
    ...(created && { containerID: rec!.containerID }),
    // Before the container exists the kubelet echoes the spec's image; after, the runtime's.
    image: created ? qualifiedImage(c.image ?? "") : c.image,
    imageID: created ? imageID(c.image ?? "") : "",
    lastState,
    name: c.name,
    // The probe results (probes/manager.ts): started follows the startup probe, ready the readiness probe.
    ready,
    restartCount: rec?.restartCount ?? 0,
    started: isStarted(c, rec),
    state,
  };
}

type Status = Record<string, any>;

/** HasAnyRegularContainerStarted: an app container is running or has terminated. */
function anyRegularContainerStarted(statuses: readonly Status[]): boolean {
  return statuses.some((s) => s.state.running || s.state.terminated);
}

/**
 * getPhase (kubelet_pods.go, v1.32): init containers still to succeed keep the pod Pending
 * (or fail it under restartPolicy Never); then any waiting container → Pending; any running →
 * Running; all stopped → by restartPolicy and whether the pod is terminal.
 */
export function getPhase(pod: KubeObject, initStatuses: readonly Status[], statuses: readonly Status[], podIsTerminal: boolean): string {
  const inits = (pod.spec?.initContainers ?? []) as { name: string; restartPolicy?: string }[];
  const byName = (list: readonly Status[], name: string) => list.find((s) => s.name === name);
  let pendingInitialization = 0;
  let failedInitialization = 0;
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of inits) {
    const s = byName(initStatuses, c.name);
    if (c.restartPolicy === "Always") {
      if (!s) unknown++;
      else if (s.state.running) {
        if (!s.started) pendingInitialization++;
        running++;
      } else if (s.state.waiting && !s.lastState?.terminated) {
        pendingInitialization++;
        waiting++;
      }
      continue;
    }
    if (!s || s.state.running) pendingInitialization++;
    else if (s.state.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInitialization++;
    } else if (s.lastState?.terminated) {
      if (s.lastState.terminated.exitCode !== 0) failedInitialization++;
    } else pendingInitialization++;
  }
  for (const c of (pod.spec?.containers ?? []) as { name: string }[]) {
    const s = byName(statuses, c.name);
    if (!s) unknown++;
    else if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state.waiting) {
      if (s.lastState?.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }
  const policy = pod.spec?.restartPolicy ?? "Always";
  if (failedInitialization > 0 && policy === "Never") return "Failed";
  if ((pendingInitialization > 0 && !anyRegularContainerStarted(statuses)) || waiting > 0) return "Pending";
  if (running > 0 && unknown === 0) return "Running";
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? "Succeeded" : "Failed";
    if (policy === "Always") return "Running";
    if (stopped === succeeded) return "Succeeded";
    if (policy === "Never") return "Failed";
    return "Running";
  }
  return "Pending";
}

/** GeneratePodInitializedCondition's status, reason and message. */
function initializedCondition(pod: KubeObject, initStatuses: readonly Status[], statuses: readonly Status[], phase: string): [boolean, string?, string?] {
  const inits = (pod.spec?.initContainers ?? []) as { name: string; restartPolicy?: string }[];
  const incomplete = inits
    .filter((c) => {
      const s = initStatuses.find((x) => x.name === c.name);
      return c.restartPolicy === "Always" ? !s?.started : !s?.ready;
    })
    .map((c) => c.name);
  if (phase === "Succeeded") return [true, "PodCompleted"];
  if (anyRegularContainerStarted(statuses) || incomplete.length === 0) return [true];
  return [false, "ContainersNotInitialized", `containers with incomplete status: [${incomplete.join(" ")}]`];
}

/** GeneratePodReadyCondition (with ContainersReady): sidecars and app containers ready, then readiness gates. */
function readyConditions(pod: KubeObject, conditions: readonly Condition[], initStatuses: readonly Status[], statuses: readonly Status[], phase: string) {
  const sidecars = ((pod.spec?.initContainers ?? []) as { name: string; restartPolicy?: string }[]).filter((c) => c.restartPolicy === "Always");
  const unready = [...sidecars.map((c) => initStatuses.find((s) => s.name === c.name)), ...statuses].filter((s) => s && !s.ready).map((s) => s!.name);
  let containersReady: [boolean, string?, string?] = [true];
  if (phase === "Succeeded") containersReady = [false, "PodCompleted"];
  else if (phase === "Failed") containersReady = [false, "PodFailed"];
  else if (unready.length > 0) containersReady = [false, "ContainersNotReady", `containers with unready status: [${unready.join(" ")}]`];
  if (!containersReady[0]) return { containersReady, ready: containersReady };
  const gates: string[] = [];
  for (const g of (pod.spec?.readinessGates ?? []) as { conditionType: string }[]) {
    const c = conditions.find((x) => x.type === g.conditionType);
    if (!c) gates.push(`corresponding condition of pod readiness gate "${g.conditionType}" does not exist.`);
    else if (c.status !== "True") gates.push(`the status of pod readiness gate "${g.conditionType}" is not "True", but ${c.status}`);
  }
  const ready: [boolean, string?, string?] = gates.length > 0 ? [false, "ReadinessGatesNotReady", gates.join(", ")] : [true];
  return { containersReady, ready };
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
  const inits = (pod.spec?.initContainers ?? []) as (Container & { restartPolicy?: string })[];
  const containers = (pod.spec?.containers ?? []) as Container[];
  const find = (name: string) => record.containers.find((r) => r.name === name);
  const hasInitContainers = inits.length > 0;
  const initStatuses = inits.map((c) => containerStatus(c, find(c.name), { hasInitContainers, regularInit: c.restartPolicy !== "Always" }));
  const statuses = containers.map((c) => containerStatus(c, find(c.name), { hasInitContainers }));
  const phase = getPhase(pod, initStatuses, statuses, podIsTerminal);
  const terminal = phase === "Succeeded" || phase === "Failed";
  const [initialized, initReason, initMessage] = initializedCondition(pod, initStatuses, statuses, phase);
  const { containersReady, ready } = readyConditions(pod, old, initStatuses, statuses, phase);
  const cond = (type: string, [ok, reason, message]: [boolean, string?, string?]) => condition(old, type, ok ? "True" : "False", now, reason, message);
  const conditions = [
    condition(old, "PodReadyToStartContainers", terminal || sandboxPending ? "False" : "True", now),
    cond("Initialized", [initialized, initReason, initMessage]),
    cond("Ready", ready),
    cond("ContainersReady", containersReady),
    ...old.filter((c) => !KUBELET_CONDITIONS.includes(c.type)),
  ];
  // The pod IP is reported once the sandbox's network is up.
  const podIP = sandboxPending ? undefined : record.sandbox.ip;
  return {
    conditions,
    containerStatuses: statuses,
    ...(hasInitContainers && { initContainerStatuses: initStatuses }),
    ...(hostIP && { hostIP, hostIPs: [{ ip: hostIP }] }),
    phase,
    ...(podIP && { podIP, podIPs: [{ ip: podIP }] }),
    qosClass: pod.status?.qosClass ?? getPodQOS(pod),
    startTime: pod.status?.startTime ?? toRFC3339(instant(record.sandbox.createdAt)),
  };
}
