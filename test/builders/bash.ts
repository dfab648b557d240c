// Runs kubesim from a bash script, as a user's shell script would: pipes, 2>&1, $PIPESTATUS.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The launcher, quoted as scripts use it: `${BIN} get pods`. */
export const BIN = `"${path.resolve(import.meta.dirname, "../../bin/kubesim")}"`;

/** A fresh state file in a directory of its own, with time frozen (tick 0). */
export function frozenStateEnv(prefix: string): Record<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { KUBESIM_STATE: path.join(dir, "state.json"), KUBESIM_TICK: "0" };
}

export function bash(script: string, env: Record<string, string>) {
  return spawnSync("bash", ["-c", script], { env: { ...process.env, ...env }, encoding: "utf8" });
}
