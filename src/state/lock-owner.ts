// Who holds the state file's lock, and whether that process still lives. The holder's identity
// is the *name* of the one entry inside the lock directory, so that taking over a dead holder's
// lock is a single rename of that exact name: of two waiters that saw the same dead holder,
// only one rename finds the entry (issue 7).

import * as fs from "node:fs";
import * as os from "node:os";

/** One lock holder: a process on a host, told apart from a later process with the same pid. */
export interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  /** Boot and pid namespace (Linux): a pid means the same process only where these match. */
  readonly hostTag: string;
  /** The process's start time in clock ticks since boot (Linux), to detect a reused pid. */
  readonly start: string;
  /** Makes each acquisition's name unique, even for the same process. */
  readonly nonce: string;
}

export type Liveness = "alive" | "dead" | "unknown";

const PREFIX = "owner-";

/** `owner-1234@myhost,3fa9c2d1e0b7,8812345,5be1c0a9`: pid and host first, for a person reading it. */
export function ownerEntryName(o: LockOwner): string {
  return `${PREFIX}${o.pid}@${o.hostname},${o.hostTag},${o.start},${o.nonce}`;
}

export function parseOwnerEntry(name: string): LockOwner | undefined {
  const m = /^owner-(\d+)@([^,]*),([^,]*),([^,]*),([^,]+)$/.exec(name);
  if (!m) return undefined;
  return { pid: Number(m[1]), hostname: m[2], hostTag: m[3], start: m[4], nonce: m[5] };
}

/** This process as a lock owner, with a fresh nonce. */
export function currentOwner(): LockOwner {
  return { ...thisHost(), pid: process.pid, start: procStat(process.pid)?.start ?? "", nonce: nonce() };
}

/**
 * Whether `owner` is still running: only answerable for a process of this host (same hostname,
 * boot and pid namespace). A live pid whose start time differs is a reused pid: dead. A zombie
 * (killed, not yet reaped by its parent) is dead too.
 */
export function ownerLiveness(owner: LockOwner): Liveness {
  const here = thisHost();
  if (owner.hostname !== here.hostname || owner.hostTag !== here.hostTag || owner.pid <= 0) return "unknown";
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    if ((err as NodeJS.ErrnoException).code === "ESRCH") return "dead";
  }
  const stat = procStat(owner.pid);
  if (stat && (stat.state === "Z" || stat.state === "X" || (owner.start !== "" && stat.start !== owner.start))) return "dead";
  return "alive";
}

let host: Pick<LockOwner, "hostname" | "hostTag"> | undefined;

function thisHost(): Pick<LockOwner, "hostname" | "hostTag"> {
  if (host) return host;
  // Commas separate the name's fields; a hostname is at most 253 characters, a file name 255.
  const hostname = encodeURIComponent(os.hostname()).slice(0, 100);
  let tag = "";
  try {
    const boot = fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    const pidns = fs.readlinkSync("/proc/self/ns/pid");
    tag = fnv1a64(`${boot} ${pidns}`).slice(0, 12);
  } catch {
    // Not Linux: the hostname alone says "this host".
  }
  host = { hostname, hostTag: tag };
  return host;
}

/** A new value on every call in this process (the pid tells processes apart): 8 hex digits. */
function nonce(): string {
  return (process.hrtime.bigint() & 0xffffffffn).toString(16).padStart(8, "0");
}

/**
 * FNV-1a, 64 bits, as hex: names this boot and pid namespace without loading node:crypto,
 * which costs every command several milliseconds of start-up.
 */
function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, "utf8")) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, "0");
}

/** State and start time from /proc/<pid>/stat (Linux); undefined elsewhere or when gone. */
function procStat(pid: number): { state: string; start: string } | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) S ppid …": comm may hold spaces and parentheses, so split after the last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0], start: fields[19] };
  } catch {
    return undefined;
  }
}
