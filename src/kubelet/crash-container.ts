// `kubesim sim kill pod/NAME [-c C] [--exit-code N]`: the container's main process dies now,
// as if `kill -9 1` had run inside it. Only the runtime record changes here: the kubelet sees
// the exit at its next relist (PLEG, containers.ts PLEG_RELIST_MS), reports Terminated and
// restarts per restartPolicy with the crash-loop back-off, exactly as for an exit of its own.

import type { KubeObject } from "../api/types";
import type { ClusterView } from "../api/store/view";
import type { RuntimeWrite } from "../controllers/types";
import type { Instant } from "../sim/time";
import type { ContainerRecord, PodRecord } from "./runtime-record";
import { readPodRecord } from "./runtime-record";
import { PLEG_RELIST_MS } from "./crash-loop";

/** 128 + SIGKILL: what a process killed with `kill -9` exits with. */
export const DEFAULT_KILL_EXIT_CODE = 137;

export type CrashResult =
  | { readonly ok: true; readonly runtime: RuntimeWrite[]; /** When the kubelet must look again. */ readonly relistAt: number }
  | { readonly ok: false; readonly error: string };

/** The runtime's reason for an exit it did not cause itself (not OOMKilled): Completed for 0, else Error. */
export const exitReason = (code: number): string => (code === 0 ? "Completed" : "Error");

/** The record of a container whose process exited with `code` at `at`; its logs stay. */
export function exitedNow(rec: ContainerRecord, code: number, at: number): ContainerRecord {
  const { process: _p, ports: _ports, stopRequestedAt: _s, exitsAt: _e, stopExitCode: _c, ...rest } = rec;
  return { ...rest, finishedAt: at, exitCode: code, reason: exitReason(code) };
}

/**
 * Ends the running container `container` of `pod` at `now` with exit code `code`.
 * Fails (with the text the verb prints) when the container does not exist or is not running.
 * @example crashContainer(view, pod, "app", 137, now) // { ok: true, runtime: [{ podUid, record }], relistAt: now + 1000 }
 */
export function crashContainer(view: ClusterView, pod: KubeObject, container: string, code: number, now: Instant): CrashResult {
  const name = pod.metadata.name ?? "";
  const specs = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])] as { name: string }[];
  if (!specs.some((c) => c.name === container)) return { ok: false, error: `container ${container} is not valid for pod ${name}` };
  const uid = pod.metadata.uid ?? "";
  const record = readPodRecord(view, uid);
  const rec = record?.containers.find((c) => c.name === container);
  // A container being stopped (a failed probe's grace period) is still running: it can crash too.
  const running = rec !== undefined && rec.startedAt !== undefined && rec.finishedAt === undefined;
  if (!record || !rec || !running || pod.metadata.deletionTimestamp) {
    return { ok: false, error: `container ${container} in pod ${name} is not running` };
  }
  const next: PodRecord = { ...record, containers: record.containers.map((c) => (c === rec ? exitedNow(c, code, now) : c)) };
  return { ok: true, runtime: [{ podUid: uid, record: next }], relistAt: now + PLEG_RELIST_MS };
}
