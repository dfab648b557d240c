// What `create configmap` and `create secret generic` share: keys and values from files and
// folders (--from-file), literals (--from-literal) and env files (--from-env-file), with
// --append-hash, as create_configmap.go and create_secret.go define them.

import type { Command } from "commander";
import { UsageError } from "../../api/errors";
import type { VerbEnv } from "../verb";
import { collect, collectCsv } from "./output";

export interface KeySourceFlags {
  fromFile: string[];
  fromLiteral: string[];
  fromEnvFile: string[];
  appendHash?: boolean;
}

export interface KeySources {
  readonly fileSources: readonly string[];
  readonly literalSources: readonly string[];
  readonly envFileSources: readonly string[];
  readonly appendHash: boolean;
  /** Where relative paths start. */
  readonly cwd: string;
  /** For env-file lines without `=`. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The flags' help texts, which name the kind each command makes. */
export interface KeySourceHelp {
  readonly appendHash: string;
  readonly fromEnvFile: string;
  readonly fromFile: string;
  readonly fromLiteral: string;
}

export function defineKeySourceFlags(cmd: Command, help: KeySourceHelp): void {
  cmd.option("--append-hash", help.appendHash, false);
  // --from-file and --from-env-file are StringSlices (comma-separated), --from-literal a StringArray.
  cmd.option("--from-env-file <file>", help.fromEnvFile, collectCsv, []);
  cmd.option("--from-file <source>", help.fromFile, collectCsv, []);
  cmd.option("--from-literal <literal>", help.fromLiteral, collect, []);
}

/** The sources the flags name; an env file cannot be combined with the others. */
export function keySources(flags: KeySourceFlags, env: Pick<VerbEnv, "cwd" | "vars">): KeySources {
  if (flags.fromEnvFile.length > 0 && (flags.fromFile.length > 0 || flags.fromLiteral.length > 0)) {
    throw new UsageError("from-env-file cannot be combined with from-file or from-literal");
  }
  return {
    fileSources: flags.fromFile,
    literalSources: flags.fromLiteral,
    envFileSources: flags.fromEnvFile,
    appendHash: Boolean(flags.appendHash),
    cwd: env.cwd,
    env: env.vars,
  };
}
