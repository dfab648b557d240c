// Concurrent invocations from shell scripts never lose an update: 20 processes each make 10
// changes at the same time, and all 200 are in the state afterwards (DESIGN.md "Persistence").

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const BIN = path.resolve(import.meta.dirname, "../bin/kubesim");

function sh(script: string, env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("sh", ["-c", script], { env: { ...process.env, ...env } });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code: code ?? 1, stderr }));
  });
}

describe("concurrent invocations", () => {
  it("20 processes × 10 changes each: all 200 land", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-concurrency-"));
    const env = { KUBESIM_STATE: path.join(dir, "state", "state.json"), KUBESIM_TICK: "0" };
    expect((await sh(`"${BIN}" sim reset --seed 1 >/dev/null`, env)).code).toBe(0);
    const writers = Array.from({ length: 20 }, (_, i) =>
      sh(`for j in 0 1 2 3 4 5 6 7 8 9; do "${BIN}" create configmap cm-${i}-$j --from-literal=k=$j >/dev/null || exit 1; done`, env),
    );
    const results = await Promise.all(writers);
    expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
    const names = await new Promise<string>((resolve) => {
      const child = spawn(BIN, ["get", "configmaps", "-o", "name"], { env: { ...process.env, ...env } });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.on("close", () => resolve(out));
    });
    const made = names.split("\n").filter((n) => n.startsWith("configmap/cm-"));
    expect(made).toHaveLength(200);
    // The state is the user's alone.
    expect(fs.statSync(env.KUBESIM_STATE).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(env.KUBESIM_STATE)).mode & 0o777).toBe(0o700);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
