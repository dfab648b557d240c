// The state file's exclusive lock: every command holds it around load → run → save, so
// concurrent invocations never lose an update. A waiter waits its turn (up to ten minutes).
//
// The lock is the directory `<state>.lock`, holding exactly one entry whose name is the holder
// (lock-owner.ts). It appears with its owner already inside (made as a temporary directory in
// `<state>.lock.placing`, then renamed into place: a rename onto a non-empty directory fails),
// so there is no moment when the lock is held but its holder unknown. A holder killed with
// SIGKILL is taken over at once: a waiter that finds the holder's pid gone on this host
// renames the holder's entry to its own. That rename is the whole takeover, and only one of
// two racing waiters can make it; the directory is never removed and re-created, so a
// takeover decided on stale information can never destroy a lock a live process has since
// acquired. A holder that cannot be checked (another host, a lock without an owner) is taken
// over once the directory's mtime is 30s old, as proper-lockfile did. A live holder on this
// host is never taken over, however old its mtime: a long `sim advance` is synchronous work
// that cannot refresh it.

import * as fs from "node:fs";
import * as path from "node:path";
import { StateFileError } from "./state-file-error";
import type { LockOwner } from "./lock-owner";
import { currentOwner, ownerEntryName, ownerLiveness, parseOwnerEntry } from "./lock-owner";

export interface LockOptions {
  /** How old an unverifiable lock's mtime must be to count as abandoned. */
  readonly staleMs?: number;
  /** Attempts before giving up, with a back-off from 5ms to 100ms: 6000 is about ten minutes. */
  readonly retries?: number;
  /** The wall clock, in ms, that mtimes are compared with: lock ages are facts about files, not simulated time. */
  readonly now?: () => number;
}

const DEFAULTS = { staleMs: 30_000, retries: 6000, now: () => Date.now() } satisfies Required<LockOptions>;
const DIR_MODE = 0o700;

/** What a waiter found at the lock, and so what it may do. */
export type Inspection =
  | { readonly kind: "free" } // no lock directory, or an empty one left by an interrupted release
  | { readonly kind: "held"; readonly owner: LockOwner | undefined } // wait
  | { readonly kind: "abandoned"; readonly entries: readonly string[] }; // its holder is gone: take it over

export function lockDirOf(file: string): string {
  return `${file}.lock`;
}

/**
 * The temporary file a holder writes the new state to before renaming it into place
 * (file.ts). A holder killed while writing leaves it; whoever takes its lock over removes it.
 */
export function holderTempFile(file: string, pid: number): string {
  return `${file}.${pid}.tmp`;
}

/**
 * Where placements are made. A folder of their own, so that clearing away those of killed
 * processes reads only them, never the state file's folder (which may be /tmp, with thousands
 * of entries); the holder removes it once it is empty.
 */
export function placingDirOf(file: string): string {
  return `${lockDirOf(file)}.placing`;
}

/** Holds the state file's lock while fn runs. */
export async function withLock<T>(file: string, fn: () => Promise<T> | T, options: LockOptions = {}): Promise<T> {
  const opts = { ...DEFAULTS, ...options };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: DIR_MODE });
  const me = await acquireLock(file, opts);
  // Tell waiters on other hosts that the holder lives, whenever the event loop is free.
  const touch = setInterval(() => refreshLock(file, opts.now()), opts.staleMs / 2);
  touch.unref();
  try {
    return await fn();
  } finally {
    clearInterval(touch);
    releaseLock(file, me);
  }
}

async function acquireLock(file: string, opts: Required<LockOptions>): Promise<LockOwner> {
  const me = currentOwner();
  let wait = 5;
  let last: Inspection = { kind: "free" };
  for (let attempt = 0; attempt <= opts.retries; attempt++) {
    last = inspectLock(file, opts.now(), opts.staleMs);
    if (last.kind !== "held" && claimLock(file, me, last)) {
      sweepPlacements(file);
      return me;
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(100, wait * 1.5);
  }
  const owner = last.kind === "held" && last.owner ? `process ${last.owner.pid} on ${hostnameOf(last.owner)}` : "another process";
  throw new StateFileError(
    `timed out waiting for the lock on state file "${file}", held by ${owner}; if no kubesim is running, remove "${lockDirOf(file)}"`,
  );
}

/** Looks at the lock without changing anything. */
export function inspectLock(file: string, now: number, staleMs: number): Inspection {
  const dir = lockDirOf(file);
  let entries: string[];
  let mtime: number;
  try {
    entries = fs.readdirSync(dir);
    mtime = fs.statSync(dir).mtimeMs;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { kind: "free" };
    throw err;
  }
  const stale = now - mtime >= staleMs;
  // Owner entries first: a takeover renames the first entry.
  entries.sort((a, b) => Number(parseOwnerEntry(b) !== undefined) - Number(parseOwnerEntry(a) !== undefined));
  const owners = entries.map(parseOwnerEntry).filter((o) => o !== undefined);
  // An empty directory is a release cut short, or a lock taken by a kubesim older than
  // issue 7 (proper-lockfile, no owner inside): trust it until it is stale.
  if (entries.length === 0) return stale ? { kind: "free" } : { kind: "held", owner: undefined };
  const liveness = owners.map(ownerLiveness);
  if (liveness.includes("alive")) return { kind: "held", owner: owners[liveness.indexOf("alive")] };
  const dead = owners.length > 0 && liveness.every((l) => l === "dead");
  return dead || stale ? { kind: "abandoned", entries } : { kind: "held", owner: owners[0] };
}

/**
 * Tries once to take the lock, as `inspection` allows; false when another process got there
 * first. Never takes a lock from a holder other than the one inspected.
 */
export function claimLock(file: string, me: LockOwner, inspection: Inspection): boolean {
  const dir = lockDirOf(file);
  if (inspection.kind === "free") return placeLock(file, me);
  if (inspection.kind !== "abandoned") return false;
  const [first, ...rest] = inspection.entries;
  try {
    // The takeover: only the waiter whose rename finds `first` gets the lock.
    fs.renameSync(path.join(dir, first), path.join(dir, ownerEntryName(me)));
  } catch (err) {
    if (isLost(err)) return false;
    throw err;
  }
  // Anything else the abandoned lock held (not written by this kubesim) goes; never the new name.
  for (const name of rest) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  // A dead holder's half-written state: only a holder writes one, and the holder is now us.
  for (const owner of inspection.entries.map(parseOwnerEntry)) {
    if (owner && ownerLiveness(owner) === "dead") fs.rmSync(holderTempFile(file, owner.pid), { force: true });
  }
  return true;
}

/** Creates the lock with its owner inside, or fails if a lock with an owner exists. */
function placeLock(file: string, me: LockOwner): boolean {
  const name = ownerEntryName(me);
  const tmp = path.join(placingDirOf(file), name);
  try {
    fs.mkdirSync(placingDirOf(file), { mode: DIR_MODE });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  try {
    fs.mkdirSync(tmp, { mode: DIR_MODE });
  } catch (err) {
    // The holder removed the placing folder, empty, in between: it has the lock; wait.
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw err;
  }
  fs.writeFileSync(path.join(tmp, name), "");
  try {
    fs.renameSync(tmp, lockDirOf(file));
    return true;
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (isLost(err)) return false;
    throw err;
  }
}

/**
 * Removes the placements of processes that died before finishing them (killed between making
 * one and renaming it into place), then the placing folder if no waiter is using it. Runs
 * under the lock.
 */
function sweepPlacements(file: string): void {
  const placing = placingDirOf(file);
  let names: string[];
  try {
    names = fs.readdirSync(placing);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
    throw err;
  }
  for (const name of names) {
    const owner = parseOwnerEntry(name);
    if (owner && ownerLiveness(owner) === "dead") fs.rmSync(path.join(placing, name), { recursive: true, force: true });
  }
  try {
    fs.rmdirSync(placing);
  } catch (err) {
    if (!isLost(err)) throw err; // ENOTEMPTY: a waiter's placement is in it
  }
}

function hostnameOf(owner: LockOwner): string {
  try {
    return decodeURIComponent(owner.hostname);
  } catch {
    return owner.hostname; // cut in the middle of an escape (lock-owner.ts keeps 100 characters)
  }
}

/** Gives the lock up: removes our entry, then the directory if nobody has claimed it since. */
export function releaseLock(file: string, me: LockOwner): void {
  const dir = lockDirOf(file);
  try {
    removeEntry(path.join(dir, ownerEntryName(me)));
    fs.rmdirSync(dir);
  } catch (err) {
    // ENOENT: taken over after all (another host judged it stale); ENOTEMPTY/EEXIST: already
    // placed again by the next holder, whose lock it now is.
    if (!isLost(err)) throw err;
  }
}

/**
 * Our entry is the empty file placeLock wrote, or what a takeover renamed to our name (a
 * directory, if another tool made the lock). Unlinked directly: fs.rmSync's recursive removal
 * loads a module of its own, about a millisecond of every command.
 */
function removeEntry(entry: string): void {
  try {
    fs.unlinkSync(entry);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== "EISDIR" && code !== "EPERM") throw err;
    fs.rmSync(entry, { recursive: true });
  }
}

function refreshLock(file: string, now: number): void {
  try {
    fs.utimesSync(lockDirOf(file), now / 1000, now / 1000);
  } catch {
    // Gone means taken over as stale by another host; release will find out.
  }
}

/** The errors that mean "someone else changed the lock first". */
function isLost(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTEMPTY" || code === "EEXIST" || code === "EPERM" || code === "ENOTDIR";
}
