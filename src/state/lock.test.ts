import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { build } from "esbuild";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Inspection } from "./lock";
import { claimLock, holderTempFile, inspectLock, lockDirOf, placingDirOf, releaseLock, withLock } from "./lock";
import type { LockOwner } from "./lock-owner";
import { currentOwner, ownerEntryName } from "./lock-owner";
import { StateFileError } from "./state-file-error";

/** Runs after every fs.mkdirSync the lock makes, so a test can change the folder under it. */
let afterMkdir: ((made: string) => void) | undefined;
vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>();
  const mkdirSync = ((p: fs.PathLike, o?: fs.MakeDirectoryOptions) => {
    const made = real.mkdirSync(p, o);
    afterMkdir?.(String(p));
    return made;
  }) as typeof fs.mkdirSync;
  return { ...real, mkdirSync };
});
afterEach(() => {
  afterMkdir = undefined;
});

const STALE = 30_000;
/** The wall clock the lock compares mtimes with, fixed: mtimes are set relative to it. */
const NOW = Date.parse("2025-01-01T00:00:00Z");
const now = () => NOW;
const tmpState = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-lock-")), "state.json");

/** A pid that was this host's and is no more: a process that ran and was reaped. */
const deadPid = () => spawnSync(process.execPath, ["-e", "0"]).pid;

let sleeper: ReturnType<typeof spawn>;
beforeAll(() => {
  sleeper = spawn("sleep", ["120"], { stdio: "ignore" });
});
afterAll(() => {
  sleeper.kill("SIGKILL");
});

const here = (over: Partial<LockOwner>): LockOwner => ({ ...currentOwner(), start: "", ...over });
const elsewhere = (over: Partial<LockOwner> = {}): LockOwner => ({ ...here({ pid: 4242 }), hostname: "other-host", hostTag: "", ...over });

/** Makes `<file>.lock` as a holder would have left it, with its mtime `ageMs` in the past. */
function makeLock(file: string, entries: readonly LockOwner[], ageMs: number): void {
  const dir = lockDirOf(file);
  fs.mkdirSync(dir);
  for (const o of entries) fs.writeFileSync(path.join(dir, ownerEntryName(o)), "");
  const t = (NOW - ageMs) / 1000;
  fs.utimesSync(dir, t, t);
}

const entries = (file: string) => fs.readdirSync(lockDirOf(file));

describe("inspecting the lock", () => {
  const cases: { name: string; owners: () => LockOwner[] | undefined; ageMs: number; want: Inspection["kind"] }[] = [
    { name: "no lock directory is free", owners: () => undefined, ageMs: 0, want: "free" },
    { name: "an owner whose process is gone on this host is abandoned at once", owners: () => [here({ pid: deadPid() })], ageMs: 0, want: "abandoned" },
    { name: "a live owner on this host is held, however old the mtime", owners: () => [here({ pid: sleeper.pid! })], ageMs: 3_600_000, want: "held" },
    { name: "an owner on another host with a fresh mtime is held", owners: () => [elsewhere()], ageMs: 1000, want: "held" },
    { name: "an owner on another host with a stale mtime is abandoned", owners: () => [elsewhere()], ageMs: STALE + 1000, want: "abandoned" },
    { name: "an owner from another boot or pid namespace is judged by mtime", owners: () => [here({ pid: sleeper.pid!, hostTag: "0123456789ab" })], ageMs: STALE + 1000, want: "abandoned" },
    { name: "an empty directory (an older kubesim's lock) with a fresh mtime is held", owners: () => [], ageMs: 1000, want: "held" },
    { name: "an empty directory with a stale mtime is free", owners: () => [], ageMs: STALE + 1000, want: "free" },
  ];
  it.each(cases)("$name", ({ owners, ageMs, want }) => {
    const file = tmpState();
    const o = owners();
    if (o) makeLock(file, o, ageMs);
    expect(inspectLock(file, NOW, STALE).kind).toBe(want);
  });

  it.runIf(process.platform === "linux")("a live pid that started at another time (a reused pid) is abandoned", () => {
    const file = tmpState();
    makeLock(file, [here({ pid: sleeper.pid!, start: "1" })], 0);
    expect(inspectLock(file, NOW, STALE).kind).toBe("abandoned");
  });
});

describe("withLock", () => {
  it("holds the lock, named for this process, while fn runs, and removes it after", async () => {
    const file = tmpState();
    const inside = await withLock(file, () => entries(file), { now });
    expect(inside).toHaveLength(1);
    expect(inside[0]).toMatch(new RegExp(`^owner-${process.pid}@${encodeURIComponent(os.hostname())},`));
    expect(fs.existsSync(lockDirOf(file))).toBe(false);
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
  });

  it("removes the lock when fn throws", async () => {
    const file = tmpState();
    await expect(withLock(file, () => Promise.reject(new Error("boom")), { now })).rejects.toThrow("boom");
    expect(fs.existsSync(lockDirOf(file))).toBe(false);
  });

  it("takes over at once a lock whose holder was killed", async () => {
    const file = tmpState();
    makeLock(file, [here({ pid: deadPid() })], 0);
    const started = performance.now();
    const inside = await withLock(file, () => entries(file), { now });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(inside).toEqual([expect.stringMatching(new RegExp(`^owner-${process.pid}@`))]);
    expect(fs.existsSync(lockDirOf(file))).toBe(false);
  });

  it("never takes the lock of a live holder with an old mtime, and says who holds it", async () => {
    const file = tmpState();
    const holder = here({ pid: sleeper.pid! });
    makeLock(file, [holder], 3_600_000);
    let ran = false;
    const err = await withLock(file, () => (ran = true), { retries: 20, now }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StateFileError);
    expect((err as Error).message).toBe(
      `timed out waiting for the lock on state file "${file}", held by process ${sleeper.pid} on ${os.hostname()}; if no kubesim is running, remove "${file}.lock"`,
    );
    expect(ran).toBe(false);
    expect(entries(file)).toEqual([ownerEntryName(holder)]);
  });

  it("taking over a killed holder's lock removes the state it was writing, and no other", async () => {
    const file = tmpState();
    const [dead, live] = [here({ pid: deadPid() }), here({ pid: sleeper.pid! })];
    makeLock(file, [dead], 0);
    for (const o of [dead, live]) fs.writeFileSync(holderTempFile(file, o.pid), "half a state");
    await withLock(file, () => undefined, { now });
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(holderTempFile(file, live.pid))]);
  });

  it("clears away placements left half-done by a killed process, and only those", async () => {
    const file = tmpState();
    const [dead, live] = [here({ pid: deadPid() }), here({ pid: sleeper.pid! })];
    for (const o of [dead, live]) fs.mkdirSync(path.join(placingDirOf(file), ownerEntryName(o)), { recursive: true });
    await withLock(file, () => undefined, { now });
    expect(fs.readdirSync(placingDirOf(file))).toEqual([ownerEntryName(live)]);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(["state.json.lock.placing"]);
  });

  it("leaves nothing beside the state file once released, and never lists the state file's folder", async () => {
    const file = tmpState();
    fs.writeFileSync(file, "");
    // Named as placements were once made beside the state file: listing that folder (which may
    // be /tmp, with thousands of entries) on every command is what the placing folder avoids.
    const besideState = `${lockDirOf(file)}.${ownerEntryName(here({ pid: deadPid() }))}.tmp`;
    fs.mkdirSync(besideState);
    await withLock(file, () => undefined, { now });
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual([path.basename(besideState), "state.json"].sort());
  });

  it("a waiter whose placing folder is removed under it waits its turn, then takes the lock", async () => {
    const file = tmpState();
    let removals = 0;
    afterMkdir = (made) => {
      // The holder sweeps the empty placing folder away just after the waiter made it.
      if (made === placingDirOf(file) && removals++ === 0) fs.rmdirSync(made);
    };
    let ran = false;
    await withLock(file, () => (ran = true), { now });
    expect([ran, removals]).toEqual([true, 2]);
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
  });
});

describe("racing takeovers", () => {
  it("of two waiters that found the same dead holder, exactly one wins", () => {
    const file = tmpState();
    makeLock(file, [here({ pid: deadPid() })], 0);
    const [a, b] = [currentOwner(), currentOwner()];
    const seenByA = inspectLock(file, NOW, STALE);
    const seenByB = inspectLock(file, NOW, STALE);
    expect([seenByA.kind, seenByB.kind]).toEqual(["abandoned", "abandoned"]);
    expect([claimLock(file, a, seenByA), claimLock(file, b, seenByB)]).toEqual([true, false]);
    expect(entries(file)).toEqual([ownerEntryName(a)]);
  });

  it("a late takeover never takes the lock from a holder that got it in between", () => {
    const file = tmpState();
    makeLock(file, [here({ pid: deadPid() })], 0);
    const [a, late, next] = [currentOwner(), currentOwner(), currentOwner()];
    const seenByA = inspectLock(file, NOW, STALE);
    const seenByLate = inspectLock(file, NOW, STALE);
    expect(claimLock(file, a, seenByA)).toBe(true);
    releaseLock(file, a);
    expect(claimLock(file, next, inspectLock(file, NOW, STALE))).toBe(true);
    expect(claimLock(file, late, seenByLate)).toBe(false);
    expect(entries(file)).toEqual([ownerEntryName(next)]);
  });

  it("a lock taken over from a holder whose entry is a directory is released whole", () => {
    const file = tmpState();
    const dead = here({ pid: deadPid() });
    fs.mkdirSync(lockDirOf(file));
    fs.mkdirSync(path.join(lockDirOf(file), ownerEntryName(dead)));
    fs.writeFileSync(path.join(lockDirOf(file), ownerEntryName(dead), "inside"), "");
    const me = currentOwner();
    expect(claimLock(file, me, inspectLock(file, NOW, STALE))).toBe(true);
    releaseLock(file, me);
    expect(fs.existsSync(lockDirOf(file))).toBe(false);
  });

  it("of two waiters that found no lock, exactly one places it", () => {
    const file = tmpState();
    const [a, b] = [currentOwner(), currentOwner()];
    expect([claimLock(file, a, { kind: "free" }), claimLock(file, b, { kind: "free" })]).toEqual([true, false]);
    expect(entries(file)).toEqual([ownerEntryName(a)]);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(["state.json.lock", "state.json.lock.placing"]);
    expect(fs.readdirSync(placingDirOf(file))).toEqual([]); // the loser's placement is gone
  });
});

describe("across processes", () => {
  // Each child runs `rounds` critical sections: it logs enter/exit around a read-increment-write
  // of a counter, with `busyMs` of synchronous work in between (no timer can fire then).
  let child: string;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-lock-child-"));
    const entry = path.join(dir, "child.ts");
    fs.writeFileSync(
      entry,
      `import * as fs from "node:fs";
import { withLock } from ${JSON.stringify(path.resolve(import.meta.dirname, "lock.ts"))};
const [file, rounds, busyMs, staleMs] = process.argv.slice(2);
for (let i = 0; i < Number(rounds); i++) {
  await withLock(file, () => {
    fs.appendFileSync(file + ".log", "enter " + process.pid + "\\n");
    const n = Number(fs.readFileSync(file + ".count", "utf8"));
    const until = performance.now() + Number(busyMs);
    while (performance.now() < until);
    fs.writeFileSync(file + ".count", String(n + 1));
    fs.appendFileSync(file + ".log", "exit " + process.pid + "\\n");
  }, { staleMs: Number(staleMs) });
}
`,
    );
    child = path.join(dir, "child.mjs");
    await build({ entryPoints: [entry], outfile: child, bundle: true, format: "esm", platform: "node", target: "node20", logLevel: "error" });
  });

  const runChild = (file: string, rounds: number, busyMs: number, staleMs: number) => {
    const p = spawn(process.execPath, [child, file, String(rounds), String(busyMs), String(staleMs)], { stdio: "inherit" });
    return { pid: p.pid, done: new Promise<number>((resolve) => p.on("close", (c) => resolve(c ?? 1))) };
  };

  /** The log's enter/exit lines pair up: no two holders at once. */
  function expectNoOverlap(file: string, sections: number): void {
    const lines = fs.readFileSync(`${file}.log`, "utf8").trim().split("\n");
    expect(lines).toHaveLength(2 * sections);
    for (let i = 0; i < lines.length; i += 2) expect(lines[i + 1]).toBe(lines[i].replace("enter", "exit"));
    expect(fs.readFileSync(`${file}.count`, "utf8")).toBe(String(sections));
  }

  it("eight processes racing to take over a dead holder's lock take turns", async () => {
    const file = tmpState();
    fs.writeFileSync(`${file}.count`, "0");
    makeLock(file, [here({ pid: deadPid() })], 0);
    const codes = await Promise.all(Array.from({ length: 8 }, () => runChild(file, 5, 2, STALE).done));
    expect(codes).toEqual(Array(8).fill(0));
    expectNoOverlap(file, 40);
    expect(fs.existsSync(lockDirOf(file))).toBe(false);
  });

  it("a holder busy far beyond staleness keeps its lock while it lives", async () => {
    const file = tmpState();
    fs.writeFileSync(`${file}.count`, "0");
    const long = runChild(file, 1, 2500, 200);
    while (!fs.existsSync(`${file}.log`)) await new Promise((r) => setTimeout(r, 10));
    const waiters = [runChild(file, 1, 0, 200), runChild(file, 1, 0, 200)];
    expect(await Promise.all([long, ...waiters].map((c) => c.done))).toEqual([0, 0, 0]);
    expectNoOverlap(file, 3);
    expect(fs.readFileSync(`${file}.log`, "utf8").split("\n").slice(0, 2)).toEqual([`enter ${long.pid}`, `exit ${long.pid}`]);
  });
});
