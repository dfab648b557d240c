// Runs the CLI in process against a state file, with captured streams and a fixed wall clock:
// the fast way for verb tests to run real commands. (Golden tests spawn bin/kubesim instead.)

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../src/cli/program";
import type { GlobalFlags, VerbEnv } from "../src/cli/verb";
import { contextNamespace, readKubeconfig } from "../src/state/kubeconfig";

/** The fixed epoch tests start clusters at. */
export const T0_TEXT = "2025-01-01T00:00:00Z";
export const T0_MS = Date.parse(T0_TEXT);

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface RunOptions {
  stdin?: string | Buffer;
  vars?: Record<string, string>;
  /** Stands in for $KUBE_EDITOR (kubectl edit): gets the file path, returns the exit code. Default: fails with 1. */
  editor?: (file: string) => number;
  /** Standard input is a terminal, and these are the lines typed at it (interactive exec). */
  typed?: string[];
}

/** A run that succeeded: exit 0 with these streams. */
export const ok = (stdout: string, stderr = ""): RunResult => ({ stdout, stderr, code: 0 });

/** A run that failed: nothing on stdout, this on stderr, and kubectl's exit code (1 by default). */
export const fail = (stderr: string, code = 1): RunResult => ({ stdout: "", stderr, code });

export interface Harness {
  dir: string;
  state: string;
  /** Runs one command, e.g. run("get", "pods", "-o", "wide"). */
  run(...args: string[]): Promise<RunResult>;
  /** Runs with standard input and extra environment. */
  runWith(opts: RunOptions, ...args: string[]): Promise<RunResult>;
  /** Writes a file under the temporary directory and returns its path. */
  file(name: string, content: string): string;
}

/** A fresh temporary state, reset with seed 1 at T0 and KUBESIM_TICK=0 unless told otherwise. */
export async function harness(opts: { tick?: string; nodes?: number } = {}): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-test-"));
  const state = path.join(dir, "state.json");
  const run = async (o: RunOptions, ...args: string[]): Promise<RunResult> => {
    let stdout = "";
    let stderr = "";
    const vars = { KUBESIM_TICK: opts.tick ?? "0", ...o.vars };
    const typed = [...(o.typed ?? [])];
    const makeEnv = (globals: GlobalFlags): VerbEnv => {
      const statePath = path.resolve(globals.state ?? state);
      return {
        vars,
        cwd: dir,
        home: dir,
        readStdin: () => Buffer.from(o.stdin ?? ""),
        readLine: async () => typed.shift(),
        wallClock: () => T0_MS,
        globals,
        statePath,
        namespace: globals.namespace ?? contextNamespace(readKubeconfig(statePath), globals.context),
        explicitNamespace: globals.namespace !== undefined,
        runEditor: o.editor ?? (() => 1),
      };
    };
    const code = await runCli(
      args,
      makeEnv,
      { out: { write: (s) => void (stdout += s) }, err: { write: (s) => void (stderr += s) }, isTTY: o.typed !== undefined },
    );
    return { stdout, stderr, code };
  };
  const h: Harness = {
    dir,
    state,
    run: (...args) => run({}, ...args),
    runWith: (o, ...args) => run(o, ...args),
    file: (name, content) => {
      const p = path.join(dir, name);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, content);
      return p;
    },
  };
  await h.run("sim", "reset", "--seed", "1", "--start", T0_TEXT, ...(opts.nodes ? ["--nodes", String(opts.nodes)] : []));
  return h;
}
