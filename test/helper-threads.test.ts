// V8's helper threads run ten steps nicer than the thread that runs the command (src/main.ts),
// so on a machine of few cores the command's own work comes first. Observed through a preloaded
// hook that, as the process exits, reads each thread's niceness from /proc (Linux sets it per
// thread; elsewhere kubesim leaves its threads alone).

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { hookedKubesim } from "./builders/hooked-kubesim";

/** Prints "NICENESS <main> <helper> <helper> …" as the process exits: field 19 of each /proc/self/task/<tid>/stat. */
const HOOK = `process.on("exit", () => {
  const fs = require("node:fs");
  const niceness = (task) => {
    const stat = fs.readFileSync("/proc/self/task/" + task + "/stat", "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
  };
  const helpers = fs.readdirSync("/proc/self/task").filter((task) => Number(task) !== process.pid);
  fs.writeSync(2, "NICENESS " + [process.pid, ...helpers].map(niceness).join(" ") + "\\n");
});
`;

const nicenessOf = (stderr: string): number[] => (/^NICENESS (.*)$/m.exec(stderr)?.[1] ?? "").split(" ").map(Number);

describe.runIf(process.platform === "linux")("V8's helper threads behind the main thread", () => {
  it("a command's main thread keeps its niceness and every other thread runs ten steps nicer", () => {
    const run = hookedKubesim(HOOK);
    expect(run("0", "sim", "reset", "--seed", "1").code).toBe(0);
    const r = run("0", "get", "pods", "-A");
    expect(r.code).toBe(0);
    const [main, ...helpers] = nicenessOf(r.stderr);
    const ours = os.getPriority();
    expect(main).toBe(ours);
    expect(helpers.length).toBeGreaterThanOrEqual(4); // V8's four workers, at least
    expect(new Set(helpers)).toEqual(new Set([Math.min(19, ours + 10)]));
  });

  it("under `nice -n 15` the helpers stop at 19, the most Linux allows", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-nice-"));
    fs.writeFileSync(path.join(dir, "hook.cjs"), HOOK);
    const bin = path.resolve(import.meta.dirname, "../bin/kubesim");
    const r = spawnSync("nice", ["-n", "15", process.execPath, "--require", path.join(dir, "hook.cjs"), bin, "version", "--client"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    const [main, ...helpers] = nicenessOf(r.stderr);
    expect(main).toBe(Math.min(19, os.getPriority() + 15));
    expect(new Set(helpers)).toEqual(new Set([19]));
  });
});
