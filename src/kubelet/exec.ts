// `kubectl exec` in the container runtime: a command run to completion in a running
// container's filesystem and environment (the CRI ExecSync/Exec path). Writes it makes to the
// container's writable layer and the pod's volumes are kept: the caller stores `runtime`.

import type { ClusterView } from "../api/store/view";
import type { KubeObject } from "../api/types";
import type { RuntimeWrite } from "../controllers/types";
import type { Instant } from "../sim/time";
import { runToCompletion } from "../runtime/shell/process";
import { deepEqual } from "../api/deep-equal";
import type { PodRecord } from "./runtime-record";
import { readPodRecord } from "./runtime-record";
import { processHost } from "./container-process";

export interface ExecResult {
  readonly output: { stream: "stdout" | "stderr"; text: string }[];
  /** The command's exit status (126: the runtime could not start it); 1 with an error when there is no running container. */
  readonly exitCode: number;
  readonly runtime: RuntimeWrite[];
  /** The error kubectl prints instead of output (`error: …` is the verb's prefix). */
  readonly error?: string;
}

/** Simulated time an exec may take (its sleeps) before it is cut off. */
export const EXEC_BUDGET_MS = 60 * 60 * 1000;

const SHELLS = new Set(["sh", "bash", "ash", "dash"]);

/**
 * Runs argv in the container. Without a running container the result carries kubectl's error
 * `unable to upgrade connection: container not found ("NAME")` and exit code 1.
 * @example execInContainer(view, pod, "app", ["cat", "/etc/config/key"], now).output // [{ stream: "stdout", text: "value\n" }]
 */
export function execInContainer(view: ClusterView, pod: KubeObject, container: string, argv: string[], now: Instant): ExecResult {
  const uid = pod.metadata.uid ?? "";
  const record = readPodRecord(view, uid);
  const rec = record?.containers.find((c) => c.name === container);
  if (!record || !rec || rec.startedAt === undefined || rec.finishedAt !== undefined || !rec.fs) {
    const error = `unable to upgrade connection: container not found ("${container}")`;
    return { output: [{ stream: "stderr", text: `error: ${error}\n` }], exitCode: 1, runtime: [], error };
  }
  const fs = structuredClone(rec.fs);
  const volumes = structuredClone(record.volumes ?? {});
  const run = runToCompletion(argv, { ...(rec.env ?? {}) }, processHost(view, pod, fs, volumes, now), EXEC_BUDGET_MS, { pid: 2 });
  const prog = argv[0] ?? "";
  const output = run.output.map(({ stream, text }) => ({ stream, text }));
  let exitCode = run.exitCode ?? 137;
  if (exitCode === 127 && !SHELLS.has(prog.slice(prog.lastIndexOf("/") + 1)) && output.length === 1 && output[0].text === `sh: ${prog}: not found\n`) {
    // Not under a shell: the runtime itself fails to find the binary.
    output[0] = { stream: "stdout", text: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${prog}": executable file not found in $PATH: unknown\n` };
    exitCode = 126;
  }
  const next: PodRecord = { ...record, ...(record.volumes && { volumes }), containers: record.containers.map((c) => (c.name === container ? { ...c, fs } : c)) };
  const runtime = deepEqual(record, next) ? [] : [{ podUid: uid, record: next }];
  return { output, exitCode, runtime };
}
