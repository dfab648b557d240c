// Builtins over the container's filesystem: touch, rm, mkdir, ls (cat is a filter), with busybox's
// error texts (the images the docs use are busybox-based).

import { FsError } from "../types";
import type { FsErrorCode } from "../types";
import { resolvePath } from "./command";
import type { Builtin, CommandContext } from "./command";

const MESSAGES: Record<FsErrorCode, string> = {
  ENOENT: "No such file or directory",
  EEXIST: "File exists",
  EISDIR: "Is a directory",
  ENOTDIR: "Not a directory",
  EROFS: "Read-only file system",
  ENOTEMPTY: "Directory not empty",
};

/** The strerror text of a filesystem failure. */
export function fsMessage(err: unknown): string {
  if (err instanceof FsError) return MESSAGES[err.code];
  throw err;
}

/** Splits leading `-abc` options from operands (`--` ends them). */
function options(args: string[]): { flags: Set<string>; operands: string[] } {
  const flags = new Set<string>();
  let i = 0;
  for (; i < args.length && args[i].startsWith("-") && args[i] !== "-"; i++) {
    if (args[i] === "--") {
      i++;
      break;
    }
    for (const f of args[i].slice(1)) flags.add(f);
  }
  return { flags, operands: args.slice(i) };
}

const abs = (ctx: CommandContext, p: string): string => resolvePath(ctx.cwd, p);

export const touch: Builtin = (args, ctx) => {
  const { flags, operands } = options(args);
  let status = 0;
  for (const name of operands) {
    const path = abs(ctx, name);
    if (ctx.host.fs.kind(path) !== undefined || flags.has("c")) continue;
    try {
      ctx.host.fs.write(path, "", true);
    } catch (err) {
      ctx.err(`touch: ${name}: ${fsMessage(err)}\n`);
      status = 1;
    }
  }
  return status;
};

export const rm: Builtin = (args, ctx) => {
  const { flags, operands } = options(args);
  const force = flags.has("f");
  const recursive = flags.has("r") || flags.has("R");
  let status = 0;
  for (const name of operands) {
    const path = abs(ctx, name);
    const kind = ctx.host.fs.kind(path);
    let message: string | undefined;
    if (kind === undefined) message = force ? undefined : MESSAGES.ENOENT;
    else if (kind === "dir" && !recursive) message = MESSAGES.EISDIR;
    else {
      try {
        ctx.host.fs.remove(path, recursive);
      } catch (err) {
        message = fsMessage(err);
      }
    }
    if (message !== undefined) {
      ctx.err(`rm: can't remove '${name}': ${message}\n`);
      status = 1;
    }
  }
  return status;
};

export const mkdir: Builtin = (args, ctx) => {
  const { flags, operands } = options(args);
  const parents = flags.has("p");
  let status = 0;
  for (const name of operands) {
    const path = abs(ctx, name);
    if (parents && ctx.host.fs.kind(path) === "dir") continue;
    try {
      if (!parents && ctx.host.fs.kind(path) !== undefined) throw new FsError("EEXIST", path);
      ctx.host.fs.mkdir(path, parents);
    } catch (err) {
      ctx.err(`mkdir: can't create directory '${name}': ${fsMessage(err)}\n`);
      status = 1;
    }
  }
  return status;
};

/** ls [-a1] [PATH]…: one name per line, as when not writing to a terminal. */
export const ls: Builtin = (args, ctx) => {
  const { flags, operands } = options(args);
  const names = operands.length === 0 ? ["."] : operands;
  let status = 0;
  const files: string[] = [];
  const dirs: string[] = [];
  for (const name of names) {
    const kind = ctx.host.fs.kind(abs(ctx, name));
    if (kind === undefined) {
      ctx.err(`ls: ${name}: No such file or directory\n`);
      status = 1;
    } else (kind === "dir" ? dirs : files).push(name);
  }
  const blocks: string[] = [];
  if (files.length > 0) blocks.push(files.map((f) => `${f}\n`).join(""));
  for (const dir of dirs) {
    const entries = (ctx.host.fs.list(abs(ctx, dir)) ?? []).filter((e) => flags.has("a") || !e.startsWith("."));
    const header = names.length > 1 ? `${dir}:\n` : "";
    blocks.push(header + entries.map((e) => `${e}\n`).join(""));
  }
  ctx.out(blocks.join("\n"));
  return status;
};
