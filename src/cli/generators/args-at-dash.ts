// cobra's ArgsLenAtDash for commander: how many positional arguments came before `--`
// (-1 when there was no `--`). kubectl's generators use it to tell `NAME -- CMD` from `NAME CMD`.

import type { Command } from "commander";

/** The option key the count is stored under, read back from the parsed flags. */
export const ARGS_LEN_AT_DASH = "argsLenAtDash";

/** Wraps cmd.parseOptions so the parsed flags carry `argsLenAtDash`. */
export function trackArgsLenAtDash(cmd: Command): void {
  const parseOptions = cmd.parseOptions.bind(cmd);
  cmd.parseOptions = (argv: string[]) => {
    const parsed = parseOptions(argv);
    const dash = argv.indexOf("--");
    // Everything after `--` is an operand; what precedes it in operands came before the dash.
    const afterDash = dash < 0 ? 0 : argv.length - dash - 1;
    cmd.setOptionValue(ARGS_LEN_AT_DASH, dash < 0 ? -1 : parsed.operands.length - afterDash);
    return parsed;
  };
}

/** kubectl's NameFromCommandArgs: exactly one NAME before any `--`. */
export function argsBeforeDash(args: readonly string[], argsLenAtDash: number | undefined): number {
  return argsLenAtDash === undefined || argsLenAtDash < 0 ? args.length : argsLenAtDash;
}
