// argv → verb: pulls out the global flags, finds the verb (the longest run of leading words
// that names one), builds its commander command, parses kubectl-style flags, then runs
// Complete → Validate → Run, inside withCluster() when the verb needs the cluster.

import { Command, CommanderError, Option } from "commander";
import type { GlobalFlags, IOStreams, Verb, VerbEnv } from "./verb";
import { VERBS } from "./verb-table";
import { renderError } from "./errors";
import { UsageError } from "../api/errors";
import { extractGlobals, normalizeArgs } from "./argv";
import { isKubectlCommand, topLevelHelp, verbHelp, unknownCommand } from "./help";

export async function runCli(argv: readonly string[], makeEnv: (g: GlobalFlags) => VerbEnv, io: IOStreams): Promise<number> {
  const debug = false;
  try {
    const { globals, rest, missing } = extractGlobals(argv);
    const found = findVerb(rest) ?? findVerbAfterFlags(rest);
    if (missing) throw new UsageError(missing, { hint: `See 'kubectl ${found ? `${found.name} ` : ""}--help' for usage.` });
    const env = makeEnv(globals);
    if (!found) return noVerb(rest, io);
    const { name, args } = found;
    const verb = (await VERBS[name].load()).default;
    const cmd = buildCommand(verb);
    if (asksForHelp(args)) {
      io.out.write(verbHelp(verb, cmd));
      return 0;
    }
    const parsed = parse(cmd, verb, normalizeArgs(args, cmd));
    const options = await verb.complete(parsed.flags, parsed.args, env);
    verb.validate(options);
    const needs = typeof verb.needsCluster === "function" ? verb.needsCluster(options) : verb.needsCluster !== false;
    if (!needs) return await verb.run(options, undefined, io, env);
    // Loaded only now: the engine, the store and the state file are not needed before this.
    const { withCluster } = await import("./session");
    const instant = typeof verb.instant === "function" ? verb.instant(options) : verb.instant === true;
    return await withCluster(env, (cluster) => verb.run(options, cluster, io, env), { instant });
  } catch (err) {
    const r = renderError(err, debug);
    io.err.write(r.stderr);
    return r.exitCode;
  }
}

/** -h or --help among the flags: after `--` they belong to the command run (`exec p -- ls -h`). */
function asksForHelp(args: readonly string[]): boolean {
  const dash = args.indexOf("--");
  const flags = dash < 0 ? args : args.slice(0, dash);
  return flags.includes("-h") || flags.includes("--help");
}

/** What kubectl does with a command line that names no command kubesim has. */
function noVerb(rest: readonly string[], io: IOStreams): number {
  const first = rest.find((a) => !a.startsWith("-"));
  if (rest.length === 0 || asksForHelp(rest)) {
    io.out.write(topLevelHelp());
    return 0;
  }
  if (rest[0].startsWith("-")) {
    // With command words but none naming a command, kubectl hands the line to its plugin
    // lookup, which refuses a leading flag; without any, the root command reports the flag.
    if (commandWords(rest).length > 0) throw new UsageError(`Error: flags cannot be placed before plugin name: ${rest[0]}`);
    throw unknownFlag(rest[0], "See 'kubectl --help' for usage.");
  }
  if (isKubectlCommand(first!)) throw new UsageError(`kubesim does not support "kubectl ${first}"`);
  io.err.write(unknownCommand(first!, Object.keys(VERBS).filter((k) => !k.includes(" "))));
  return 1;
}

/**
 * The command words cobra finds past leading flags (its stripFlags): a flag written without
 * `=` is taken to own the next word, as an unknown flag at the root would.
 */
function commandWords(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") break;
    const takesNext = !a.includes("=") && (a.startsWith("--") || (a.startsWith("-") && a.length === 2));
    if (takesNext) {
      if (argv.length - i - 1 <= 1) break;
      i++;
    } else if (a !== "" && !a.startsWith("-")) words.push(a);
  }
  return words;
}

/** A verb named past leading flags written with `=` (`--foo=bar get pods`): its parser reports them. */
function findVerbAfterFlags(rest: readonly string[]): { name: string; args: string[] } | undefined {
  if (!rest[0]?.startsWith("-")) return undefined;
  const words = commandWords(rest);
  for (let n = Math.min(3, words.length); n > 0; n--) {
    const name = words.slice(0, n).join(" ");
    if (!VERBS[name]) continue;
    const args = [...rest];
    for (const w of words.slice(0, n)) args.splice(args.indexOf(w), 1);
    return { name, args };
  }
  return undefined;
}

/** pflag's words for an unknown flag: the long name without its value, a shorthand as given. */
function unknownFlag(arg: string, hint: string): UsageError {
  return new UsageError(arg.startsWith("--") ? `Error: unknown flag: ${arg.split("=")[0]}` : `Error: unknown shorthand flag: '${arg.slice(1, 2)}' in ${arg}`, { hint });
}

/** The longest leading run of non-flag words that names a verb: "create deployment" before "create". */
export function findVerb(argv: readonly string[]): { name: string; args: string[] } | undefined {
  const words: number[] = [];
  for (let i = 0; i < argv.length && words.length < 3; i++) {
    if (argv[i] === "--") break;
    if (argv[i].startsWith("-")) break;
    words.push(i);
  }
  for (let n = words.length; n > 0; n--) {
    const name = words.slice(0, n).map((i) => argv[i]).join(" ");
    if (VERBS[name]) return { name, args: [...argv.slice(0, words[0]), ...argv.slice(words[n - 1] + 1)] };
  }
  return undefined;
}

export function buildCommand(verb: Verb): Command {
  const cmd = new Command(verb.name);
  cmd.helpOption(false).exitOverride().allowUnknownOption(false).allowExcessArguments(true);
  cmd.configureOutput({ writeErr: () => {}, writeOut: () => {} });
  verb.define(cmd);
  cmd.action(() => {});
  return cmd;
}

/** Parses with commander and turns its errors into pflag's words. */
export function parse(cmd: Command, verb: Verb, args: readonly string[]): { flags: any; args: string[] } {
  try {
    cmd.parse([...args], { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) throw flagError(err, verb, args);
    throw err;
  }
  return { flags: cmd.opts(), args: [...cmd.args] };
}

function flagError(err: CommanderError, verb: Verb, args: readonly string[]): UsageError {
  const top = verb.name.split(" ")[0];
  const hint = `See 'kubectl ${verb.name} --help' for usage.`;
  const m = err.message.match(/'([^']+)'/);
  const flag = m ? m[1] : "";
  switch (err.code) {
    case "commander.unknownOption":
      return unknownFlag(flag, hint);
    case "commander.optionMissingArgument": {
      const names = flag.split(/[ ,]+/).filter((f) => f.startsWith("-"));
      const short = names.find((f) => !f.startsWith("--"));
      const usedShort = short !== undefined && args.includes(short);
      const long = names.find((f) => f.startsWith("--")) ?? flag;
      return new UsageError(`Error: flag needs an argument: ${usedShort ? `'${short!.slice(1)}' in ${short}` : long}`, { hint });
    }
    case "commander.invalidArgument":
      return new UsageError(`Error: ${err.message.replace(/^error: /, "")}`, { hint });
    default:
      return new UsageError(`${err.message.replace(/^error: /, "")}`, { hint: `See 'kubectl ${top} -h' for help and examples` });
  }
}

export { Option };
