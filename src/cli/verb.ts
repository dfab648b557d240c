// The verb contract (STYLE.md §5): kubectl's Complete → Validate → Run, as data plus three
// functions. A verb receives IOStreams and a Cluster; it never touches process, never formats
// an error and never decides colour.

import type { Command } from "commander";
import type { Cluster } from "../sim/cluster";

export type ExitCode = number;

export interface Writer {
  write(text: string): void;
}

export interface IOStreams {
  readonly out: Writer;
  readonly err: Writer;
  /** Standard input is a terminal (kubectl run/exec -t need one). */
  readonly isTTY: boolean;
  /** Colour is allowed on stderr: a terminal, TERM not dumb, NO_COLOR unset. */
  readonly color?: boolean;
}

/** What main.ts hands a verb from the outside world: environment, files, stdin, wall clock. */
export interface VerbEnv {
  readonly vars: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly home: string;
  /** The whole of standard input, read on demand (for `-f -`): bytes, since a manifest's may be UTF-16. */
  readonly readStdin: () => Buffer;
  /** The next line typed at the terminal (an interactive `exec -it` shell); undefined at end of input. */
  readonly readLine: () => Promise<string | undefined>;
  /** Wall-clock milliseconds: only `sim reset` uses it, for the default start time. */
  readonly wallClock: () => number;
  /** Global flags, parsed before the verb's own: --state, -n/--namespace, --context. */
  readonly globals: GlobalFlags;
  /** The state file this invocation uses. */
  readonly statePath: string;
  /** The namespace verbs act in: -n, else the current context's namespace, else "default". */
  readonly namespace: string;
  /** True when -n/--namespace was given (kubectl then rejects a differing namespace in a file). */
  readonly explicitNamespace: boolean;
  /** Runs an editor on a file (kubectl edit); returns its exit code. */
  readonly runEditor: (file: string) => number;
}

export interface GlobalFlags {
  readonly namespace?: string;
  readonly state?: string;
  readonly context?: string;
  /** --cluster and --user: kubeconfig entries (config set-context reads them). */
  readonly cluster?: string;
  readonly user?: string;
  /** --request-timeout, checked (client-go's ParseTimeout) by the verbs that reach the server. */
  readonly requestTimeout?: string;
}

export interface VerbHelp {
  readonly short: string;
  readonly long: string;
  /** cobra's Aliases section: the command's name and its aliases ("namespace, ns"). */
  readonly aliases?: readonly string[];
  readonly example: string;
  /** kubectl's usage line after "kubectl ", e.g. "get [(-o|--output=)...] (TYPE ...) [flags] [options]". */
  readonly usage: string;
}

export interface Verb<Flags = any, Options = any> {
  /** "get"; sub-verbs are spelled with a space: "rollout status", "create deployment". */
  readonly name: string;
  readonly help: VerbHelp;
  /** false for verbs that never touch the cluster (version --client, completion, config). */
  readonly needsCluster?: boolean | ((options: Options) => boolean);
  /**
   * true for verbs that only read, at one instant (get without -w, describe): the control loops
   * are then loaded only if something is due, which keeps such commands fast.
   */
  readonly instant?: boolean | ((options: Options) => boolean);
  define(cmd: Command): void;
  complete(flags: Flags, args: readonly string[], env: VerbEnv): Options | Promise<Options>;
  validate(options: Options): void;
  run(options: Options, cluster: Cluster | undefined, io: IOStreams, env: VerbEnv): Promise<ExitCode> | ExitCode;
}

/** Identity function that keeps a verb's Flags/Options types checked. */
export function defineVerb<F, O>(verb: Verb<F, O>): Verb<F, O> {
  return verb;
}
