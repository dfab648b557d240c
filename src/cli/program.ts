// argv → verb: pulls out the global flags, finds the verb (the longest run of leading words
// that names one), builds its commander command, parses kubectl-style flags, then runs
// Complete → Validate → Run, inside withCluster() when the verb needs the cluster.

import { Command, CommanderError, Option } from "commander";
import type { GlobalFlags, IOStreams, Verb, VerbEnv } from "./verb";
import { VERBS } from "./verb-table";
import { renderError } from "./errors";
import { UsageError } from "../api/errors";
import { checkRequestTimeout, extractGlobals, normalizeArgs } from "./argv";
import { asksForHelp, commandWords, findVerb } from "./find-verb";
import { isKubectlCommand, topLevelHelp, verbHelp, unknownCommand } from "./help";

export async function runCli(argv: readonly string[], makeEnv: (g: GlobalFlags) => VerbEnv, io: IOStreams): Promise<number> {
  const debug = false;
  try {
    const { globals, rest, missing } = extractGlobals(argv);
    const found = findVerb(rest);
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
    // Every kubectl command but config's and `version --client` builds a client; sim is kubesim's.
    if (!/^(config|sim)( |$)/.test(name) && !(name === "version" && !needs)) checkRequestTimeout(globals.requestTimeout);
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

/** pflag's words for an unknown flag: the long name without its value, a shorthand as given. */
function unknownFlag(arg: string, hint: string): UsageError {
  return new UsageError(arg.startsWith("--") ? `Error: unknown flag: ${arg.split("=")[0]}` : `Error: unknown shorthand flag: '${arg.slice(1, 2)}' in ${arg}`, { hint });
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
