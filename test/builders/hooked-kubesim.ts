// Runs bin/kubesim with a CommonJS hook preloaded (node --require), against a state file of its
// own: for tests that watch what a command does inside Node (the chunks it loads, the code
// cache it uses) without changing the command.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const BIN = path.resolve(import.meta.dirname, "../../bin/kubesim");

/**
 * A runner whose every run preloads `hookSource`; a run gives its exit code and what it printed.
 * @example const run = hookedKubesim("process.on('exit', () => require('node:fs').writeSync(2, 'bye'))"); run("0", "get", "pods").stderr
 */
export function hookedKubesim(hookSource: string): (tick: string, ...args: string[]) => { code: number; stdout: string; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-hooked-"));
  const hook = path.join(dir, "hook.cjs");
  fs.writeFileSync(hook, hookSource);
  const state = path.join(dir, "state.json");
  return (tick, ...args) => {
    const r = spawnSync(process.execPath, ["--require", hook, BIN, ...args], { env: { ...process.env, KUBESIM_STATE: state, KUBESIM_TICK: tick }, encoding: "utf8" });
    return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
  };
}
