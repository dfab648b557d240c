// The whole state of a shell process as plain JSON: it is stored in the state file between
// kubesim invocations and resumed in a later one, so the point of execution is an explicit
// stack of frames (an index into the syntax tree plus each loop's progress), never a
// closure or generator.

import type { Program } from "./ast";

/** Where a file descriptor writes: the container's stdout/stderr log, a file, nowhere, or a `$(...)` capture. */
export type Target = { t: "out" } | { t: "err" } | { t: "file"; path: string } | { t: "null" } | { t: "cap" };

/**
 * Standard input as the reader sees it: what has arrived and not yet been read, and whether
 * the writer has finished (a file or here-document is complete at once; a pipe fills as the
 * stage on its left runs).
 */
export interface Stream {
  buf: string;
  eof: boolean;
}

/** One stage of a running pipeline: a subshell with its own stack, input and clock. */
export interface PipeStage {
  shell: Shell;
  /** What the stage on the left has written and this one has not read (stage 0 reads the pipeline's stdin). */
  input: Stream;
  /** Simulated instant the stage sleeps until. */
  wakeAt?: number;
  /** Waiting for input that has not arrived; cleared when the left stage writes or ends. */
  blocked?: boolean;
  /** Exit status once the stage has ended. */
  exit?: number;
  /** `|&`: the stage's stderr goes down the pipe too. */
  errToPipe?: boolean;
}

/** One activation on the continuation stack; the top frame is what runs next. */
export type Frame =
  /** Runs `stmts` in order; `i` is the next one. */
  | { k: "list"; stmts: number[]; i: number }
  /** `x && y` / `x || y` (node): phase 0 runs x, phase 1 decides on y. */
  | { k: "andor"; node: number; phase: 0 | 1 }
  /** `if` (node): "cond" runs the condition, "branch" picks then/else. */
  | { k: "if"; node: number; phase: "cond" | "branch" }
  /** `while`/`until` (node); `last` is the body's last status, the loop's own status. */
  | { k: "while"; node: number; phase: "cond" | "test" | "body"; last: number }
  /** `for` (node) over already-expanded `items`; `i` is the next item. */
  | { k: "for"; node: number; items: string[]; i: number; last: number }
  /** Inverts the status of what ran above it (`! cmd`). */
  | { k: "neg" }
  /** Redirections of a compound command, in force for the frames above it; `in` replaces stdin. */
  | { k: "io"; out: Target; err: Target; in?: Stream }
  /** A pipeline whose stages run side by side; it ends when every stage has ended. */
  | { k: "pipe"; stages: PipeStage[] }
  /** A text filter (grep, sort, …) reading a pipe that is still open: `state` is its own progress. */
  | { k: "filter"; name: string; state: unknown; out: Target; err: Target }
  /** `tail -f`: the followed files and how much of each has been printed. */
  | { k: "follow"; files: { path: string; offset: number }[]; out: Target }
  /** `read` waiting for a whole line to arrive on a pipe. */
  | { k: "read"; names: string[]; raw: boolean; ifs: string }
  /** A `( … )` subshell: the variables and directory to restore when it ends. */
  | { k: "subshell"; vars: Record<string, string>; exported: string[]; cwd: string }
  /** A function call: the caller's positional parameters, restored on return. */
  | { k: "func"; args: string[] };

/** The variables, positional parameters and execution point of a shell. */
export interface Shell {
  vars: Record<string, string>;
  /** Names of exported variables, in the order `env` prints them. */
  exported: string[];
  /** $0, $1, … */
  args: string[];
  funcs: Record<string, number>;
  cwd: string;
  /** $? */
  status: number;
  frames: Frame[];
}

/** A process: its script, its shell and, while asleep, when it wakes. Plain JSON. */
export interface ProcessState {
  v: 1;
  pid: number;
  program: Program;
  shell: Shell;
  /** Simulated instant (ms) the process sleeps until; absent while it is runnable. */
  wakeAt?: number;
  /** Set once the process has ended. */
  exitCode?: number;
  /** Standard input not yet read (`kubectl exec -i` with piped input); absent means empty. */
  stdin?: Stream;
  /** The container's processes `ps` lists. */
  processes?: { pid: number; command: string }[];
  /** An interactive session (`kubectl exec -it … sh`): input typed so far that does not yet parse as a whole command. */
  session?: { pending: string };
  /** A script that failed to parse: printed to stderr by the first step, which exits 2. */
  startError?: string;
}
