// A long `sim advance` tunes V8 for a long run (src/cli/jit-tuning.ts). Observed through a
// preloaded hook on node:v8's setFlagsFromString, which reports each call and, in the untuned
// runner, drops it: the tuning may change how fast a run is, never what it prints.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { hookedKubesim } from "./builders/hooked-kubesim";
import { HELLO_CRONJOB } from "./builders/manifests";
import { LONG_RUN_V8_FLAGS } from "../src/cli/jit-tuning";

const hook = (passThrough: boolean) => `const v8 = require("node:v8");
const set = v8.setFlagsFromString;
v8.setFlagsFromString = (flags) => {
  require("node:fs").writeSync(2, "V8-FLAGS " + flags + "\\n");
  ${passThrough ? "set(flags);" : ""}
};
`;

const tunedOrNot = (passThrough: boolean) => hookedKubesim(hook(passThrough));
const flagsSet = (stderr: string) => [...stderr.matchAll(/^V8-FLAGS (.*)$/gm)].map((m) => m[1]);

/** The docs' CronJob, every five minutes rather than every minute: a shorter test, the same kinds of work. */
const CRONJOB = HELLO_CRONJOB.replace('schedule: "* * * * *"', 'schedule: "*/5 * * * *"');

describe("V8 tuning for a long sim advance", () => {
  const manifest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-jit-")), "cronjob.yaml");
  fs.writeFileSync(manifest, CRONJOB);

  it.each([
    { by: "30m", busy: true, want: [] },
    { by: "59m59s", busy: true, want: [] },
    { by: "1h", busy: true, want: [LONG_RUN_V8_FLAGS] },
    { by: "3h", busy: true, want: [LONG_RUN_V8_FLAGS] },
    { by: "24h", busy: false, want: [] }, // nothing due: the engine does not run
  ])("sim advance $by, a CronJob applied: $busy, sets $want", ({ by, busy, want }) => {
    const run = tunedOrNot(true);
    expect(run("0", "sim", "reset", "--seed", "1").code).toBe(0);
    if (busy) expect(run("0", "apply", "-f", manifest).code).toBe(0);
    const r = run("0", "sim", "advance", by);
    expect(r.code).toBe(0);
    expect(flagsSet(r.stderr)).toEqual(want);
  });

  it("prints the same as an untuned run: CronJobs, their pods' shells and Events over two hours", () => {
    const [tuned, untuned] = [tunedOrNot(true), tunedOrNot(false)].map((run) => {
      expect(run("0", "sim", "reset", "--seed", "7", "--start", "2025-01-01T00:00:00Z").code).toBe(0);
      expect(run("0", "apply", "-f", manifest).code).toBe(0);
      const advance = run("0", "sim", "advance", "2h");
      expect(advance.code).toBe(0);
      return { advance, after: run("0", "get", "jobs,pods,events", "-o", "wide").stdout, flags: flagsSet(advance.stderr) };
    });
    expect(tuned.flags).toEqual([LONG_RUN_V8_FLAGS]); // set, and dropped by the untuned runner's hook
    expect(tuned.advance.stdout).toContain("Created pod: hello-");
    expect(untuned.advance.stdout).toBe(tuned.advance.stdout);
    expect(untuned.after).toBe(tuned.after);
  });
});
