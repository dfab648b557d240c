// A reader that stops early (`kubesim get events -o yaml | head`) closes kubesim's output. kubectl
// dies of SIGPIPE at its next write (status 141) after the cluster took its change; kubesim
// prints no stack trace, still saves the change, and exits 141.

import { describe, expect, it } from "vitest";
import { BIN, bash, frozenStateEnv } from "./builders/bash";

describe("a reader that closes kubesim's output early", () => {
  const env = frozenStateEnv("kubesim-pipe-");

  it("gets no stack trace, and kubesim exits 141 as kubectl does on SIGPIPE", () => {
    bash(`${BIN} sim reset --seed 1 >/dev/null && ${BIN} create deployment web --image=nginx --replicas=40 >/dev/null && ${BIN} sim advance 1m >/dev/null`, env);
    // Far more than a pipe holds, so kubesim is still writing when head has gone.
    const r = bash(`${BIN} get events -o yaml | head -c 12; echo " status=\${PIPESTATUS[0]}"`, env);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("apiVersion:  status=141\n"); // head -c 12 keeps "apiVersion: "
  });

  it("still saves what the command changed", () => {
    const r = bash(`${BIN} scale deployment web --replicas=3 -o yaml | head -c 1 >/dev/null; ${BIN} get deployment web -o jsonpath='{.spec.replicas}'`, env);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("3");
  });
});
