// What a command loads is part of its speed (README "Performance"): a read at one instant on a
// quiet cluster never loads the control loops, and loads them as soon as anything is due or
// written. Observed through a module loader hook that lists the bundle chunks a run loads.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { hookedKubesim } from "./builders/hooked-kubesim";

// The bundle's chunks are read with fs.readFileSync, by Node's loader or the bundle's own
// (scripts/build.mjs): a preloaded hook on it lists the bundle files a run loads. A hook on
// Module._load lists node:net, which takes milliseconds to load.
const hooked = hookedKubesim(`const fs = require("node:fs");
const path = require("node:path");
const read = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  if (typeof file === "string" && file.endsWith(".js") && file.split(path.sep).includes("dist")) fs.writeSync(2, "LOADED " + path.basename(file) + "\\n");
  return read.call(this, file, ...rest);
};
const Module = require("node:module");
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === "node:net" || request === "net") fs.writeSync(2, "LOADED node:net\\n");
  return load.call(this, request, ...rest);
};
`);

/** Runs kubesim; returns its exit code and the chunks it loaded. */
function run(tick: string, ...args: string[]): { code: number; chunks: string[] } {
  const r = hooked(tick, ...args);
  const chunks = r.stderr.split("\n").filter((l) => l.startsWith("LOADED ")).map((l) => l.slice("LOADED ".length));
  return { code: r.code, chunks };
}

const loadsEngine = (chunks: string[]) => chunks.some((c) => c.startsWith("wired-engine-"));

describe("what a command loads", () => {
  beforeAll(() => {
    for (const args of [["sim", "reset", "--seed", "1", "--start", "2025-01-01T00:00:00Z"], ["create", "deployment", "web", "--image=nginx", "--replicas=3"], ["sim", "advance", "2m"]]) {
      expect(run("0", ...args).code).toBe(0);
    }
  });

  it("a get or describe on a quiet cluster never loads the control loops", () => {
    for (const args of [["get", "pods"], ["get", "deployments", "-o", "yaml"], ["describe", "deployment", "web"]]) {
      const r = run("5s", ...args);
      expect(r.code).toBe(0);
      expect(loadsEngine(r.chunks)).toBe(false);
    }
  });

  it("loads node:net only for a write that has an address to check", () => {
    const label = run("0", "label", "deployment", "web", "tier=api");
    expect(label.code).toBe(0);
    expect(label.chunks).not.toContain("node:net");
    const manifest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-lazy-")), "endpoints.yaml");
    fs.writeFileSync(manifest, "apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: db\nsubsets:\n- addresses:\n  - ip: 10.0.0.9\n  ports:\n  - port: 5432\n");
    const endpoints = run("0", "create", "-f", manifest);
    expect(endpoints.code).toBe(0);
    expect(endpoints.chunks).toContain("node:net");
  });

  it("loads them when the command writes, or when its tick reaches something due", () => {
    expect(loadsEngine(run("0", "label", "deployment", "web", "tier=web").chunks)).toBe(true);
    // The first Event expires an hour after it was recorded: a tick that reaches it runs the engine.
    expect(loadsEngine(run("1h", "get", "pods").chunks)).toBe(true);
  });
});
