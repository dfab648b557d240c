// The crash-loop back-off of a container that exited and must be restarted. Port of
// pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff (v1.32) over the kubelet's
// flowcontrol.Backoff (10s initial, 300s max, forgotten after 600s): the first restart is
// immediate and arms 10s; each later exit waits the current delay from its finishedAt.

import type { KubeObject } from "../api/types";
import type { BackOffEntry } from "./image-pull-backoff";
import { IMAGE_BACKOFF_MAX_MS, nextBackOff } from "./image-pull-backoff";

/** How soon the kubelet sees an exit (the PLEG relist period) and acts on it. */
export const PLEG_RELIST_MS = 1000;

/** IsInBackOffSince(key, finishedAt): the delay since the exit has not yet passed. */
export function isInBackOffSince(entry: BackOffEntry | undefined, eventTime: number, now: number): boolean {
  if (!entry || eventTime - entry.lastUpdate > 2 * IMAGE_BACKOFF_MAX_MS) return false;
  return now - eventTime < entry.backoffMs;
}

/** backOff.Next(key, finishedAt), called when the restart goes ahead. */
export const nextCrashBackOff = (entry: BackOffEntry | undefined, eventTime: number): BackOffEntry => nextBackOff(entry, eventTime);

/** Go's time.Duration.String for whole seconds: 10s, 1m20s, 5m0s. */
export function goDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${s % 60}s`;
  return `${Math.floor(m / 60)}h${m % 60}m${s % 60}s`;
}

const podId = (pod: KubeObject): string => `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;

export const crashLoopMessage = (backOffMs: number, container: string, pod: KubeObject): string =>
  `back-off ${goDuration(backOffMs)} restarting failed container=${container} pod=${podId(pod)}`;

export const backOffEventMessage = (container: string, pod: KubeObject): string => `Back-off restarting failed container ${container} in pod ${podId(pod)}`;

type RestartPolicy = "Always" | "OnFailure" | "Never";

/**
 * The restart policy one container lives by (kuberuntime's computeInitContainerActions and
 * ShouldContainerBeRestarted, v1.32): an app container follows the pod's; a sidecar (an init
 * container with restartPolicy Always) always restarts; any other init container is re-run
 * until it succeeds, unless the pod's policy is Never.
 */
export function containerRestartPolicy(pod: KubeObject, containerName: string | undefined): RestartPolicy {
  const podPolicy: RestartPolicy = pod.spec?.restartPolicy ?? "Always";
  const init = ((pod.spec?.initContainers ?? []) as { name: string; restartPolicy?: string }[]).find((c) => c.name === containerName);
  if (!init) return podPolicy;
  if (init.restartPolicy === "Always") return "Always";
  return podPolicy === "Never" ? "Never" : "OnFailure";
}

/** Whether its restart policy restarts a container (by default an app container) that exited with this code. */
export function shouldRestart(pod: KubeObject, exitCode: number, containerName?: string): boolean {
  const policy = containerRestartPolicy(pod, containerName);
  return policy === "Always" || (policy === "OnFailure" && exitCode !== 0);
}
