// The exec handler: the command runs to completion in the container (its filesystem, its
// environment), as CRI ExecSync does. Port of pkg/probe/exec/exec.go: exit 0 succeeds, any
// other status fails with the combined output; a run past timeoutSeconds fails with the
// runtime's timeout text (pkg/kubelet/cri/remote ExecSync, ExecProbeTimeout on since 1.20).

import type { ContainerFsData } from "../../runtime/fs";
import { runToCompletion } from "../../runtime/shell/process";
import { processHost } from "../container-process";
import type { ProbeContext } from "./context";
import type { HandlerResult } from "./types";
import { deepCopy } from "../../api/deep-copy";

const SHELLS = new Set(["sh", "bash", "ash", "dash"]);

/** `command "cat /tmp/healthy" timed out` (Go's %q of the joined argv). */
export const execTimeoutMessage = (command: readonly string[]): string => `command ${JSON.stringify(command.join(" "))} timed out`;

/** The result, and the container's filesystem after the command (its writes persist, as with kubectl exec). */
export function execProbe(ctx: ProbeContext, command: readonly string[], timeoutSeconds: number): { outcome: HandlerResult; fs?: ContainerFsData } {
  const rec = ctx.record;
  if (!rec.fs) return { outcome: { result: "Error", error: `container not found ("${rec.name}")` } };
  const fs = deepCopy(rec.fs);
  const host = processHost(ctx.rt.view, ctx.rt.pod, fs, ctx.rt.volumes, ctx.now);
  const run = runToCompletion([...command], { ...(rec.env ?? {}) }, host, timeoutSeconds * 1000, { pid: 2 });
  if (run.timedOut) return { outcome: { result: "Failure", output: execTimeoutMessage(command) }, fs };
  let output = run.output.map((c) => c.text).join("");
  const prog = command[0] ?? "";
  const base = prog.slice(prog.lastIndexOf("/") + 1);
  if (run.exitCode === 127 && !SHELLS.has(base) && output === `sh: ${prog}: not found\n`) {
    // Not under a shell: the runtime itself fails to find the binary (exit 126).
    output = `OCI runtime exec failed: exec failed: unable to start container process: exec: "${prog}": executable file not found in $PATH: unknown\r\n`;
  }
  return { outcome: { result: run.exitCode === 0 ? "Success" : "Failure", output }, fs };
}
