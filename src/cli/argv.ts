// Argument shapes pflag accepts and commander does not: global flags anywhere, `-o=yaml`,
// and booleans written `--watch=false`.

import type { Command } from "commander";
import type { GlobalFlags } from "./verb";
import { UsageError } from "../api/errors";

const GLOBAL_VALUE_FLAGS: Record<string, keyof GlobalFlags | null> = {
  "-n": "namespace",
  "--namespace": "namespace",
  "--state": "state",
  "--context": "context",
  "--kubeconfig": null,
  "--cluster": "cluster",
  "--user": "user",
  "--request-timeout": null,
  "-v": null,
  "--v": null,
};

/** Pulls the global flags out of argv wherever they stand (before a `--`). */
export function extractGlobals(argv: readonly string[]): { globals: GlobalFlags; rest: string[] } {
  const globals: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    const eq = a.indexOf("=");
    const name = a.startsWith("--") && eq > 0 ? a.slice(0, eq) : a.startsWith("-n") && !a.startsWith("--") && a.length > 2 ? "-n" : a;
    if (!(name in GLOBAL_VALUE_FLAGS)) {
      rest.push(a);
      continue;
    }
    let value: string | undefined;
    if (name !== a) value = a.startsWith("--") ? a.slice(eq + 1) : a.slice(2).replace(/^=/, "");
    else {
      value = argv[i + 1];
      if (value === undefined) throw new UsageError(`Error: flag needs an argument: ${name.startsWith("--") ? name : `'${name.slice(1)}' in ${name}`}`);
      i++;
    }
    const key = GLOBAL_VALUE_FLAGS[name];
    if (key) globals[key] = value;
  }
  return { globals, rest };
}

/** Rewrites `-o=yaml` to `-o yaml` and `--flag=true|false` for boolean flags to what commander takes. */
export function normalizeArgs(args: readonly string[], cmd: Command): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      out.push(...args.slice(i));
      break;
    }
    const short = a.match(/^(-[A-Za-z])=(.*)$/s);
    if (short) {
      out.push(short[1], short[2]);
      continue;
    }
    const long = a.match(/^(--[^=]+)=(.*)$/s);
    const opt = long ? cmd.options.find((o) => o.long === long[1]) : undefined;
    if (long && opt && opt.isBoolean() && !opt.negate) {
      const v = long[2].toLowerCase();
      if (v !== "true" && v !== "false") {
        throw new UsageError(`Error: invalid argument "${long[2]}" for "${long[1]}" flag: strconv.ParseBool: parsing "${long[2]}": invalid syntax`, {
          hint: `See 'kubectl ${cmd.name()} --help' for usage.`,
        });
      }
      const negation = `--no-${long[1].slice(2)}`;
      if (v === "true") out.push(long[1]);
      else if (cmd.options.some((o) => o.long === negation)) out.push(negation);
      continue;
    }
    out.push(a);
  }
  return out;
}
