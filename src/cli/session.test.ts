import * as fs from "node:fs";
import * as os from "node:os";
import { describe, expect, it } from "vitest";
import { withCluster } from "./session";
import type { VerbEnv } from "./verb";
import { harness } from "../../test/cli-harness";

function envFor(statePath: string): VerbEnv {
  return {
    vars: { KUBESIM_TICK: "5s" },
    cwd: os.tmpdir(),
    home: os.tmpdir(),
    readStdin: () => Buffer.alloc(0),
    readLine: async () => undefined,
    wallClock: () => Date.parse("2025-01-01T00:00:00Z"),
    globals: {},
    statePath,
    namespace: "default",
    explicitNamespace: false,
    runEditor: () => 1,
  };
}

const configMap = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "written", namespace: "default" }, data: { a: "1" } };

describe("withCluster", () => {
  it("saves the tick and the verb's writes when the verb succeeds", async () => {
    const h = await harness();
    await withCluster(envFor(h.state), (c) => void c.api.create(configMap));
    expect(fs.readFileSync(h.state, "utf8")).toContain('"name":"written"');
  });

  it("changes nothing when the verb fails before doing anything", async () => {
    const h = await harness();
    const before = fs.readFileSync(h.state, "utf8");
    await expect(withCluster(envFor(h.state), () => Promise.reject(new Error("bad input")))).rejects.toThrow("bad input");
    expect(fs.readFileSync(h.state, "utf8")).toBe(before);
  });

  it("keeps what a verb did before it failed, as a real cluster would", async () => {
    const h = await harness();
    const fails = (c: Parameters<Parameters<typeof withCluster>[1]>[0]) => {
      c.api.create(configMap);
      throw new Error("second object rejected");
    };
    await expect(withCluster(envFor(h.state), fails)).rejects.toThrow("second object rejected");
    expect(fs.readFileSync(h.state, "utf8")).toContain('"name":"written"');
  });
});
