// An interactive shell for `kubectl exec -it POD -- sh`: the caller reads lines from the
// terminal and feeds them one at a time. Like ash/bash reading from a tty, a line that
// leaves a construct open (an `if`, a quote, a here-document) waits for more lines behind
// the continuation prompt; a complete one runs to its end with the variables, functions,
// directory and $? left by earlier lines. The session is a ProcessState like any other
// (plain JSON): its program grows by the nodes of each line, so functions stay defined.

import { parseScript, ShellSyntaxError } from "./parse";
import { ashSyntaxError } from "./syntax-error";
import { processTable, stepOwnedProcess } from "./process";
import type { OutputChunk, StartOptions } from "./process";
import type { ProcessState, Shell } from "./state";
import type { ProcessHost } from "../types";
import { hostAt } from "../host";

/** Which shell an image's `sh`/`bash` is: busybox ash (alpine, busybox), bash (debian, ubuntu), dash (debian's /bin/sh). */
export type ShellKind = "busybox" | "bash" | "dash";

/** The prompt a shell prints after a command that left more lines open (PS2). */
export const CONTINUATION_PROMPT = "> ";

/**
 * The prompt (PS1) a root shell prints with `cwd` as its directory: busybox ash `/ # `
 * (`\w \$ `, home shown as ~), debian bash `root@HOST:/# ` (/etc/bash.bashrc's
 * `\u@\h:\w\$ `, \h being the hostname up to its first dot), dash `# `.
 */
export function shellPrompt(kind: ShellKind, cwd: string, hostname: string, home = "/root"): string {
  const w = cwd === home ? "~" : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
  switch (kind) {
    case "busybox":
      return `${w} # `;
    case "bash":
      return `root@${hostname.split(".")[0]}:${w}# `;
    case "dash":
      return "# ";
  }
}

/** What an interactive shell prints on the terminal when `exit` ends it (bash echoes "exit"). */
export function exitEcho(kind: ShellKind): string {
  return kind === "bash" ? "exit\n" : "";
}

export interface SessionOptions extends StartOptions {
  /** The shell's name for $0 and error messages ("sh", "bash"). */
  name?: string;
}

/** A shell waiting for its first line: no program yet, the environment exported, in `/`. */
export function startSession(env: Record<string, string>, options: SessionOptions = {}): ProcessState {
  const name = options.name ?? "sh";
  const shell: Shell = { vars: { ...env }, exported: Object.keys(env), args: [name], funcs: {}, cwd: "/", status: 0, frames: [] };
  const pid = options.pid ?? 1;
  return {
    v: 1,
    pid,
    program: { nodes: [], root: [] },
    shell,
    processes: processTable(pid, name, options.mainCommand),
    session: { pending: "" },
  };
}

export interface LineResult {
  /** The session after the line (the input state is not modified). */
  state: ProcessState;
  output: OutputChunk[];
  /** The input so far leaves a construct open: print CONTINUATION_PROMPT and feed the next line. */
  incomplete: boolean;
  /** $? after the line. */
  status: number;
  /** `exit` (or a fatal signal) ended the shell: the session is over, with this exit code. */
  exited: boolean;
  exitCode?: number;
  /** The line's command slept past the budget and was abandoned (as if interrupted). */
  timedOut: boolean;
  /** Simulated instant the line finished (host.now plus the time its sleeps took). */
  endedAt: number;
}

/** 128 + SIGINT: the status of a command abandoned like one interrupted with ^C. */
const INTERRUPTED = 130;

/**
 * Feeds one line typed at the session's prompt (without its newline). Runs it, and the
 * lines before it that were incomplete, to completion; sleeps advance a local clock from
 * host.now, up to budgetMs.
 */
export function feedLine(state: ProcessState, line: string, host: ProcessHost, budgetMs = 60_000): LineResult {
  // A copy of its own (the parse below adds to its program), then stepped in place.
  let st = JSON.parse(JSON.stringify(state)) as ProcessState;
  const output: OutputChunk[] = [];
  const result = (extra: Partial<LineResult> = {}): LineResult => ({
    state: st, output, incomplete: false, status: st.shell.status, exited: false, timedOut: false, endedAt: host.now, ...extra,
  });
  if (st.exitCode !== undefined) return result({ exited: true, exitCode: st.exitCode });
  const source = `${st.session?.pending ?? ""}${line}\n`;
  st.session = { pending: "" };
  const name = st.shell.args[0] ?? "sh";
  let root: number[];
  try {
    root = parseScript(source, st.program.nodes).root;
  } catch (err) {
    if (!(err instanceof ShellSyntaxError)) throw err;
    if (err.incomplete) {
      st.session = { pending: source };
      return result({ incomplete: true });
    }
    output.push({ stream: "stderr", text: `${name}: ${ashSyntaxError(err.message)}\n`, at: host.now });
    st.shell.status = 2;
    return result({ status: 2 });
  }
  st.shell.frames = [{ k: "list", stmts: root, i: 0 }];
  delete st.wakeAt;
  let clock = host.now;
  const deadline = host.now + budgetMs;
  for (;;) {
    const r = stepOwnedProcess(st, hostAt(host, clock));
    output.push(...r.output);
    st = r.state;
    if (r.exited) return result({ exited: true, exitCode: r.exited.code, status: r.exited.code, endedAt: clock });
    if (r.idle) return result({ endedAt: clock });
    const wake = r.wakeAt ?? clock;
    if (wake > deadline) {
      st.shell.frames = [];
      delete st.wakeAt;
      st.shell.status = INTERRUPTED;
      return result({ status: INTERRUPTED, timedOut: true, endedAt: deadline });
    }
    clock = wake;
  }
}
