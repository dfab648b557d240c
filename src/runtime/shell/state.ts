// The whole state of a shell process as plain JSON: it is stored in the state file between
// kubesim invocations and resumed in a later one, so the point of execution is an explicit
// stack of frames (an index into the syntax tree plus each loop's progress), never a
// closure or generator.

import type { Program } from "./ast";

/** Where a file descriptor writes: the container's stdout/stderr log, a file, nowhere, or a `$(...)` capture. */
export type Target = { t: "out" } | { t: "err" } | { t: "file"; path: string } | { t: "null" } | { t: "cap" };

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
  /** Redirections of a compound command, in force for the frames above it. */
  | { k: "io"; out: Target; err: Target }
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
  /** A script that failed to parse: printed to stderr by the first step, which exits 2. */
  startError?: string;
}
