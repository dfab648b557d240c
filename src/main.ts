// The only module that touches `process`: it builds the verb environment from argv, env and
// stdio, runs the CLI, and sets the exit code.

import * as os from "node:os";
import * as path from "node:path";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import { runCli } from "./cli/program";
import type { IOStreams, VerbEnv } from "./cli/verb";
import { contextNamespace, readKubeconfig } from "./state/kubeconfig";

/** How far below the main thread V8's helper threads run: nice 10 weighs a tenth of nice 0. */
const HELPER_NICENESS = 10;

/**
 * V8 compiles hot functions and helps its garbage collector on four worker threads of its own.
 * On a machine of two cores they took turns with the thread that runs the command: in a
 * 1,000-replica rollout it waited 300-400 ms per command on the run queue, in the CronJob day
 * 650 ms (/proc/<tid>/schedstat). Their work only speeds that thread up, so it comes second;
 * with the helpers ten steps nicer it waited 20-150 ms (README, Performance). Linux sets
 * niceness per thread (its thread ids are /proc/self/task); elsewhere nothing changes.
 */
function putHelperThreadsBehindMain(): void {
  if (process.platform !== "linux") return;
  let tasks: string[];
  let niceness: number;
  try {
    tasks = fs.readdirSync("/proc/self/task");
    niceness = Math.min(19, os.getPriority(process.pid) + HELPER_NICENESS);
  } catch {
    return; // no /proc: the command runs as it would have
  }
  for (const task of tasks) {
    try {
      if (Number(task) !== process.pid) os.setPriority(Number(task), niceness);
    } catch {
      // A thread gone since, or not ours to change: it keeps its niceness.
    }
  }
}

putHelperThreadsBehindMain();

function statePath(argvState: string | undefined): string {
  const p = argvState ?? process.env.KUBESIM_STATE ?? path.join(os.homedir(), ".kubesim", "state.json");
  return path.resolve(p);
}

/**
 * Set when a reader closed our output early (`kubesim get pods | head -1`). kubectl dies of
 * SIGPIPE at its next write, after the cluster has taken its change; kubesim stops writing,
 * finishes (so the change is saved too), and exits with the status SIGPIPE gives, 141.
 */
let brokenPipe = false;

/** One wait of a millisecond, for an output pipe that is full (EAGAIN) to drain. */
const pause = (): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);

/**
 * Writes to a file descriptor directly: process.stdout and process.stderr are stream objects
 * whose first use loads Node's network stack (about 5 ms of every command), and a synchronous
 * write also keeps stdout and stderr in the order they were written.
 */
function writeOut(fd: number, text: string): void {
  if (brokenPipe) return;
  let bytes = Buffer.from(text, "utf8");
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(fs.writeSync(fd, bytes));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") pause();
      else if (code === "EPIPE") {
        brokenPipe = true;
        process.exitCode = 141;
        return;
      } else throw err;
    }
  }
}

/**
 * Standard output to a pipe or a file waits in memory before it is written: a waiting verb
 * prints a line at every change (a hundred in a 1,000-replica rollout), and each write to a
 * pipe cost half a millisecond. It is written before anything goes to standard error (the two
 * stay in order), before input is read or an editor runs, once 50 ms have passed since its
 * first line waited, and when the command ends. A terminal gets every line as it comes: a
 * person may be watching a long wait.
 */
let waiting = "";
let waitingSince = 0;
const FLUSH_AFTER_MS = 50;
const FLUSH_AT_LENGTH = 1 << 16;

/** Whether stdout is a pipe or a file (fstat, not node:tty: that loads the network stack). */
let stdoutBatches: boolean | undefined;
function batchesStdout(): boolean {
  if (stdoutBatches === undefined) {
    try {
      stdoutBatches = !fs.fstatSync(1).isCharacterDevice();
    } catch {
      stdoutBatches = false;
    }
  }
  return stdoutBatches;
}

function writeStdout(text: string): void {
  if (!batchesStdout()) return writeOut(1, text);
  if (waiting === "") {
    waitingSince = Date.now();
    setImmediate(flushStdout);
  }
  waiting += text;
  if (waiting.length >= FLUSH_AT_LENGTH || Date.now() - waitingSince >= FLUSH_AFTER_MS) flushStdout();
}

function flushStdout(): void {
  if (waiting === "") return;
  const text = waiting;
  waiting = "";
  writeOut(1, text);
}

function writeStderr(text: string): void {
  flushStdout();
  writeOut(2, text);
}

/** Whether fd is a terminal; node:tty is loaded only when a verb asks (it loads the network stack). */
function isatty(fd: number): boolean {
  return (createRequire(import.meta.url)("node:tty") as typeof import("node:tty")).isatty(fd);
}

const io: IOStreams = {
  out: { write: writeStdout },
  err: { write: writeStderr },
  get isTTY() {
    return isatty(0);
  },
  get color() {
    return isatty(2) && !process.env.NO_COLOR && process.env.TERM !== "dumb";
  },
};

/** Lines of standard input, one per call, for interactive sessions; the reader opens on first use. */
function lineReader(): () => Promise<string | undefined> {
  let lines: AsyncIterator<string> | undefined;
  return async () => {
    flushStdout();
    lines ??= (await import("node:readline")).createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
    const next = await lines.next();
    return next.done ? undefined : next.value;
  };
}

const makeEnv = (globals: VerbEnv["globals"]): VerbEnv => {
  const state = statePath(globals.state);
  return {
  vars: process.env,
  cwd: process.cwd(),
  home: os.homedir(),
  readStdin: () => {
    flushStdout();
    try {
      return fs.readFileSync(0);
    } catch {
      return Buffer.alloc(0);
    }
  },
  readLine: lineReader(),
  wallClock: () => Date.now(),
  globals,
  statePath: state,
  namespace: globals.namespace ?? contextNamespace(readKubeconfig(state), globals.context),
  explicitNamespace: globals.namespace !== undefined,
  runEditor: (file) => {
    flushStdout();
    const editor = process.env.KUBE_EDITOR || process.env.EDITOR || "vi";
    // Loaded only here: child_process pulls in the network stack, which start-up never needs.
    const { spawnSync } = createRequire(import.meta.url)("node:child_process") as typeof import("node:child_process");
    const r = spawnSync(`${editor} "${file}"`, { shell: true, stdio: "inherit" });
    return r.status ?? 1;
  },
  };
};

runCli(process.argv.slice(2), makeEnv, io).then(
  (code) => {
    flushStdout();
    process.exitCode = brokenPipe ? 141 : code;
  },
  (err) => {
    writeStderr(`error: internal: ${(err as Error)?.message ?? err} (please report)\n`);
    if (process.env.KUBESIM_DEBUG === "1") writeStderr(`${(err as Error)?.stack}\n`);
    process.exitCode = 1;
  },
);
