import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { readState, writeState, StateFileError } from "./file";
import { defaultClusterState } from "./default-cluster";
import { instant } from "../sim/time";

const state = () => defaultClusterState({ nodes: 3, seed: 1, start: instant(Date.parse("2025-01-01T00:00:00Z")), tick: "5s" });
const tmp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-state-")), "state.json");

describe("the state file", () => {
  it("round-trips a state through write and read unchanged", () => {
    const file = tmp();
    const s = { ...state(), agenda: [{ due: "2025-01-01T00:00:05.000Z", component: "kubelet", key: "Pod/default/a" }], runtime: { "node:x": { images: {} } } };
    writeState(file, s);
    expect(readState(file)).toEqual(s);
  });

  it("writes one object per line under its key, so a person can read and grep it", () => {
    const file = tmp();
    writeState(file, state());
    const text = fs.readFileSync(file, "utf8");
    expect(text.split("\n").filter((l) => /^"Node\/\/[a-z0-9-]+": \{"apiVersion":"v1","kind":"Node"/.test(l))).toHaveLength(3);
    const parsed = JSON.parse(text);
    expect(Object.values(parsed.objects)).toEqual(state().objects);
  });

  it("reads a missing file as no state", () => {
    expect(readState(tmp())).toBeUndefined();
  });

  it.each([
    ["an empty file", ""],
    ["truncated JSON", '{"schemaVersion": 1, "objects": ['],
    ["JSON that is not a state", '{"hello": "world"}'],
    ["binary bytes", "\u0000\u0001\u0002\u00ff"],
  ])("refuses %s with an error naming the file", (_name, content) => {
    const file = tmp();
    fs.writeFileSync(file, content);
    expect(() => readState(file)).toThrow(StateFileError);
    expect(() => readState(file)).toThrow(file);
  });

  it("refuses a state written by a newer kubesim", () => {
    const file = tmp();
    fs.writeFileSync(file, JSON.stringify({ ...state(), schemaVersion: 99 }));
    expect(() => readState(file)).toThrow(/schemaVersion 99, newer than this kubesim understands/);
  });
});
