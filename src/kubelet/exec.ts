// `kubectl exec` in the container runtime: a command run to completion in a running
// container's filesystem and environment (the CRI ExecSync/Exec path). Writes it makes to the
// container's writable layer and the pod's volumes are kept: the caller stores `runtime`.

import type { ClusterView } from "../api/store/view";
import type { KubeObject } from "../api/types";
import type { RuntimeWrite } from "../controllers/types";
import type { Instant } from "../sim/time";
import { runToCompletion } from "../runtime/shell/process";
import { imageProcessFor } from "../runtime/images/behaviour";
import type { ContainerSpec } from "./container-process";
import { openContainer } from "./open-container";

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
 * Runs argv in the container, with `stdin` as its standard input when given. Without a running
 * container the result carries kubectl's error
 * `unable to upgrade connection: container not found ("NAME")` and exit code 1.
 * @example execInContainer(view, pod, "app", ["cat", "/etc/config/key"], now).output // [{ stream: "stdout", text: "value\n" }]
 */
export function execInContainer(view: ClusterView, pod: KubeObject, container: string, argv: string[], now: Instant, stdin?: string): ExecResult {
  const opened = openContainer(view, pod, container, now);
  if ("error" in opened) return { output: [{ stream: "stderr", text: `error: ${opened.error}\n` }], exitCode: 1, runtime: [], error: opened.error };
  const options = { pid: 2, mainCommand: mainCommandOf(pod, container), ...(stdin !== undefined && { stdin }) };
  const run = runToCompletion(argv, { ...(opened.container.env ?? {}) }, opened.host, EXEC_BUDGET_MS, options);
  const prog = argv[0] ?? "";
  const output = run.output.map(({ stream, text }) => ({ stream, text }));
  let exitCode = run.exitCode ?? 137;
  if (exitCode === 127 && !SHELLS.has(prog.slice(prog.lastIndexOf("/") + 1)) && output.length === 1 && output[0].text === `sh: ${prog}: not found\n`) {
    // Not under a shell: the runtime itself fails to find the binary.
    output[0] = { stream: "stdout", text: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${prog}": executable file not found in $PATH: unknown\n` };
    exitCode = 126;
  }
  return { output, exitCode, runtime: opened.save() };
}

/** The command line of the container's main process (pid 1, as `ps` shows it). */
export function mainCommandOf(pod: KubeObject, container: string): string {
  const spec = ((pod.spec?.containers ?? []) as ContainerSpec[]).find((c) => c.name === container);
  return spec ? imageProcessFor(spec.image ?? "", { command: spec.command, args: spec.args }).argv.join(" ") : "sh";
}
