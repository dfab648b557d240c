// The build trains V8's code cache (scripts/build.mjs, dist/code-cache): a command then compiles
// its chunks from the cached bytecode. Observed through a preloaded hook on vm.Script that
// counts the chunks given a cache and the caches V8 refused (a refusal costs the compile back).

import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { hookedKubesim } from "./builders/hooked-kubesim";
import { HELLO_CRONJOB } from "./builders/manifests";

const hooked = hookedKubesim(`const vm = require("node:vm");
const Script = vm.Script;
let cached = 0, refused = 0;
const fromCache = [];
vm.Script = class extends Script {
  constructor(source, options) {
    super(source, options);
    if (options && options.cachedData) (this.cachedDataRejected ? refused++ : (cached++, fromCache.push(require("node:path").basename(options.filename))));
  }
};
process.on("exit", () => require("node:fs").writeSync(2, "CODE-CACHE " + cached + " " + refused + " " + fromCache.join(",") + "\\n"));
`);

function run(...args: string[]): { code: number; cached: number; refused: number; fromCache: string[] } {
  const r = hooked("0", ...args);
  const [, cached, refused, fromCache] = /CODE-CACHE (\d+) (\d+) (\S*)/.exec(r.stderr) ?? [];
  return { code: r.code, cached: Number(cached), refused: Number(refused), fromCache: (fromCache ?? "").split(",") };
}

describe("the trained code cache", () => {
  it("compiles a command's chunks from the cache, and V8 accepts every one", () => {
    expect(run("sim", "reset", "--seed", "1").code).toBe(0);
    expect(run("create", "deployment", "web", "--image=nginx", "--replicas=2").code).toBe(0);
    const r = run("get", "pods");
    expect(r.code).toBe(0);
    expect(r.cached).toBeGreaterThan(10);
    expect(r.refused).toBe(0);
  });

  it("compiles the shell parser, a chunk of its own, from the cache when a container starts a shell", () => {
    expect(run("run", "hello", "--image=busybox:1.28", "--restart=Never", "--", "sh", "-c", "echo hi; sleep 60").code).toBe(0);
    const r = run("sim", "advance", "5s");
    expect(r.code).toBe(0);
    expect(r.fromCache).toContain("vendor-mvdan-sh.js");
    expect(r.refused).toBe(0);
  });

  it("compiles the shell parser from the cache trained under the V8 flags that a long sim advance sets", () => {
    const manifest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-cache-")), "cronjob.yaml");
    fs.writeFileSync(manifest, HELLO_CRONJOB);
    expect(run("sim", "reset", "--seed", "1").code).toBe(0);
    expect(run("apply", "-f", manifest).code).toBe(0);
    const r = run("sim", "advance", "1h");
    expect(r.code).toBe(0);
    expect(r.fromCache).toContain("vendor-mvdan-sh.js");
    expect(r.refused).toBe(0);
  });
});
