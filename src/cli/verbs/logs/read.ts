// What the kubelet answers for a container's log (pkg/kubelet/kubelet_pods.go
// validateContainerLogStatus and pkg/kubelet/kuberuntime/logs/logs.go): which instance's lines,
// or the refusal the API server passes through as BadRequest; then --tail/--since and the
// line format (--timestamps from the runtime, --prefix added by kubectl).

import type { KubeObject } from "../../../api/types";
import type { ClusterView } from "../../../api/store/view";
import { badRequest } from "../../../api/errors";
import type { LogLine } from "../../../kubelet/runtime-record";
import { containerLogs } from "../../../kubelet/logs";

interface ContainerStatus {
  readonly name: string;
  readonly state?: { running?: object; terminated?: { containerID?: string }; waiting?: { reason?: string } };
  readonly lastState?: { terminated?: { containerID?: string } };
}

function statusOf(pod: KubeObject, container: string): ContainerStatus | undefined {
  const all = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.ephemeralContainerStatuses ?? [])] as ContainerStatus[];
  return all.find((s) => s.name === container);
}

/** The lines of the instance the kubelet would read, or its refusal (a BadRequest StatusError). */
export function readContainerLog(view: ClusterView, pod: KubeObject, container: string, previous: boolean): readonly LogLine[] {
  const name = pod.metadata.name;
  // The API server has no node to ask: the log is empty.
  if (!pod.spec?.nodeName) return [];
  const status = statusOf(pod, container);
  if (!status) throw badRequest(`container "${container}" in pod "${name}" is not available`);
  const lastTerminated = status.lastState?.terminated;
  const prev = containerLogs(view, pod, container, true);
  if (previous) {
    if (!lastTerminated && prev === undefined) throw badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
    return prev ?? [];
  }
  const state = status.state ?? {};
  if (state.running || state.terminated) return containerLogs(view, pod, container) ?? prev ?? [];
  if (lastTerminated) return prev ?? [];
  const reason = state.waiting?.reason;
  if (reason === "ErrImagePull") throw badRequest(`container "${container}" in pod "${name}" is waiting to start: image can't be pulled`);
  if (reason === "ImagePullBackOff") throw badRequest(`container "${container}" in pod "${name}" is waiting to start: trying and failing to pull image`);
  if (reason !== undefined) throw badRequest(`container "${container}" in pod "${name}" is waiting to start: ${reason}`);
  throw badRequest(`container "${container}" in pod "${name}" is waiting to start - no logs yet`);
}

export interface LineFilter {
  /** Last N lines; -1 for all. */
  readonly tail: number;
  /** Lines printed before this instant (ms) are dropped. */
  readonly since?: number;
}

/** The kubelet reads the last `tail` lines, then drops those before `since`. */
export function filterLines(lines: readonly LogLine[], f: LineFilter): LogLine[] {
  const tailed = f.tail >= 0 ? lines.slice(Math.max(0, lines.length - f.tail)) : [...lines];
  return f.since === undefined ? tailed : tailed.filter((l) => l.at >= f.since!);
}

/** The runtime's timestamp: RFC 3339 with exactly nine fractional digits (kubelet timeFormatOut). */
export function logTimestamp(at: number): string {
  const iso = new Date(at).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}

export interface LineFormat {
  readonly timestamps: boolean;
  /** `[pod/NAME/CONTAINER] ` or "". */
  readonly prefix: string;
}

export function formatLine(line: LogLine, f: LineFormat): string {
  return `${f.prefix}${f.timestamps ? logTimestamp(line.at) + " " : ""}${line.text}\n`;
}
