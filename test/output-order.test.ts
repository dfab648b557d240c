// kubesim keeps standard output in memory for a moment before writing it (main.ts), and must
// still interleave it with standard error exactly as written: a script that reads `2>&1` sees
// kubectl's order.

import { describe, expect, it } from "vitest";
import { BIN, bash, frozenStateEnv } from "./builders/bash";

describe("standard output and standard error in one stream", () => {
  const env = frozenStateEnv("kubesim-order-");

  it("keeps the lines a waiting verb printed before its error", () => {
    bash(`${BIN} sim reset --seed 1 >/dev/null && ${BIN} create deployment web --image=nginx:1.161 --replicas=2 >/dev/null`, env);
    const r = bash(`${BIN} rollout status deployment/web --timeout=30s 2>&1; echo "status=$?"`, env);
    expect(r.stdout).toBe(
      'Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...\n' +
        "error: timed out waiting for the condition\n" +
        "status=1\n",
    );
  });

  it("writes all of an output larger than what it keeps in memory, whole and in order", () => {
    bash(`${BIN} create deployment many --image=nginx --replicas=100 >/dev/null && ${BIN} sim advance 1m >/dev/null`, env);
    const r = bash(`${BIN} get pods -l app=many -o json`, env);
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(1 << 17); // twice the 64 KiB written at once
    const names = JSON.parse(r.stdout).items.map((p: { metadata: { name: string } }) => p.metadata.name);
    expect(names).toHaveLength(100);
    expect(names).toEqual([...names].sort());
  });
});
