// The table of builtin programs. Commands that change the shell itself (exit, export,
// cd, break, …) are handled by the interpreter (machine.ts), not here.

import type { Builtin } from "./command";
import { cat, ls, mkdir, rm, touch } from "./builtins-fs";
import { curl, nslookup, wget } from "./builtins-net";
import { date, echo, env, falseCmd, hostname, printenv, printf, sleep, trueCmd } from "./builtins-text";
import { testCommand } from "./condition";

export const BUILTINS: Readonly<Record<string, Builtin>> = {
  cat, curl, date, echo, env, hostname, ls, mkdir, nslookup, printenv, printf, rm, sleep, touch, wget,
  true: trueCmd,
  false: falseCmd,
  ":": trueCmd,
  test: testCommand(false),
  "[": testCommand(true),
};

/** The builtin a command name runs: `/bin/echo` and `/usr/bin/env` are the builtins too. */
export function findBuiltin(name: string): Builtin | undefined {
  const base = /^\/(usr\/)?s?bin\/[^/]+$/.test(name) ? name.slice(name.lastIndexOf("/") + 1) : name;
  return Object.prototype.hasOwnProperty.call(BUILTINS, base) ? BUILTINS[base] : undefined;
}
