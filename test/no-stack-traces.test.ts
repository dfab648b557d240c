// Property: no command line — valid, misspelt or nonsense — makes kubesim print a stack trace
// or an internal error; every run ends with kubectl's exit codes 0 or 1.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { harness } from "./cli-harness";

const words = [
  "get", "describe", "delete", "apply", "create", "run", "label", "annotate", "scale", "edit", "version",
  "api-resources", "config", "sim", "advance", "status", "reset", "clock", "deployment", "deploy", "pods", "po",
  "pod/web", "deploy/web", "rs", "ns", "nodes", "all", "configmap", "cm", "namespace", "web", "nope", "x=y",
  "app=web", "tier-", "-n", "default", "kube-system", "-A", "-o", "yaml", "json", "wide", "name",
  "jsonpath={.items[*].metadata.name}", "custom-columns=N:.metadata.name", "--image=nginx", "--replicas=2",
  "--replicas=-1", "--replicas=x", "-l", "app=web", "--field-selector", "status.phase=Running",
  "--show-labels", "--sort-by=.metadata.name", "--dry-run=client", "--dry-run=bogus", "--cascade=orphan",
  "--grace-period=0", "--force", "--overwrite", "--all", "--tick", "0", "90s", "-1s", "--from-literal=a=b",
  "--restart=Never", "-f", "-", "--", "sleep", "10", "--watch=false", "--now", "--wait=false", "",
];

describe("no input produces a stack trace", () => {
  it("answers every random command line with kubectl-style text and exit 0 or 1", async () => {
    const h = await harness();
    await h.run("create", "deployment", "web", "--image=nginx", "--replicas=2");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 6 }), async (argv) => {
        const r = await h.runWith({ stdin: "" }, ...argv);
        expect(r.stderr).not.toMatch(/internal|    at |TypeError|ReferenceError|undefined is not/);
        expect([0, 1]).toContain(r.code);
      }),
      { numRuns: 150, seed: 42 },
    );
  }, 120_000);
});
