// Reading what -f/-R name, as kubectl's resource builder reads it (cli-runtime/pkg/resource/
// visitor.go ExpandPathsToFileVisitors): `-` is standard input (source "STDIN"), a directory is
// walked in name order taking .json/.yaml/.yml files (only its top level without -R), a named
// file is read whatever its extension. A path that does not exist fails the whole command before
// anything is sent.

import { listDir, readBytes, statPath, type FileStats } from "../../state/local-files";
import { decodeManifestBytes } from "../manifests/text-encoding";
import * as path from "node:path";
import { RawError, UsageError } from "../../api/errors";
import type { VerbEnv } from "../verb";
import type { FilenameOptions } from "./filename";

/** One file's text and the name kubectl calls it by in messages. */
export interface ManifestSource {
  readonly source: string;
  readonly text: string;
}

const EXTENSIONS = [".json", ".yaml", ".yml"];

/** Reads every file the options name, in kubectl's order; throws `the path "x" does not exist`. */
export function readSources(opts: FilenameOptions, env: Pick<VerbEnv, "cwd" | "readStdin">): ManifestSource[] {
  const out: ManifestSource[] = [];
  const missing: string[] = [];
  for (const name of opts.filenames) {
    if (name === "-") {
      out.push({ source: "STDIN", text: decodeManifestBytes(env.readStdin()) });
      continue;
    }
    if (/^https?:\/\//.test(name)) throw new UsageError(`unable to read URL "${name}": kubesim has no network access`);
    const full = path.resolve(env.cwd, name);
    let stat: FileStats;
    try {
      stat = statPath(full);
    } catch {
      missing.push(name);
      continue;
    }
    if (stat.isDirectory()) walk(name, full, opts.recursive, true, out);
    else out.push({ source: name, text: decodeManifestBytes(readBytes(full)) });
  }
  if (missing.length === 1) throw new UsageError(`the path "${missing[0]}" does not exist`);
  // Several: kubectl prints an aggregate, one bare line each.
  if (missing.length > 1) throw new RawError(missing.map((m) => `the path "${m}" does not exist`).join("\n"));
  return out;
}

/** filepath.Walk: entries in byte order, directories below the root only with -R. */
function walk(shown: string, full: string, recursive: boolean, root: boolean, out: ManifestSource[]): void {
  if (!root && !recursive) return;
  const names = listDir(full).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  for (const name of names) {
    const childFull = path.join(full, name);
    const childShown = path.join(shown, name);
    const stat = statPath(childFull);
    if (stat.isDirectory()) walk(childShown, childFull, recursive, false, out);
    else if (EXTENSIONS.includes(path.extname(name))) out.push({ source: childShown, text: decodeManifestBytes(readBytes(childFull)) });
  }
}
