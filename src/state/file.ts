// The state file: read, and written atomically (temporary file, fsync, rename) under an
// exclusive lock, so concurrent invocations never lose an update and a crash never leaves a
// half-written file. The only module that touches the file system for state.

import * as fs from "node:fs";
import * as path from "node:path";
import type { KubeObject } from "../api/types";
import { keyOf, refOf } from "../api/types";
import { RawJson, decodeObject } from "../api/store/raw-json";
import type { ClusterState, SavedState } from "../sim/state-shape";
import { RuntimeRecords } from "../sim/runtime-records";
import { checkSchema, notValidState } from "./schema";
import { StateFileError } from "./state-file-error";
import { parseLayout, serialize } from "./layout";

export { StateFileError };
import { holderTempFile } from "./lock";
export { withLock } from "./lock";

/**
 * Loads the state, its objects and runtime records left as bytes until used; undefined when the
 * file does not exist. Throws StateFileError for a file that is not a kubesim state, and when a
 * record that is used later turns out not to decode.
 */
export function loadState(file: string): SavedState | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new StateFileError(`cannot read state file "${file}": ${(err as Error).message}`);
  }
  const corrupt = () => notValidState(file, " (a record is not JSON)");
  let fields: unknown;
  try {
    fields = parseLayout(bytes, corrupt) ?? JSON.parse(bytes.toString("utf8"));
  } catch {
    throw notValidState(file, " (not JSON)");
  }
  return checkSchema(fields, file);
}

/** Reads the whole state, decoded (tests and tools; commands use loadState). */
export function readState(file: string): ClusterState | undefined {
  const saved = loadState(file);
  return saved && decodeState(saved);
}

function decodeState(saved: SavedState): ClusterState {
  return {
    ...saved,
    objects: [...saved.objects].map(([key, v]) => (v instanceof RawJson ? decodeObject(v, key) : v)) as KubeObject[],
    // Through RuntimeRecords: a record in its short form is expanded (the codec is loaded with the engine).
    runtime: Object.fromEntries(new RuntimeRecords(saved.runtime).entries()),
  };
}

/** The state is the user's alone: the file is 0600, a folder kubesim creates for it 0700. */
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/** Writes the pieces in order with as few system calls as writev allows, however short each write. */
function writeAll(fd: number, pieces: Buffer[]): void {
  let i = 0;
  while (i < pieces.length) {
    let written = fs.writevSync(fd, i === 0 ? pieces : pieces.slice(i));
    while (i < pieces.length && written >= pieces[i].length) written -= pieces[i++].length;
    if (written > 0) pieces[i] = pieces[i].subarray(written);
  }
}

/** Writes a whole state (sim reset, tests). */
export function writeState(file: string, state: ClusterState): void {
  saveState(file, {
    ...state,
    objects: new Map(state.objects.map((o) => [keyOf(refOf(o)), o])),
    runtime: new Map(Object.entries(state.runtime)),
  });
}

export function saveState(file: string, state: SavedState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: DIR_MODE });
  const tmp = holderTempFile(file, process.pid);
  const fd = fs.openSync(tmp, "w", FILE_MODE);
  try {
    writeAll(fd, serialize(state));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

