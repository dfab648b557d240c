// argv → verb: pulls out the global flags, finds the verb (the longest run of leading words
// that names one), builds its commander command, parses kubectl-style flags, then runs
// Complete → Validate → Run, inside withCluster() when the verb needs the cluster.

import { Command, CommanderError, Option } from "commander";
import type { GlobalFlags, IOStreams, Verb, VerbEnv } from "./verb";
import { VERBS } from "./verb-table";
import { renderError } from "./errors";
import { UsageError } from "../api/errors";
import { extractGlobals, normalizeArgs } from "./argv";
import { topLevelHelp, verbHelp, unknownCommand } from "./help";

export async function runCli(argv: readonly string[], makeEnv: (g: GlobalFlags) => VerbEnv, io: IOStreams): Promise<number> {
  const debug = false;
  try {
    const { globals, rest } = extractGlobals(argv);
    const env = makeEnv(globals);
    const found = findVerb(rest);
    if (!found) {
      const first = rest.find((a) => !a.startsWith("-"));
      if (first === undefined || rest.includes("-h") || rest.includes("--help")) {
        io.out.write(topLevelHelp());
        return 0;
      }
      io.err.write(unknownCommand(first, Object.keys(VERBS).filter((k) => !k.includes(" "))));
      return 1;
    }
    const { name, args } = found;
    const verb = (await VERBS[name].load()).default;
    const cmd = buildCommand(verb);
    if (args.includes("-h") || args.includes("--help")) {
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
      return new UsageError(
        flag.startsWith("--") ? `Error: unknown flag: ${flag}` : `Error: unknown shorthand flag: '${flag.slice(1, 2)}' in ${flag}`,
        { hint },
      );
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
