// What `create configmap` and `create secret generic` share: keys and values from files and
// folders (--from-file), literals (--from-literal) and env files (--from-env-file), with
// --append-hash, as create_configmap.go and create_secret.go define them.

import * as path from "node:path";
import type { Command } from "commander";
import { UsageError } from "../../api/errors";
import { listDirEntries, readText, statPath, type FileStats } from "../../state/local-files";
import type { VerbEnv } from "../verb";
import { parseEnvFile } from "./env-file";
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

/**
 * The [key, file] of each --from-file, in order: a file under its key (its base name unless
 * given), a folder as its regular files under their names, sorted as os.ReadDir sorts them.
 * Yielded one by one, so a bad key in one source is reported before a missing later source.
 */
export function* fileSourceEntries(s: KeySources): Generator<[string, string]> {
  for (const source of s.fileSources) {
    const [key, filePath] = parseFileSource(source);
    const full = path.resolve(s.cwd, filePath);
    if (!statOrThrow(full, filePath).isDirectory()) {
      yield [key, full];
      continue;
    }
    if (source.includes("=")) throw new UsageError("cannot give a key name for a directory path");
    for (const entry of listDirEntries(full).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isFile()) yield [entry.name, path.join(full, entry.name)];
    }
  }
}

/**
 * The KEY=value pairs of each --from-env-file, in order; `kind` names the object in the error
 * for a folder ("env config file cannot be a directory", "env secret file …").
 */
export function envFilePairs(s: KeySources, kind: "config" | "secret"): [string, string][] {
  const pairs: [string, string][] = [];
  for (const source of s.envFileSources) {
    const full = path.resolve(s.cwd, source);
    if (statOrThrow(full, source).isDirectory()) throw new UsageError(`env ${kind} file cannot be a directory`);
    try {
      pairs.push(...parseEnvFile(readText(full), source, s.env));
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  return pairs;
}

/** util.ParseFileSource: `path` (key = base name) or `key=path`. */
export function parseFileSource(source: string): [string, string] {
  const n = source.split("=").length - 1;
  if (n === 0) return [path.posix.basename(source), source];
  if (n === 1 && source.startsWith("=")) throw new UsageError(`key name for file path ${source.slice(1)} missing`);
  if (n === 1 && source.endsWith("=")) throw new UsageError(`file path for key name ${source.slice(0, -1)} missing`);
  if (n > 1) throw new UsageError("key names or file paths cannot contain '='");
  const [k, v] = source.split("=");
  return [k, v];
}

/** util.ParseLiteralSource: split at the first `=`; a leading `=` or none is an error. */
export function parseLiteralSource(source: string): [string, string] {
  const eq = source.indexOf("=");
  if (eq <= 0) throw new UsageError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, eq), source.slice(eq + 1)];
}

/** os.Stat of a source, failing with kubectl's `error reading <path>: <why>`. */
export function statOrThrow(full: string, shown: string): FileStats {
  try {
    return statPath(full);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file or directory" : code === "EACCES" ? "permission denied" : code === "ENOTDIR" ? "not a directory" : String(code);
    throw new UsageError(`error reading ${shown}: ${why}`);
  }
}
