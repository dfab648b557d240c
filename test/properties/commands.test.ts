// Properties over random command sequences run through the real CLI (in process): no command
// prints a stack trace or an internal error, every exit code is kubectl's (0 or 1), the owner
// references resolve after every command, and once the cluster has had 5 minutes to itself
// no ReplicaSet or Deployment has more pods than it should. The state file also reads back
// and saves to the same bytes after every command.
//
// The seed and run count are fixed; PROP_SEED and PROP_RUNS (and PROP_LEN, the sequence length,
// where there is one) override them to explore further by hand.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { harness } from "../cli-harness";
import type { Harness } from "../cli-harness";
import * as fs from "node:fs";
import { readState, writeState } from "../../src/state/file";
import type { KubeObject } from "../../src/api/types";
import { commandSequence, resolveStep } from "./arbitraries";
import type { Step } from "./arbitraries";
import { danglingOwnerReferences, overfullReplicaSets, overparallelJobs, oversurgedDeployments, strandedJobPods, strayDeploymentPods } from "./invariants";

/** What must never reach the user: a stack frame, kubesim's internal-error line, a JS error name. */
const CRASH = /    at |internal:|TypeError|ReferenceError|RangeError|SyntaxError|undefined is not|Cannot read prop/;

const objects = (h: Harness): KubeObject[] => readState(h.state)?.objects ?? [];

async function runStep(h: Harness, step: Step, log: string[]): Promise<void> {
  const manifest = step.manifest !== undefined ? h.file("manifest.yaml", step.manifest) : "";
  const argv = resolveStep(step, objects(h), manifest);
  const r = await h.run(...argv);
  log.push(`$ kubesim ${argv.join(" ")}${step.manifest !== undefined ? `\n${step.manifest}` : ""}\n[exit ${r.code}] ${r.stderr}`);
  const where = `after:\n${log.join("\n")}`;
  expect(r.stderr, where).not.toMatch(CRASH);
  expect(r.stdout, where).not.toMatch(CRASH);
  expect([0, 1], where).toContain(r.code);
  expect(danglingOwnerReferences(objects(h)), where).toEqual([]);
  // The file the CLI wrote reads back and saves to the very same bytes.
  const copy = `${h.state}.copy`;
  writeState(copy, readState(h.state)!);
  expect(fs.readFileSync(copy, "utf8"), where).toBe(fs.readFileSync(h.state, "utf8"));
}

describe("random command sequences", () => {
  it("never crash, exit 0 or 1, keep owner references whole, and settle within the replica and parallelism bounds", async () => {
    await fc.assert(
      fc.asyncProperty(commandSequence(Number(process.env.PROP_LEN ?? 10)), async (steps) => {
        const h = await harness();
        const log: string[] = [];
        for (const step of steps) await runStep(h, step, log);
        await runStep(h, { args: ["sim", "advance", "5m"] }, log);
        const settled = objects(h);
        const where = `after:\n${log.join("\n")}`;
        expect(overfullReplicaSets(settled), where).toEqual([]);
        expect(strayDeploymentPods(settled), where).toEqual([]);
        expect(oversurgedDeployments(settled), where).toEqual([]);
        expect(strandedJobPods(settled), where).toEqual([]);
        expect(overparallelJobs(settled), where).toEqual([]);
      }),
      { seed: Number(process.env.PROP_SEED ?? 42), numRuns: Number(process.env.PROP_RUNS ?? 30) },
    );
  });
});
