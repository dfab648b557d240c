// An interactive shell in a running container (`kubectl exec -it POD -- sh`): opened once,
// then fed one typed line at a time, each line run at the current simulated instant in the
// container's filesystem and environment. The shell's own state (variables, cwd, functions)
// lives with the caller between lines; what a line changes in the container is stored.

import type { ClusterView } from "../api/store/view";
import type { KubeObject } from "../api/types";
import type { RuntimeWrite } from "../controllers/types";
import type { Instant } from "../sim/time";
import type { ProcessState } from "../runtime/shell/process";
import { feedLine, shellPrompt, startSession, CONTINUATION_PROMPT } from "../runtime/shell/session";
import type { ShellKind } from "../runtime/shell/session";
import { catalogImageFor } from "../runtime/images/behaviour";
import { openContainer } from "./open-container";

/** Simulated time one typed command may sleep before it is abandoned as if interrupted. */
export const LINE_BUDGET_MS = 60 * 60 * 1000;

export interface ShellSession {
  readonly state: ProcessState;
  readonly kind: ShellKind;
  readonly hostname: string;
}

export type SessionStep =
  | { readonly error: string }
  | {
      readonly output: { stream: "stdout" | "stderr"; text: string }[];
      readonly session: ShellSession;
      /** What to print before the next line: the prompt, or "> " inside an open construct. */
      readonly prompt: string;
      /** `exit` ended the shell with this code. */
      readonly exitCode?: number;
      readonly runtime: RuntimeWrite[];
    };

/** Which shell `prog` is in this image: bash is bash; sh is busybox ash except on debian-based images (dash). */
export function shellKindOf(image: string, prog: string): ShellKind {
  const name = prog.slice(prog.lastIndexOf("/") + 1);
  if (name === "bash") return "bash";
  const repo = catalogImageFor(image)?.repository ?? "";
  return ["busybox", "alpine", "registry.k8s.io/busybox"].includes(repo) || repo === "" ? "busybox" : "dash";
}

/** The prompt the session shows now. */
export const promptOf = (s: ShellSession): string => shellPrompt(s.kind, s.state.shell.cwd, s.hostname);

/** Opens a shell session in the container, or gives kubectl's error when it is not running. */
export function openShell(view: ClusterView, pod: KubeObject, container: string, argv: readonly string[], now: Instant): ShellSession | { error: string } {
  const opened = openContainer(view, pod, container, now);
  if ("error" in opened) return opened;
  const spec = ((pod.spec?.containers ?? []) as { name: string; image?: string }[]).find((c) => c.name === container);
  const prog = argv[0] ?? "sh";
  return {
    state: startSession({ ...(opened.container.env ?? {}) }, { pid: 2, name: prog }),
    kind: shellKindOf(spec?.image ?? "", prog),
    hostname: opened.host.hostname,
  };
}

/** Runs one typed line in the session at `now`. */
export function runLine(view: ClusterView, pod: KubeObject, container: string, session: ShellSession, line: string, now: Instant): SessionStep {
  const opened = openContainer(view, pod, container, now);
  if ("error" in opened) return opened;
  const r = feedLine(session.state, line, opened.host, LINE_BUDGET_MS);
  const next: ShellSession = { ...session, state: r.state };
  return {
    output: r.output.map(({ stream, text }) => ({ stream, text })),
    session: next,
    prompt: r.incomplete ? CONTINUATION_PROMPT : promptOf(next),
    ...(r.exited && { exitCode: r.exitCode ?? 0 }),
    runtime: opened.save(),
  };
}
