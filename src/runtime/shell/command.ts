// What a builtin command sees: its host, its streams and its environment. Builtins are
// plain functions returning an exit status, so every one is testable on its own.

import type { ProcessHost } from "../types";

export interface CommandContext {
  readonly host: ProcessHost;
  /** The exported environment (plus `NAME=value` prefixes of this command). */
  readonly env: Record<string, string>;
  readonly cwd: string;
  /** Standard input: a `< file`'s content or the left side of a pipe, "" otherwise. */
  readonly stdin: string;
  out(text: string): void;
  err(text: string): void;
  /** The container's processes `ps` lists (its main process and this shell). */
  readonly processes?: readonly { pid: number; command: string }[];
  /** Makes the process sleep this long once the current command has finished. */
  sleep(ms: number): void;
  /**
   * `tail -f`: once the command has printed what the files hold, the process keeps printing
   * what is appended to them, looking once a second, for good.
   */
  follow?(paths: string[]): void;
}

export type Builtin = (args: string[], ctx: CommandContext) => number;

/** An absolute, normalised path for `path` seen from `cwd`. */
export function resolvePath(cwd: string, path: string): string {
  const parts: string[] = [];
  for (const seg of (path.startsWith("/") ? path : `${cwd}/${path}`).split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join("/")}`;
}
