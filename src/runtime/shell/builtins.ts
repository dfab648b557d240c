// The table of builtin programs. Commands that change the shell itself (exit, export,
// cd, break, …) are handled by the interpreter (machine.ts), not here.

import type { Builtin } from "./command";
import { ls, mkdir, rm, touch } from "./builtins-fs";
import { basename, dirname, expr, id, ps, seq, uname, whoami } from "./builtins-sys";
import { batch } from "./filter";
import type { AnyFilter } from "./filter";
import { cat, cut, head, sort, tail, tee, tr, uniq, wc } from "./filters-lines";
import { grep, sed } from "./filters-match";
import { curl, nslookup, wget } from "./builtins-net";
import { date, echo, env, falseCmd, hostname, printenv, printf, sleep, trueCmd } from "./builtins-text";
import { testCommand } from "./condition";

/** Programs that read standard input line by line; in a pipeline they run as it fills. */
export const FILTERS: Readonly<Record<string, AnyFilter>> = { cat, cut, grep, head, sed, sort, tail, tee, tr, uniq, wc };

export const BUILTINS: Readonly<Record<string, Builtin>> = {
  curl, date, echo, env, hostname, ls, mkdir, nslookup, printenv, printf, rm, sleep, touch, wget,
  basename, dirname, expr, id, ps, seq, uname, whoami,
  ...Object.fromEntries(Object.entries(FILTERS).map(([name, f]) => [name, batch(f)])),
  true: trueCmd,
  false: falseCmd,
  ":": trueCmd,
  test: testCommand(false),
  "[": testCommand(true),
};

/** The program name without a /bin/, /usr/bin/, /sbin/ … directory. */
function programName(name: string): string {
  return /^\/(usr\/)?s?bin\/[^/]+$/.test(name) ? name.slice(name.lastIndexOf("/") + 1) : name;
}

/** The builtin a command name runs: `/bin/echo` and `/usr/bin/env` are the builtins too. */
export function findBuiltin(name: string): Builtin | undefined {
  const base = programName(name);
  return Object.prototype.hasOwnProperty.call(BUILTINS, base) ? BUILTINS[base] : undefined;
}

/** The streaming form of a filter program, for a pipe that is still open. */
export function findFilter(name: string): { name: string; filter: AnyFilter } | undefined {
  const base = programName(name);
  return Object.prototype.hasOwnProperty.call(FILTERS, base) ? { name: base, filter: FILTERS[base] } : undefined;
}
