// A reader that stops early (`kubesim get events -o yaml | head`) closes kubesim's output. kubectl
// dies of SIGPIPE at its next write (status 141) after the cluster took its change; kubesim
// prints no stack trace, still saves the change, and exits 141.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const BIN = path.resolve(import.meta.dirname, "../bin/kubesim");

function bash(script: string, env: Record<string, string>) {
  return spawnSync("bash", ["-c", script], { env: { ...process.env, ...env }, encoding: "utf8" });
}

describe("a reader that closes kubesim's output early", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-pipe-"));
  const env = { KUBESIM_STATE: path.join(dir, "state.json"), KUBESIM_TICK: "0" };

  it("gets no stack trace, and kubesim exits 141 as kubectl does on SIGPIPE", () => {
    bash(`"${BIN}" sim reset --seed 1 >/dev/null && "${BIN}" create deployment web --image=nginx --replicas=40 >/dev/null && "${BIN}" sim advance 1m >/dev/null`, env);
    // Far more than a pipe holds, so kubesim is still writing when head has gone.
    const r = bash(`"${BIN}" get events -o yaml | head -c 12; echo " status=\${PIPESTATUS[0]}"`, env);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("apiVersion:  status=141\n"); // head -c 12 keeps "apiVersion: "
  });

  it("still saves what the command changed", () => {
    const r = bash(`"${BIN}" scale deployment web --replicas=3 -o yaml | head -c 1 >/dev/null; "${BIN}" get deployment web -o jsonpath='{.spec.replicas}'`, env);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("3");
  });
});
