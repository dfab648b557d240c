// The interpreter: runs a Shell's continuation stack (state.ts) over the syntax tree
// (ast.ts) until the script ends, sleeps, or (a pipeline stage) waits for input. Compound
// commands push frames and their progress lives in the frames, so the stack can be stored
// as JSON at any suspension point and resumed later. A pipeline is a frame holding one
// stack per stage; the stages take turns at each instant (see stepPipe). `$(...)` and `&`
// run to completion in a nested machine on a copy of the shell (they are subshells); a
// `sleep` inside one does not suspend on the spot but delays the process once the
// enclosing command has finished.

import type { Node, Program, Redir, Stmt } from "./ast";
import { findBuiltin, findFilter } from "./builtins";
import { fsMessage } from "./builtins-fs";
import { resolvePath } from "./command";
import type { CommandContext } from "./command";
import { expandFields, expandPattern, expandString } from "./expand";
import type { Expander } from "./expand";
import { globMatch } from "./glob";
import { newPipeline, runStages } from "./pipeline";
import type { PipeFrame, PipelineHost } from "./pipeline";
import { splitFields, takeLine } from "./read-line";
import type { Frame, Shell, Stream, Target } from "./state";
import type { ProcessHost } from "../types";

/** What a run shares across nested machines: the world, the log, the sleep owed. */
export interface RunContext {
  host: ProcessHost;
  pid: number;
  program: Program;
  emit(stream: "stdout" | "stderr", text: string): void;
  /** Sleep requested by commands and not yet taken. */
  pendingSleepMs: number;
  /** Steps left before a process that never sleeps is preempted (a busy loop). */
  ops: number;
  /** The container's processes, for `ps`. */
  processes?: readonly { pid: number; command: string }[];
  /** Set when a pipeline stage has filled its pipe: it stops after the current command. */
  pipeFull?: boolean;
}

/**
 * How a run stopped: the shell ended (`explicit` when by `exit` or a fatal signal, not by
 * running out of commands), sleeps, was preempted, or waits for input on a pipe.
 */
export type RunResult =
  | { k: "exit"; code: number; explicit?: boolean }
  | { k: "sleep"; ms: number }
  | { k: "busy" }
  | { k: "block" }
  /** A pipeline stage whose pipe is full: it goes on once the reader has taken some. */
  | { k: "full" };

interface Io {
  out: Target;
  err: Target;
  stdin: Stream;
}

/** A complete input: a file, a here-document, or nothing. */
const complete = (buf: string): Stream => ({ buf, eof: true });

/** How often busybox `tail -f` looks at its files again. */
const FOLLOW_POLL_MS = 1000;

const SIGNALS: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, TERM: 15 };

/** Runs `shell` until it exits or (top level only) sleeps or exhausts its step budget; `stdin` is read in place. */
export function runShell(shell: Shell, ctx: RunContext, stdin: Stream = complete("")): RunResult {
  return new Machine(shell, ctx, true, undefined, stdin).run();
}

class Machine {
  private readonly shell: Shell;
  private readonly ctx: RunContext;
  /** Only the process's own machine may stop to sleep; nested ones run to completion. */
  private readonly suspendable: boolean;
  private readonly capture: string[] | undefined;
  private readonly stdin: Stream;

  constructor(shell: Shell, ctx: RunContext, suspendable: boolean, capture: string[] | undefined, stdin: Stream) {
    this.shell = shell;
    this.ctx = ctx;
    this.suspendable = suspendable;
    this.capture = capture;
    this.stdin = stdin;
  }

  /** Status of the last `$(...)` of the command being expanded. */
  private substStatus: number | undefined;

  private get frames(): Frame[] {
    return this.shell.frames;
  }

  private node(id: number): Node {
    return this.ctx.program.nodes[id];
  }

  run(): RunResult {
    const sh = this.shell;
    for (;;) {
      if (this.suspendable && this.ctx.pendingSleepMs > 0) {
        const ms = this.ctx.pendingSleepMs;
        this.ctx.pendingSleepMs = 0;
        return { k: "sleep", ms };
      }
      if (this.suspendable && this.ctx.pipeFull) return { k: "full" };
      if (--this.ctx.ops < 0) return this.suspendable ? { k: "busy" } : { k: "exit", code: 1 };
      const f = this.frames[this.frames.length - 1];
      if (f === undefined) return { k: "exit", code: sh.status };
      switch (f.k) {
        case "list":
          if (f.i >= f.stmts.length) this.frames.pop();
          else if (this.stmt(f.stmts[f.i++]) !== undefined) return { k: "exit", code: sh.status, explicit: true };
          break;
        case "andor": {
          const n = this.node(f.node) as Extract<Node, { x: number; y: number }>;
          if (f.phase === 0) {
            f.phase = 1;
            if (this.stmt(n.x) !== undefined) return { k: "exit", code: sh.status, explicit: true };
          } else {
            this.frames.pop();
            if ((n.t === "and") === (sh.status === 0) && this.stmt(n.y) !== undefined) {
              return { k: "exit", code: sh.status, explicit: true };
            }
          }
          break;
        }
        case "if": {
          const n = this.node(f.node) as Extract<Node, { t: "if" }>;
          if (f.phase === "cond") {
            f.phase = "branch";
            this.pushList(n.cond);
          } else {
            this.frames.pop();
            if (sh.status === 0) this.pushList(n.then);
            else if (n.else) this.pushList(n.else);
            else sh.status = 0;
          }
          break;
        }
        case "while": {
          const n = this.node(f.node) as Extract<Node, { t: "while" }>;
          if (f.phase === "cond") {
            f.phase = "test";
            this.pushList(n.cond);
          } else if (f.phase === "test") {
            if ((sh.status === 0) !== n.until) {
              f.phase = "body";
              this.pushList(n.body);
            } else {
              this.frames.pop();
              sh.status = f.last;
            }
          } else {
            f.last = sh.status;
            f.phase = "cond";
          }
          break;
        }
        case "for": {
          const n = this.node(f.node) as Extract<Node, { t: "for" }>;
          if (f.i > 0) f.last = sh.status;
          if (f.i >= f.items.length) {
            this.frames.pop();
            sh.status = f.last;
          } else {
            sh.vars[n.name] = f.items[f.i++];
            this.pushList(n.body);
          }
          break;
        }
        case "neg":
          this.frames.pop();
          sh.status = sh.status === 0 ? 1 : 0;
          break;
        case "io":
          this.frames.pop();
          break;
        case "subshell":
          this.frames.pop();
          sh.vars = f.vars;
          sh.exported = f.exported;
          sh.cwd = f.cwd;
          break;
        case "func":
          this.frames.pop();
          sh.args = f.args;
          break;
        case "pipe": {
          const r = this.stepPipe(f);
          if (r !== undefined) return r;
          break;
        }
        case "filter":
          if (!this.stepFilter(f)) return { k: "block" };
          break;
        case "follow":
          this.stepFollow(f);
          break;
        case "read":
          if (!this.readLine(f.names, f.raw, this.currentIo().stdin, f.ifs)) return { k: "block" };
          this.frames.pop();
          break;
      }
    }
  }

  /** busybox tail -f's loop: print what was appended since the last look (all of a file that shrank), then sleep 1s. */
  private stepFollow(f: Extract<Frame, { k: "follow" }>): void {
    for (const file of f.files) {
      const text = this.ctx.host.fs.read(file.path) ?? "";
      if (text.length < file.offset) file.offset = 0;
      this.write(f.out, text.slice(file.offset));
      file.offset = text.length;
    }
    this.ctx.pendingSleepMs += FOLLOW_POLL_MS;
  }

  private pushList(stmts: number[]): void {
    this.frames.push({ k: "list", stmts, i: 0 });
  }

  /** The redirections in force: the innermost `io` frame's, or the process's stdout/stderr (and stdin). */
  private currentIo(): Io {
    let io: { out: Target; err: Target } | undefined;
    let stdin: Stream | undefined;
    for (let i = this.frames.length - 1; i >= 0 && (io === undefined || stdin === undefined); i--) {
      const f = this.frames[i];
      if (f.k !== "io") continue;
      io ??= { out: f.out, err: f.err };
      if (f.in !== undefined) stdin ??= f.in;
    }
    return { out: io?.out ?? { t: "out" }, err: io?.err ?? { t: "err" }, stdin: stdin ?? this.stdin };
  }

  /** An `io` frame for redirections, carrying stdin only when they replaced it. */
  private ioFrame(io: Io, before: Io): Frame {
    return io.stdin === before.stdin ? { k: "io", out: io.out, err: io.err } : { k: "io", out: io.out, err: io.err, in: io.stdin };
  }

  private write(target: Target, text: string): void {
    if (text === "") return;
    switch (target.t) {
      case "out":
        this.ctx.emit("stdout", text);
        break;
      case "err":
        this.ctx.emit("stderr", text);
        break;
      case "cap":
        this.capture?.push(text);
        break;
      case "file":
        try {
          this.ctx.host.fs.write(target.path, text, true);
        } catch (err) {
          this.ctx.emit("stderr", `sh: can't write ${target.path}: ${fsMessage(err)}\n`);
        }
        break;
      case "null":
        break;
    }
  }

  private expander(): Expander {
    const host = this.ctx.host;
    return {
      shell: this.shell,
      pid: this.ctx.pid,
      subst: (body) => {
        const buf: string[] = [];
        const sub = this.nested([{ k: "io", out: { t: "cap" }, err: this.currentIo().err }, { k: "list", stmts: body, i: 0 }], buf, complete(""));
        this.substStatus = sub;
        return buf.join("");
      },
      error: (message) => this.write(this.currentIo().err, message),
      files: () => host.fs,
    };
  }

  /** Runs frames to completion in a subshell (a copy of this shell); returns its status. */
  private nested(frames: Frame[], capture: string[] | undefined, stdin: Stream): number {
    const copy: Shell = JSON.parse(JSON.stringify({ ...this.shell, frames: [] })) as Shell;
    copy.frames = frames;
    const result = new Machine(copy, this.ctx, false, capture, stdin).run();
    return result.k === "exit" ? result.code : 1;
  }

  /**
   * Starts statement `id`: a simple command runs at once, a compound one pushes its
   * frames. Returns "exit" when the whole process (not a subshell) must end.
   */
  private stmt(id: number): "exit" | undefined {
    const s = this.node(id) as Stmt;
    const cmd = this.node(s.cmd);
    const sh = this.shell;
    if (s.bg && cmd.t === "block") {
      // Background jobs are not scheduled separately: they run to completion now, in a subshell.
      const io = this.currentIo();
      this.nested([{ k: "io", out: io.out, err: io.err }, { k: "list", stmts: cmd.body, i: 0 }], undefined, complete(""));
      sh.status = 0;
      return undefined;
    }
    if (cmd.t === "call") {
      const signal = this.call(cmd, s.redirs ?? []);
      if (signal === undefined && s.neg) sh.status = sh.status === 0 ? 1 : 0;
      return signal;
    }
    if (s.neg) this.frames.push({ k: "neg" });
    if (s.redirs) {
      const before = this.currentIo();
      const io = this.redirect(s.redirs, before);
      if (io === undefined) {
        sh.status = 1;
        return undefined;
      }
      this.frames.push(this.ioFrame(io, before));
    }
    switch (cmd.t) {
      case "and":
      case "or":
        this.frames.push({ k: "andor", node: s.cmd, phase: 0 });
        break;
      case "pipeline":
      case "pipe": {
        if (cmd.t === "pipe") this.frames.push(newPipeline(sh, [cmd.x, cmd.y], undefined));
        else this.frames.push(newPipeline(sh, cmd.stages, cmd.errToPipe));
        break;
      }
      case "if":
        this.frames.push({ k: "if", node: s.cmd, phase: "cond" });
        break;
      case "while":
        this.frames.push({ k: "while", node: s.cmd, phase: "cond", last: 0 });
        break;
      case "for": {
        const items = cmd.items ? expandFields(cmd.items, this.expander()) : sh.args.slice(1);
        this.frames.push({ k: "for", node: s.cmd, items, i: 0, last: 0 });
        break;
      }
      case "block":
        this.pushList(cmd.body);
        break;
      case "subshell":
        this.frames.push({ k: "subshell", vars: { ...sh.vars }, exported: [...sh.exported], cwd: sh.cwd });
        this.pushList(cmd.body);
        break;
      case "func":
        sh.funcs[cmd.name] = cmd.body;
        sh.status = 0;
        break;
      case "case": {
        const ex = this.expander();
        const word = expandString(cmd.word, ex);
        const item = cmd.items.find((it) => it.patterns.some((p) => globMatch(expandPattern(p, ex), word)));
        if (item) this.pushList(item.body);
        else sh.status = 0;
        break;
      }
    }
    return undefined;
  }

  /** Applies redirections on top of `io`; undefined (after reporting) when one fails. */
  private redirect(redirs: Redir[], io: Io): Io | undefined {
    const out: Io = { ...io };
    const ex = this.expander();
    // The filesystem only when a redirection names a file: the host builds it on first use.
    const host = this.ctx.host;
    for (const r of redirs) {
      const fd = r.fd ?? (r.op.startsWith("<") ? 0 : 1);
      const word = expandString(r.word, ex);
      if (r.op === ">&") {
        const from = word === "1" ? out.out : word === "2" ? out.err : word === "-" ? { t: "null" as const } : undefined;
        if (from !== undefined && fd === 1) out.out = from;
        else if (from !== undefined && fd === 2) out.err = from;
        continue;
      }
      if (r.op === "<&") continue;
      if (r.op === "<<" || r.op === "<<-" || r.op === "<<<") {
        if (fd === 0) out.stdin = complete(r.op === "<<-" ? word.replace(/^\t+/gm, "") : r.op === "<<<" ? `${word}\n` : word);
        continue;
      }
      const path = resolvePath(this.shell.cwd, word);
      if (r.op === "<") {
        const content = path === "/dev/null" ? "" : host.fs.read(path);
        if (content === undefined) {
          this.write(out.err, `sh: can't open '${word}': No such file or directory\n`);
          return undefined;
        }
        if (fd === 0) out.stdin = complete(content);
        continue;
      }
      let target: Target;
      if (path === "/dev/null") target = { t: "null" };
      else if (path === "/dev/stdout") target = { t: "out" };
      else if (path === "/dev/stderr") target = { t: "err" };
      else {
        try {
          host.fs.write(path, "", r.op === ">>" || r.op === "&>>");
        } catch (err) {
          this.write(out.err, `sh: can't create ${word}: ${fsMessage(err)}\n`);
          return undefined;
        }
        target = { t: "file", path };
      }
      if (r.op === "&>" || r.op === "&>>") {
        out.out = target;
        out.err = target;
      } else if (fd === 1) out.out = target;
      else if (fd === 2) out.err = target;
    }
    return out;
  }

  /** Runs a simple command. Returns "exit" when it ends the whole process. */
  private call(cmd: Extract<Node, { t: "call" }>, redirs: Redir[]): "exit" | undefined {
    const sh = this.shell;
    const ex = this.expander();
    this.substStatus = undefined;
    const previous = sh.status;
    const fields = expandFields(cmd.args, ex);
    const assigns = cmd.assigns.map((a) => [a.name, expandString(a.value, ex)] as const);
    const before = this.currentIo();
    const io = this.redirect(redirs, before);
    sh.status = 0;
    if (io === undefined) {
      sh.status = 1;
      return undefined;
    }
    if (fields.length === 0) {
      // Only assignments: they stay; the status is that of the last `$(...)`, or 0.
      for (const [k, v] of assigns) sh.vars[k] = v;
      sh.status = this.substStatus ?? 0;
      return undefined;
    }
    const [name, ...args] = fields;
    const special = this.special(name, args, io, assigns, previous);
    if (special !== false) return special;
    if (Object.prototype.hasOwnProperty.call(sh.funcs, name)) {
      for (const [k, v] of assigns) sh.vars[k] = v;
      this.frames.push({ k: "func", args: sh.args });
      if (redirs.length > 0) this.frames.push(this.ioFrame(io, before));
      sh.args = [sh.args[0] ?? "sh", ...args];
      this.pushList([sh.funcs[name]]);
      return undefined;
    }
    const builtin = findBuiltin(name);
    if (builtin === undefined) {
      this.write(io.err, `sh: ${name}: not found\n`);
      sh.status = 127;
      return undefined;
    }
    const cctx = this.commandContext(io, assigns);
    const filter = findFilter(name);
    if (filter === undefined) {
      sh.status = builtin(args, cctx);
      return undefined;
    }
    // A filter reads its stdin as it arrives: all at once when complete, else line by line in a frame.
    const started = filter.filter.start(args, cctx);
    if ("status" in started) {
      sh.status = started.status;
      return undefined;
    }
    // A `< file` stdin is always complete, so a frame left waiting reads the stdin in force (currentIo).
    const frame: Frame = { k: "filter", name: filter.name, state: started.state, out: io.out, err: io.err };
    this.frames.push(frame);
    if (io.stdin.eof) this.stepFilter(frame, io.stdin);
    return undefined;
  }

  /** What a builtin sees: the exported variables (plus `NAME=value` prefixes), the directory, stdin so far. */
  private commandContext(io: Io, assigns: (readonly [string, string])[] = []): CommandContext {
    const sh = this.shell;
    const env: Record<string, string> = {};
    for (const k of sh.exported) if (Object.prototype.hasOwnProperty.call(sh.vars, k)) env[k] = sh.vars[k];
    for (const [k, v] of assigns) env[k] = v;
    const cctx: CommandContext = {
      host: this.ctx.host,
      env,
      cwd: sh.cwd,
      stdin: io.stdin.buf,
      out: (text) => this.write(io.out, text),
      err: (text) => this.write(io.err, text),
      sleep: (ms) => {
        this.ctx.pendingSleepMs += ms;
      },
      follow: (paths) => {
        const files = paths.map((path) => ({ path, offset: (this.ctx.host.fs.read(path) ?? "").length }));
        this.frames.push({ k: "follow", files, out: io.out });
      },
    };
    if (this.ctx.processes !== undefined) return { ...cctx, processes: this.ctx.processes };
    return cctx;
  }

  /**
   * Feeds a filter frame (the top frame) the whole lines its stdin holds. Returns false when
   * it must wait for more input; otherwise the frame has ended (input closed, or the filter
   * wants no more, like head) and set the status.
   */
  private stepFilter(f: Extract<Frame, { k: "filter" }>, stdin: Stream = this.currentIo().stdin): boolean {
    const filter = findFilter(f.name)?.filter;
    const io: Io = { out: f.out, err: f.err, stdin };
    const cut = stdin.eof ? stdin.buf.length : stdin.buf.lastIndexOf("\n") + 1;
    const text = stdin.buf.slice(0, cut);
    stdin.buf = stdin.buf.slice(cut);
    const cctx = this.commandContext({ ...io, stdin: complete(text) });
    const done = filter === undefined || (text !== "" && filter.feed(f.state, text, cctx));
    if (!done && !stdin.eof) return false;
    this.frames.pop();
    this.shell.status = filter === undefined ? 1 : filter.end(f.state, cctx);
    return true;
  }

  /**
   * `read`: takes one line from stdin into the named variables (split on whitespace, the
   * last name taking the rest; without -r a backslash escapes the next character). Returns
   * false when no whole line has arrived yet and the pipe is still open.
   */
  private readLine(names: string[], raw: boolean, stdin: Stream, ifs = " \t\n"): boolean {
    const taken = takeLine(stdin);
    if (taken === undefined) return false;
    splitFields(taken.line, names.length, raw, ifs).forEach((v, i) => {
      this.shell.vars[names[i]] = v;
    });
    this.shell.status = taken.complete ? 0 : 1;
    return true;
  }

  /**
   * Runs the stages of a pipeline (the top frame) until none can go on at this instant:
   * each runs until it ends, sleeps, or waits for input, its output appended to the next
   * stage's input (the last one's to the pipeline's stdout). The pipeline ends when every
   * stage has; its status is the last stage's. While a stage sleeps, the process sleeps
   * until the earliest wake-up; a nested (run-to-completion) machine instead moves a local
   * clock forward and owes the time to the process.
   */
  private stepPipe(f: PipeFrame): RunResult | undefined {
    const io = this.currentIo();
    let now = this.ctx.host.now;
    for (;;) {
      const host: PipelineHost = {
        ctx: this.ctx,
        stdin: io.stdin,
        out: (text) => this.write(io.out, text),
        err: (text) => this.write(io.err, text),
        runStage: (shell, ctx, stdin) => new Machine(shell, ctx, true, undefined, stdin).run(),
      };
      if (runStages(f, now, host) === "busy") return this.suspendable ? { k: "busy" } : { k: "exit", code: 1 };
      const live = f.stages.filter((st) => st.exit === undefined);
      if (live.length === 0) {
        this.frames.pop();
        this.shell.status = f.stages[f.stages.length - 1].exit ?? 0;
        return undefined;
      }
      const wakes = live.map((st) => st.wakeAt).filter((w): w is number => w !== undefined);
      if (wakes.length === 0) {
        if (this.suspendable) return { k: "block" };
        // Every stage waits for input no one will write (cannot happen with complete stdin).
        for (const st of live) st.exit = 1;
        continue;
      }
      const wake = Math.min(...wakes);
      if (this.suspendable) {
        this.ctx.pendingSleepMs = Math.max(1, wake - now);
        return undefined;
      }
      this.ctx.pendingSleepMs += wake - now;
      now = wake;
    }
  }

  /**
   * Builtins that act on the shell itself. Returns false when `name` is not one,
   * "exit" when the process ends, undefined otherwise.
   */
  private special(
    name: string,
    args: string[],
    io: Io,
    assigns: (readonly [string, string])[],
    previous: number,
  ): "exit" | undefined | false {
    const sh = this.shell;
    const num = (s: string | undefined, dflt: number): number => (s !== undefined && /^\d+$/.test(s) ? Number(s) : dflt);
    switch (name) {
      case "exit":
        return this.unwindExit(num(args[0], previous) & 255);
      case "break":
      case "continue":
        this.loopControl(name, Math.max(1, num(args[0], 1)));
        return undefined;
      case "return": {
        const code = num(args[0], previous);
        const at = this.frames.map((f) => f.k).lastIndexOf("func");
        if (at < 0) return this.unwindExit(code);
        this.frames.length = at + 1;
        sh.status = code;
        return undefined;
      }
      case "read": {
        const names: string[] = [];
        let raw = false;
        for (let i = 0; i < args.length; i++) {
          if (args[i] === "-r") raw = true;
          else if (args[i] === "-p" || args[i] === "-t" || args[i] === "-u") i++;
          else if (!args[i].startsWith("-")) names.push(args[i]);
        }
        if (names.length === 0) names.push("REPLY");
        const ifs = assigns.find(([k]) => k === "IFS")?.[1] ?? sh.vars.IFS ?? " \t\n";
        if (!this.readLine(names, raw, io.stdin, ifs)) this.frames.push({ k: "read", names, raw, ifs });
        return undefined;
      }
      case "export":
      case "local":
      case "readonly":
        if (name === "export" && args.filter((a) => a !== "-p").length === 0) {
          // busybox ash lists the exported variables, quoted for re-use.
          for (const k of sh.exported) {
            if (Object.prototype.hasOwnProperty.call(sh.vars, k)) this.write(io.out, `export ${k}='${sh.vars[k].replace(/'/g, "'\"'\"'")}'\n`);
          }
          return undefined;
        }
        for (const a of args) {
          const eq = a.indexOf("=");
          const key = eq >= 0 ? a.slice(0, eq) : a;
          if (eq >= 0) sh.vars[key] = a.slice(eq + 1);
          if (name === "export" && !sh.exported.includes(key)) sh.exported.push(key);
        }
        return undefined;
      case "unset":
        for (const a of args.filter((x) => x !== "-v" && x !== "-f")) {
          delete sh.vars[a];
          delete sh.funcs[a];
          sh.exported = sh.exported.filter((k) => k !== a);
        }
        return undefined;
      case "cd": {
        const dir = args[0] ?? sh.vars.HOME ?? "/";
        const path = resolvePath(sh.cwd, dir);
        if (this.ctx.host.fs.kind(path) !== "dir") {
          this.write(io.err, `sh: cd: can't cd to ${dir}: No such file or directory\n`);
          sh.status = 2;
        } else sh.cwd = path;
        return undefined;
      }
      case "pwd":
        this.write(io.out, `${sh.cwd}\n`);
        return undefined;
      case "shift": {
        const n = num(args[0], 1);
        if (n > sh.args.length - 1) sh.status = 1;
        else sh.args = [sh.args[0], ...sh.args.slice(1 + n)];
        return undefined;
      }
      case "set": {
        const dd = args.indexOf("--");
        if (dd >= 0) sh.args = [sh.args[0], ...args.slice(dd + 1)];
        return undefined;
      }
      case "trap":
      case "wait":
        // Signals other than kill's own are never delivered in the simulation.
        return undefined;
      case "kill":
        return this.kill(args, io);
      case "exec": {
        if (args.length === 0) return undefined;
        for (const [k, v] of assigns) sh.vars[k] = v;
        const s = this.special(args[0], args.slice(1), io, [], previous);
        if (s !== false) return s;
        const builtin = findBuiltin(args[0]);
        if (builtin === undefined) {
          this.write(io.err, `sh: exec: ${args[0]}: not found\n`);
          return this.unwindExit(127);
        }
        this.call({ t: "call", assigns: [], args: args.map((a) => [{ t: "sq", v: a }]) }, []);
        return this.unwindExit(sh.status);
      }
      default:
        return false;
    }
  }

  private kill(args: string[], io: Io): "exit" | undefined {
    let signal = 15;
    const pids: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const name = a === "-s" ? args[++i] : a.startsWith("-") ? a.slice(1) : undefined;
      if (name === undefined) pids.push(a);
      else signal = /^\d+$/.test(name) ? Number(name) : (SIGNALS[name.replace(/^SIG/, "")] ?? 15);
    }
    this.shell.status = 0;
    for (const p of pids) {
      if (p === String(this.ctx.pid)) {
        if (signal !== 0) return this.unwindExit(128 + signal);
      } else {
        this.write(io.err, `sh: can't kill pid ${p}: No such process\n`);
        this.shell.status = 1;
      }
    }
    return undefined;
  }

  /** `exit`: ends the innermost `( … )` subshell, or the whole machine. */
  private unwindExit(code: number): "exit" | undefined {
    const at = this.frames.map((f) => f.k).lastIndexOf("subshell");
    if (at >= 0) {
      this.frames.length = at + 1; // the subshell frame itself restores the variables
      this.shell.status = code;
      return undefined;
    }
    this.frames.length = 0;
    this.shell.status = code;
    return "exit";
  }

  /** `break N` leaves N enclosing loops; `continue N` resumes the Nth at its next turn. */
  private loopControl(kind: "break" | "continue", n: number): void {
    const loops = this.frames.map((f, i) => (f.k === "while" || f.k === "for" ? i : -1)).filter((i) => i >= 0);
    if (loops.length === 0) return;
    const target = loops[Math.max(0, loops.length - n)];
    this.shell.status = 0;
    if (kind === "break") {
      this.frames.length = target;
      return;
    }
    this.frames.length = target + 1;
    const f = this.frames[target];
    if (f.k === "while") f.phase = "cond";
    else if (f.k === "for") f.last = 0;
  }
}
