// Text filters (grep, sort, wc, …) as resumable state machines rather than plain builtins:
// in a pipeline the left stage may still be running (or asleep) when the filter starts, so
// the interpreter feeds it whole lines as they arrive and keeps its progress, plain JSON, in
// a `filter` frame between steps. With all of stdin at hand it runs start → feed → end at once.

import { resolvePath } from "./command";
import type { Builtin, CommandContext } from "./command";

export interface Filter<S> {
  /**
   * Parses the arguments. A filter given file operands reads them itself and returns its
   * status; one that reads standard input returns its initial state.
   */
  start(args: string[], ctx: CommandContext): { status: number } | { state: S };
  /** Consumes input (whole lines; a last unterminated line only at the end). Returns true when it wants no more. */
  feed(state: S, text: string, ctx: CommandContext): boolean;
  /** Input has ended: prints what it held back and returns the exit status. */
  end(state: S, ctx: CommandContext): number;
}

/** A filter's types erased, for the table the interpreter looks names up in. */
export type AnyFilter = Filter<unknown>;

export function defineFilter<S>(f: Filter<S>): AnyFilter {
  return f as unknown as AnyFilter;
}

/** The filter run as an ordinary builtin over all of its standard input. */
export function batch(f: AnyFilter): Builtin {
  return (args, ctx) => {
    const r = f.start(args, ctx);
    if ("status" in r) return r.status;
    if (!f.feed(r.state, ctx.stdin, ctx)) return f.end(r.state, ctx);
    return f.end(r.state, ctx);
  };
}

/** Splits `-abc` flags (and `-n N` style options whose letters are in `withValue`) from operands. */
export function parseFlags(
  args: string[],
  withValue = "",
): { flags: Set<string>; values: Record<string, string[]>; operands: string[]; bad?: string } {
  const flags = new Set<string>();
  const values: Record<string, string[]> = {};
  const operands: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      i++;
      break;
    }
    if (!a.startsWith("-") || a === "-") {
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      if (withValue.includes(f)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return { flags, values, operands, bad: f };
        (values[f] ??= []).push(v);
        break;
      }
      flags.add(f);
    }
  }
  operands.push(...args.slice(i));
  return { flags, values, operands };
}

/**
 * Reads file operands (`-` is standard input) for a filter named `name`, reporting missing
 * ones busybox's way. Returns each readable file's name and content, and the status so far.
 */
export function readOperands(
  name: string,
  operands: string[],
  ctx: CommandContext,
): { files: { name: string; text: string }[]; status: number } {
  const files: { name: string; text: string }[] = [];
  let status = 0;
  for (const op of operands) {
    if (op === "-") {
      files.push({ name: op, text: ctx.stdin });
      continue;
    }
    const path = resolvePath(ctx.cwd, op);
    const text = ctx.host.fs.read(path);
    if (text !== undefined) files.push({ name: op, text });
    else {
      const why = ctx.host.fs.kind(path) === "dir" ? "Is a directory" : "No such file or directory";
      ctx.err(name === "grep" ? `grep: ${op}: ${why}\n` : `${name}: can't open '${op}': ${why}\n`);
      status = 1;
    }
  }
  return { files, status };
}

/** Lines of a text, without their newlines (a last unterminated line counts). */
export function lines(text: string): string[] {
  if (text === "") return [];
  const out = text.split("\n");
  if (out[out.length - 1] === "") out.pop();
  return out;
}
