// The -f/--filename and -R/--recursive flags (cmdutil.AddFilenameOptionFlags). Reading the files
// they name is read-sources.ts, loaded by the verbs that read them (a `get` without -f never does).

import type { Command } from "commander";

export interface FilenameFlags {
  filename?: string[];
  recursive?: boolean;
}

export interface FilenameOptions {
  readonly filenames: readonly string[];
  readonly recursive: boolean;
}

/**
 * Declares -f (repeatable, comma lists allowed as with pflag's string slices) and -R, which is
 * off unless `recursive` (kubectl wait's FilenameOptions start with it on).
 */
export function defineFilenameFlags(cmd: Command, what: string, recursive = false): void {
  // A string slice: help shows its default as pflag does, `[]`.
  cmd.option("-f, --filename <file>", what, (v: string, prev: string[]) => [...prev, ...v.split(",")], [] as string[]);
  cmd.option(
    "-R, --recursive",
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.",
    recursive,
  );
  cmd.option("--no-recursive", "");
}

export function filenameOptions(flags: FilenameFlags): FilenameOptions {
  return { filenames: flags.filename ?? [], recursive: Boolean(flags.recursive) };
}
