// The state file: read, and written atomically (temporary file, fsync, rename) under an
// exclusive lock, so concurrent invocations never lose an update and a crash never leaves a
// half-written file. The only module that touches the file system for state.

import * as fs from "node:fs";
import * as path from "node:path";
import lockfile from "proper-lockfile";
import type { ClusterState } from "../sim/state-shape";
import { checkSchema, StateFileError } from "./schema";

export { StateFileError };

/** Reads the state; undefined when the file does not exist. Throws StateFileError otherwise. */
export function readState(file: string): ClusterState | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new StateFileError(`cannot read state file "${file}": ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new StateFileError(`state file "${file}" is not valid kubesim state (not JSON); move it away or run "kubesim sim reset"`);
  }
  return checkSchema(data, file);
}

/** The state is the user's alone: the file is 0600, a folder kubesim creates for it 0700. */
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

export function writeState(file: string, state: ClusterState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: DIR_MODE });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, "w", FILE_MODE);
  try {
    fs.writeSync(fd, serialize(state));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/**
 * JSON with one object, agenda item or runtime record per line: readable and greppable by a
 * person, and a third smaller than indenting every field.
 */
export function serialize(state: ClusterState): string {
  const lines = (items: readonly unknown[]) => (items.length === 0 ? "[]" : `[\n${items.map((i) => JSON.stringify(i)).join(",\n")}\n]`);
  const runtime = Object.entries(state.runtime);
  const fields = [
    `"schemaVersion": ${state.schemaVersion}`,
    `"clock": ${JSON.stringify(state.clock)}`,
    `"seed": ${state.seed}`,
    `"rngState": ${state.rngState}`,
    `"resourceVersion": ${state.resourceVersion}`,
    `"objects": ${lines(state.objects)}`,
    `"agenda": ${lines(state.agenda)}`,
    `"runtime": ${runtime.length === 0 ? "{}" : `{\n${runtime.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(",\n")}\n}`}`,
  ];
  return `{\n${fields.join(",\n")}\n}\n`;
}

/** Holds the state file's lock while fn runs. */
export async function withLock<T>(file: string, fn: () => Promise<T> | T): Promise<T> {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: DIR_MODE });
  // A script may start many commands at once: each waits its turn (up to ten minutes) rather
  // than fail; a lock whose holder died is taken over once it is 30s stale.
  const release = await lockfile.lock(file, {
    realpath: false,
    stale: 30_000,
    retries: { retries: 6000, minTimeout: 5, maxTimeout: 100, factor: 1.5 },
  });
  try {
    return await fn();
  } finally {
    await release();
  }
}

/** The folder beside the state file where per-node static pod manifests live. */
export function staticPodDir(stateFile: string, node: string): string {
  return path.join(path.dirname(path.resolve(stateFile)), `${path.basename(stateFile, ".json")}.static-pods`, node);
}
