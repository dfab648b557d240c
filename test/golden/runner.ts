// The golden-file runner (STYLE.md §7): each case file interleaves `$ kubesim …` lines with
// the expected stdout, a `[stderr]` section when there is one, and `[exit N]` when N ≠ 0.
// Every case runs bin/kubesim in a fresh temporary state, reset with seed 1 at T0, from the
// repository root, with KUBESIM_TICK fixed (5s unless the command line sets it). `cp` and `rm`
// steps put files where kubesim reads them (static pod folders).

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse as shellParse } from "shell-quote";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const BIN = path.join(ROOT, "bin/kubesim");
export const T0 = "2025-01-01T00:00:00Z";

export interface Step {
  readonly command: string;
  readonly expected: string;
}

/** Splits a case file into its commands and their expected transcripts. */
export function parseCase(text: string): Step[] {
  const steps: { command: string; lines: string[] }[] = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("$ ")) steps.push({ command: line.slice(2), lines: [] });
    else if (steps.length > 0) steps[steps.length - 1].lines.push(line);
  }
  return steps.map((s) => ({ command: s.command, expected: trimFinalBlank(s.lines).join("\n") }));
}

/**
 * Runs one command line as the case's shell would, and renders what it printed. Asynchronous,
 * so the test worker's event loop stays free while kubesim runs (a blocking spawn starves
 * vitest's own messages on a busy machine).
 */
export async function runStep(command: string, stateDir: string): Promise<string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: stateDir,
    KUBESIM_STATE: path.join(stateDir, "state.json"),
    KUBESIM_TICK: "5s",
    NO_COLOR: "1",
  };
  const words = shellParse(command, (name) => `$${name}`) as (string | { op: string; file?: string })[];
  const args: string[] = [];
  let stdin: string | undefined;
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i];
    if (typeof w === "string" && /^[A-Z_][A-Z0-9_]*=/.test(w)) {
      const eq = w.indexOf("=");
      env[w.slice(0, eq)] = w.slice(eq + 1);
    } else break;
  }
  if (words[i] === "cp" || words[i] === "rm") return fileStep(words.slice(i), stateDir, command);
  if (words[i] !== "kubesim") throw new Error(`golden commands must run kubesim: ${command}`);
  for (i++; i < words.length; i++) {
    const w = words[i];
    if (typeof w === "string") args.push(w.replaceAll("$TMP", stateDir));
    else if (w.op === "<") stdin = fs.readFileSync(path.join(ROOT, String(words[++i])), "utf8");
    else throw new Error(`unsupported shell syntax in: ${command}`);
  }
  const r = await run(process.execPath, [BIN, ...args], { cwd: ROOT, env, input: stdin ?? "" });
  return transcript(r.stdout, r.stderr, r.status).replaceAll(stateDir, "$TMP");
}

/**
 * `cp SRC DEST` (DEST a folder or a file) and `rm PATH`: the file steps a case needs to drive
 * kubesim's file inputs (static pod folders). Paths are relative to the repository root; $TMP is
 * the case's state folder. They print nothing.
 */
function fileStep(words: unknown[], stateDir: string, command: string): string {
  const paths = words.slice(1).map((w) => {
    if (typeof w !== "string") throw new Error(`unsupported shell syntax in: ${command}`);
    return path.resolve(ROOT, w.replaceAll("$TMP", stateDir));
  });
  if (words[0] === "rm" && paths.length === 1) fs.rmSync(paths[0]);
  else if (words[0] === "cp" && paths.length === 2) {
    const dest = fs.existsSync(paths[1]) && fs.statSync(paths[1]).isDirectory() ? path.join(paths[1], path.basename(paths[0])) : paths[1];
    fs.copyFileSync(paths[0], dest);
  } else throw new Error(`golden file steps are "cp SRC DEST" and "rm PATH": ${command}`);
  return "";
}

function run(file: string, args: string[], opts: { cwd: string; env: Record<string, string>; input: string }): Promise<{ stdout: string; stderr: string; status: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: opts.cwd, env: opts.env });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ stdout, stderr, status: code ?? 1 }));
    child.stdin.end(opts.input);
  });
}

export function transcript(stdout: string, stderr: string, code: number): string {
  let out = stdout;
  if (stderr) out += (out === "" || out.endsWith("\n") ? "" : "\n") + "[stderr]\n" + stderr;
  if (code !== 0) out += (out === "" || out.endsWith("\n") ? "" : "\n") + `[exit ${code}]\n`;
  return trimFinalBlank(out.split("\n")).join("\n");
}

/** Runs a whole case in a fresh state and returns the actual file text. */
export async function runCase(text: string): Promise<{ actual: string; steps: { step: Step; got: string }[] }> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-golden-"));
  try {
    await runStep(`KUBESIM_TICK=0 kubesim sim reset --seed 1 --start ${T0}`, stateDir);
    const results: { step: Step; got: string }[] = [];
    for (const step of parseCase(text)) results.push({ step, got: await runStep(step.command, stateDir) });
    const first = text.search(/^\$ /m);
    const header = first > 0 ? text.slice(0, first) : "";
    const actual = header + results.map((r) => `$ ${r.step.command}\n${r.got}${r.got ? "\n" : ""}`).join("\n");
    return { actual, steps: results };
  } finally {
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}

function trimFinalBlank(lines: string[]): string[] {
  const out = [...lines];
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
}
