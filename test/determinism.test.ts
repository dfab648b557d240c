// Determinism (DESIGN.md): the same commands on the same seed and start time print
// byte-identical output, and the state files are identical too; another seed changes names.

import { describe, expect, it } from "vitest";
import { runCase } from "./golden/runner";

const SCRIPT = [
  "$ kubesim create deployment web --image=nginx --replicas=3",
  "$ kubesim sim advance 30s",
  "$ kubesim get pods -o wide",
  "$ kubesim scale deployment web --replicas=1",
  "$ kubesim sim advance 40s",
  "$ kubesim get all",
  "$ kubesim get events",
].join("\n");

describe("determinism", () => {
  it("prints byte-identical output for the same seed and start", async () => {
    const a = (await runCase(SCRIPT)).actual;
    const b = (await runCase(SCRIPT)).actual;
    expect(a).toBe(b);
    expect(a).toContain("Running");
  });

  it("names pods differently under another seed", async () => {
    const a = (await runCase(SCRIPT)).actual;
    const reseeded = (await runCase("$ KUBESIM_TICK=0 kubesim sim reset --seed 2 --start 2025-01-01T00:00:00Z\n" + SCRIPT)).actual;
    const podNames = (t: string) => [...t.matchAll(/^(web-[a-z0-9]+-[a-z0-9]{5})\s/gm)].map((m) => m[1]).sort();
    expect(podNames(a).length).toBeGreaterThan(0);
    expect(podNames(reseeded)).not.toEqual(podNames(a));
  });
});
