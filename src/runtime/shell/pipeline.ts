// Pipelines `a | b | c` as stages taking turns inside one simulated process. Each stage is a
// subshell with its own frame stack (state.ts PipeStage), so a pipeline can stop at any
// instant and resume from JSON: the writer's output is appended to the reader's input
// buffer; a reader with no whole line waits ("block"); a writer that has filled the pipe
// yields ("full"); a writer whose reader has ended dies of SIGPIPE when it next writes.
// There is no real concurrency: stages are interleaved between commands (see README).

import type { RunContext, RunResult } from "./machine";
import type { Frame, PipeStage, Shell, Stream } from "./state";
import { hostAt } from "../host";

/** What a pipe holds before its writer yields to the reader (a real pipe holds 64 KiB, but its reader runs alongside; a smaller buffer interleaves the stages sooner). */
export const PIPE_CAPACITY = 4096;

/** 128 + SIGPIPE, the status of a writer whose reader has gone. */
const SIGPIPE_STATUS = 141;

export type PipeFrame = Extract<Frame, { k: "pipe" }>;

/** Thrown by a stage writing to a stage that has ended; caught by the pipeline it belongs to. */
class BrokenPipe {
  readonly pipe: PipeFrame;
  constructor(pipe: PipeFrame) {
    this.pipe = pipe;
  }
}

/** The frame of a new pipeline: one copy of `shell` per stage statement. */
export function newPipeline(shell: Shell, ids: number[], errToPipe: boolean[] | undefined): PipeFrame {
  const base = JSON.stringify({ ...shell, frames: [] });
  const stages = ids.map((id, i): PipeStage => {
    const copy = JSON.parse(base) as Shell;
    copy.frames = [{ k: "list", stmts: [id], i: 0 }];
    const stage: PipeStage = { shell: copy, input: { buf: "", eof: i === 0 } };
    if (errToPipe?.[i]) stage.errToPipe = true;
    return stage;
  });
  return { k: "pipe", stages };
}

/** What the stages need from the machine running the pipeline. */
export interface PipelineHost {
  ctx: RunContext;
  /** The pipeline's stdin, read by the first stage. */
  stdin: Stream;
  /** The pipeline's stdout (the last stage's) and stderr. */
  out(text: string): void;
  err(text: string): void;
  /** Runs a stage's shell until it ends, sleeps, blocks, yields or is preempted. */
  runStage(shell: Shell, ctx: RunContext, stdin: Stream): RunResult;
}

/**
 * One instant of a pipeline: runs stages until each has ended, sleeps past `now`, or waits
 * for input. Returns "busy" when the step budget ran out inside a stage.
 */
export function runStages(f: PipeFrame, now: number, host: PipelineHost): "busy" | undefined {
  for (let progressed = true; progressed; ) {
    progressed = false;
    for (let i = 0; i < f.stages.length; i++) {
      const st = f.stages[i];
      if (st.exit !== undefined || st.blocked) continue;
      const next = f.stages[i + 1] as PipeStage | undefined;
      // A full pipe holds its writer back, unless the reader is stuck on a line longer than the buffer.
      if (next !== undefined && next.exit === undefined && !next.blocked && next.input.buf.length >= PIPE_CAPACITY) continue;
      if (st.wakeAt !== undefined) {
        if (st.wakeAt > now) continue;
        delete st.wakeAt;
      }
      progressed = true;
      const r = runOne(f, st, next, i === 0 ? host.stdin : st.input, now, host);
      if (r.k === "busy") return "busy";
      if (r.k === "full") continue;
      if (r.k === "sleep") st.wakeAt = now + r.ms;
      else if (r.k === "block") st.blocked = true;
      else {
        st.exit = r.code;
        if (next !== undefined) {
          next.input.eof = true;
          next.blocked = false;
        }
      }
    }
  }
  return undefined;
}

function runOne(f: PipeFrame, st: PipeStage, next: PipeStage | undefined, stdin: Stream, now: number, host: PipelineHost): RunResult {
  const parent = host.ctx;
  const sink = (text: string): void => {
    if (next === undefined) host.out(text);
    else if (next.exit !== undefined) throw new BrokenPipe(f);
    else if (text !== "") {
      next.input.buf += text;
      next.blocked = false;
      if (next.input.buf.length >= PIPE_CAPACITY) ctx.pipeFull = true;
    }
  };
  const ctx: RunContext = {
    host: hostAt(parent.host, now),
    pid: parent.pid,
    program: parent.program,
    emit: (stream, text) => (stream === "stdout" || st.errToPipe ? sink(text) : host.err(text)),
    pendingSleepMs: 0,
    ops: parent.ops,
  };
  if (parent.processes !== undefined) ctx.processes = parent.processes;
  try {
    return host.runStage(st.shell, ctx, stdin);
  } catch (err) {
    if (!(err instanceof BrokenPipe) || err.pipe !== f) throw err;
    st.shell.frames = [];
    return { k: "exit", code: SIGPIPE_STATUS };
  } finally {
    parent.ops = ctx.ops;
  }
}
