// Argument shapes pflag accepts and commander does not: global flags anywhere, `-o=yaml`,
// and booleans written `--watch=false`.

import type { Command, Option } from "commander";
import type { GlobalFlags } from "./verb";
import { UsageError } from "../api/errors";
import { parseGoDuration } from "../sim/time";
import { parseGoInt } from "./flags/go-int";

const GLOBAL_VALUE_FLAGS: Record<string, keyof GlobalFlags | null> = {
  "-n": "namespace",
  "--namespace": "namespace",
  "--state": "state",
  "--context": "context",
  "--kubeconfig": null,
  "--cluster": "cluster",
  "--user": "user",
  "--request-timeout": "requestTimeout",
  "-v": null,
  "--v": null,
};

/**
 * Pulls the global flags out of argv wherever they stand (before a `--`). A global flag left
 * without its value, or given a value it cannot take (-v), is reported as `missing`: pflag's
 * message, to which the verb's hint belongs.
 */
export function extractGlobals(argv: readonly string[]): { globals: GlobalFlags; rest: string[]; missing?: string } {
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
    if (!Object.hasOwn(GLOBAL_VALUE_FLAGS, name)) {
      rest.push(a);
      continue;
    }
    let value: string | undefined;
    if (name !== a) value = a.startsWith("--") ? a.slice(eq + 1) : a.slice(2).replace(/^=/, "");
    else {
      value = argv[i + 1];
      if (value === undefined) {
        return { globals, rest, missing: `Error: flag needs an argument: ${name.startsWith("--") ? name : `'${name.slice(1)}' in ${name}`}` };
      }
      i++;
    }
    // klog's -v is an int32 (Level.Set: strconv.ParseInt(value, 10, 32)); nothing else uses it.
    const level = name === "-v" || name === "--v" ? parseGoInt(value, 32, 10) : undefined;
    if (level && "error" in level) {
      return { globals, rest, missing: `Error: invalid argument ${JSON.stringify(value)} for "-v, --v" flag: strconv.ParseInt: parsing ${JSON.stringify(value)}: ${level.error}` };
    }
    const key = GLOBAL_VALUE_FLAGS[name];
    if (key) globals[key] = value;
  }
  return { globals, rest };
}

/**
 * client-go's ParseTimeout for --request-timeout: whole seconds (not negative) or a Go duration;
 * kubectl checks it when it builds its client, so only verbs that reach the server refuse it.
 */
export function checkRequestTimeout(text: string | undefined): void {
  if (text === undefined || text === "") return; // an empty one sets nothing
  const seconds = parseGoInt(text, 64, 10);
  if ("value" in seconds && seconds.value >= 0) return;
  if ("error" in parseGoDuration(text)) {
    throw new UsageError("Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)");
  }
}

/** The values Go's strconv.ParseBool takes (a Map: "constructor" is not one). */
const GO_BOOLS: ReadonlyMap<string, boolean> = new Map(Object.entries({ 1: true, t: true, T: true, TRUE: true, true: true, True: true, 0: false, f: false, F: false, FALSE: false, false: false, False: false }));

/**
 * Rewrites `-o=yaml` to `-o yaml`, and `--watch=false` or `-w=false` for a boolean flag to what
 * commander takes. An unknown `-Z=x` is left whole, for commander to report as pflag does.
 */
export function normalizeArgs(args: readonly string[], cmd: Command): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      out.push(...args.slice(i));
      break;
    }
    const m = a.match(/^(-[A-Za-z]|--[^=]+)=(.*)$/s);
    const opt = m ? cmd.options.find((o) => (m[1].startsWith("--") ? o.long : o.short) === m[1]) : undefined;
    if (!m || !opt) out.push(a);
    else if (opt.isBoolean() && !opt.negate) out.push(...booleanFlag(cmd, opt, m[2]));
    else if (!m[1].startsWith("--")) out.push(m[1], m[2]);
    else out.push(a);
  }
  return out;
}

/** A boolean flag given a value, as pflag's ParseBool reads it. */
function booleanFlag(cmd: Command, opt: Option, value: string): string[] {
  const on = GO_BOOLS.get(value);
  if (on === undefined) {
    const name = opt.short ? `${opt.short}, ${opt.long}` : opt.long;
    throw new UsageError(`Error: invalid argument "${value}" for "${name}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`, {
      hint: `See 'kubectl ${cmd.name()} --help' for usage.`,
    });
  }
  const negation = `--no-${opt.long!.slice(2)}`;
  if (on) return [opt.long!];
  return cmd.options.some((o) => o.long === negation) ? [negation] : [];
}
