// The public API of the shell interpreter: start a container process from its argv,
// step it through simulated time (it suspends at `sleep` and is resumed from its JSON
// state, possibly in another kubesim invocation), or run it to completion for exec and
// probes.

import type { Node, Program } from "./ast";
import { runShell } from "./machine";
import type { RunContext } from "./machine";
import { parseScript, ShellSyntaxError } from "./parse";
import { ashSyntaxError } from "./syntax-error";
import type { ProcessState, Shell } from "./state";
import type { ProcessHost, ProgramRun } from "../types";
import { hostAt } from "../host";
import { deepFreeze } from "../../api/deep-freeze";

export type { ProcessState } from "./state";

export interface OutputChunk {
  stream: "stdout" | "stderr";
  text: string;
  /** Simulated instant (ms since the epoch) the text was written. */
  at: number;
}

export interface StepResult {
  /** The process after the step (the input state is not modified). */
  state: ProcessState;
  output: OutputChunk[];
  /** Present when the process ended during (or before) this step. */
  exited?: { code: number };
  /** Present when the process is asleep: step it again once the clock reaches this instant. */
  wakeAt?: number;
  /** An interactive session (session.ts) has run all it was given and waits for the next line. */
  idle?: boolean;
}

export interface StartOptions {
  /** The process id, `$$` (1: a container's main process). */
  pid?: number;
  /** The container's main process (pid 1) command line, for `ps` in a shell that is not it (exec). */
  mainCommand?: string;
  /** Standard input, complete (`kubectl exec -i` with piped input); empty when absent. */
  stdin?: string;
}

/** Operations one uninterrupted run may take before a process that never sleeps is preempted. */
const OPS_PER_SLICE = 100_000;
/** Simulated time a preempted busy process waits before its next slice. */
const BUSY_SLICE_MS = 1000;
/** Wake-ups one step catches up on before it returns (the caller steps again). */
const MAX_WAKES_PER_STEP = 10_000;

const SHELLS = new Set(["sh", "bash", "ash", "dash"]);

/**
 * Creates the process for a container's argv (command + args after `$(VAR)` expansion):
 * `sh -c SCRIPT [NAME [ARG…]]` (also /bin/sh, bash, combined flags like `-ec`) runs the
 * script with $0 = NAME and $1… = ARGs; anything else runs as a single command.
 * `env` becomes the exported variables. Parsing happens here; a syntax error makes a
 * process whose first step prints it and exits 2.
 */
export function startProcess(argv: string[], env: Record<string, string>, options: StartOptions = {}): ProcessState {
  const state = newProcess(argv, env, options);
  const shell = state.shell;
  const prog = argv[0] ?? "";
  if (SHELLS.has(prog.slice(prog.lastIndexOf("/") + 1))) {
    let i = 1;
    let script: string | undefined;
    for (; i < argv.length && /^-[a-z]+$/.test(argv[i]); i++) {
      if (argv[i].includes("c")) script = "";
    }
    if (script !== undefined) {
      script = argv[i++] ?? "";
      shell.args = argv.length > i ? argv.slice(i) : [prog];
      try {
        state.program = parsedScript(script);
      } catch (err) {
        if (!(err instanceof ShellSyntaxError)) throw err;
        state.startError = `${prog}: ${ashSyntaxError(err.message)}\n`;
      }
    }
    // `sh` without -c would read commands from its standard input, which is empty.
  } else {
    state.program = singleCommand(argv);
  }
  shell.frames = [{ k: "list", stmts: state.program.root, i: 0 }];
  return state;
}

/** A process for `argv` that has no program yet: `env` exported, `$0` = argv[0], cwd `/`. */
function newProcess(argv: string[], env: Record<string, string>, options: StartOptions): ProcessState {
  const shell: Shell = {
    vars: { ...env },
    exported: Object.keys(env),
    args: [argv[0] ?? "sh"],
    funcs: {},
    cwd: "/",
    status: 0,
    frames: [],
  };
  const state: ProcessState = { v: 1, pid: options.pid ?? 1, program: { nodes: [], root: [] }, shell };
  state.processes = processTable(state.pid, argv.join(" "), options.mainCommand);
  if (options.stdin !== undefined && options.stdin !== "") state.stdin = { buf: options.stdin, eof: true };
  return state;
}

/**
 * The process of a program modelled by what it does (an image's compute model): it is busy for
 * `run.durationMs`, then writes `run.stdout` and exits with `run.exitCode`. It is built as the
 * program `sleep S; printf TEXT; exit CODE`, so it suspends, resumes and is stopped as any
 * other process, and its output is stamped with the instant it finishes. `ps` shows `argv`.
 * @example startTimedProcess(["perl", "-le", "print bpi(5)"], env, { durationMs: 100, stdout: "3.1416\n", exitCode: 0 })
 */
export function startTimedProcess(argv: string[], env: Record<string, string>, run: ProgramRun, options: StartOptions = {}): ProcessState {
  const state = newProcess(argv, env, options);
  const call = (...words: string[]): Node => ({ t: "call", assigns: [], args: words.map((v) => [{ t: "sq", v }]) });
  // The text is printf's format, its % and \ doubled: printf reads them back as written.
  const format = run.stdout.replaceAll("\\", "\\\\").replaceAll("%", "%%");
  const nodes: Node[] = [call("sleep", String(run.durationMs / 1000)), call("printf", format), call("exit", String(run.exitCode))];
  state.program = { nodes: [...nodes, ...nodes.map((_, cmd): Node => ({ t: "stmt", cmd }))], root: [3, 4, 5] };
  state.shell.frames = [{ k: "list", stmts: state.program.root, i: 0 }];
  return state;
}

/** What `ps` lists: pid 1 (the container's main process) and this process when it is another. */
export function processTable(pid: number, command: string, mainCommand: string | undefined): { pid: number; command: string }[] {
  if (pid === 1) return [{ pid, command }];
  return [{ pid: 1, command: mainCommand ?? "sh" }, { pid, command }];
}

/** A program of one command whose words are the argv, taken literally. */
function singleCommand(argv: string[]): Program {
  const nodes: Node[] = [
    { t: "call", assigns: [], args: argv.map((a) => [{ t: "sq", v: a }]) },
    { t: "stmt", cmd: 0 },
  ];
  return { nodes, root: [1] };
}

/**
 * Runs the process from where it stopped until it exits or sleeps past `host.now`.
 * Sleeps that end at or before `host.now` are taken inside the step (output is stamped
 * with the simulated instant it was written), so one call catches a process up to now.
 * A state still asleep at `host.now` comes back unchanged with its wakeAt.
 */
export function stepProcess(state: ProcessState, host: ProcessHost): StepResult {
  return stepOwnedProcess(copyProcess(state), host);
}

/** A copy of a process state to change; the program (the parsed script) is only read, and shared. */
export function copyProcess(state: ProcessState): ProcessState {
  const st = JSON.parse(JSON.stringify({ ...state, program: null })) as ProcessState;
  st.program = state.program;
  return st;
}

/**
 * stepProcess for a state that is the caller's alone (just started, or the result of its last
 * step): it is changed in place, which spares copying it, and is the result's state.
 */
export function stepOwnedProcess(st: ProcessState, host: ProcessHost): StepResult {
  const output: OutputChunk[] = [];
  if (st.exitCode !== undefined) return { state: st, output, exited: { code: st.exitCode } };
  if (st.startError !== undefined) {
    output.push({ stream: "stderr", text: st.startError, at: host.now });
    st.exitCode = 2;
    return { state: st, output, exited: { code: 2 } };
  }
  if (st.wakeAt !== undefined && st.wakeAt > host.now) return { state: st, output, wakeAt: st.wakeAt };
  let clock = Math.min(st.wakeAt ?? host.now, host.now);
  for (let wakes = 0; ; wakes++) {
    delete st.wakeAt;
    const now = clock;
    const ctx: RunContext = {
      host: hostAt(host, now),
      pid: st.pid,
      program: st.program,
      emit: (stream, text) => {
        const last = output[output.length - 1];
        // Consecutive writes to one stream at one instant are one chunk.
        if (last !== undefined && last.stream === stream && last.at === now) last.text += text;
        else output.push({ stream, text, at: now });
      },
      pendingSleepMs: 0,
      ops: OPS_PER_SLICE,
    };
    if (st.processes !== undefined) ctx.processes = st.processes;
    // The process's stdin (when it has one) is read in place, so what is read stays read.
    const r = runShell(st.shell, ctx, st.stdin);
    if (r.k === "exit" && st.session !== undefined && r.explicit !== true) return { state: st, output, idle: true };
    if (r.k === "exit") {
      st.exitCode = r.code;
      return { state: st, output, exited: { code: r.code } };
    }
    // "busy" (preempted), "block" and "full" (pipe states that cannot reach the top level) retry later.
    const wake = r.k === "sleep" ? clock + r.ms : Math.max(clock, host.now) + BUSY_SLICE_MS;
    st.wakeAt = wake;
    if (wake > host.now || wakes + 1 >= MAX_WAKES_PER_STEP) return { state: st, output, wakeAt: wake };
    clock = wake;
  }
}

export interface CompletedRun {
  output: OutputChunk[];
  /** The exit status, or undefined when the time budget ran out first. */
  exitCode: number | undefined;
  timedOut: boolean;
  /** The process as it ended (or as it was when the budget ran out). */
  state: ProcessState;
  /** Simulated instant the run ended at (host.now + time spent sleeping). */
  endedAt: number;
}

/**
 * Runs a command to its end, for `exec` and exec probes: sleeps advance a local clock
 * starting at host.now, and the run is cut off (timedOut) once they would pass
 * host.now + budgetMs.
 */
export function runToCompletion(
  argv: string[],
  env: Record<string, string>,
  host: ProcessHost,
  budgetMs = 60_000,
  options: StartOptions = {},
): CompletedRun {
  let state = startProcess(argv, env, options); // this run's alone: stepped in place
  const output: OutputChunk[] = [];
  let clock = host.now;
  const deadline = host.now + budgetMs;
  for (;;) {
    const r = stepOwnedProcess(state, hostAt(host, clock));
    output.push(...r.output);
    state = r.state;
    if (r.exited) return { output, exitCode: r.exited.code, timedOut: false, state, endedAt: clock };
    const wake = r.wakeAt ?? clock;
    if (wake > deadline) return { output, exitCode: undefined, timedOut: true, state, endedAt: deadline };
    clock = wake;
  }
}

/**
 * Scripts parsed once per process: a CronJob's pods start the same `sh -c` script every minute,
 * and mvdan-sh takes a millisecond or more per parse. Frozen, as every process shares it.
 */
const PARSED = new Map<string, Program | ShellSyntaxError>();

function parsedScript(script: string): Program {
  let parsed = PARSED.get(script);
  if (parsed === undefined) {
    try {
      parsed = deepFreeze(parseScript(script));
    } catch (err) {
      if (!(err instanceof ShellSyntaxError)) throw err;
      parsed = err;
    }
    PARSED.set(script, parsed);
  }
  if (parsed instanceof ShellSyntaxError) throw parsed;
  return parsed;
}
