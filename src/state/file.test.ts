import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadState, readState, saveState, writeState, StateFileError } from "./file";
import { RawJson } from "../api/store/raw-json";
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

  it.each([0, -1, 1.5])("refuses schemaVersion %s, which no kubesim wrote", (version) => {
    const file = tmp();
    fs.writeFileSync(file, JSON.stringify({ ...state(), schemaVersion: version }));
    expect(() => readState(file)).toThrow(`has schemaVersion ${version}, which no kubesim wrote`);
  });

  it("reads a version 2 file, whose objects are all whole", () => {
    const file = tmp();
    fs.writeFileSync(file, JSON.stringify({ ...state(), schemaVersion: 2 }));
    expect(readState(file)).toEqual({ ...state(), schemaVersion: 3 });
  });

  it("reads a version 1 file, whose objects are a list", () => {
    const file = tmp();
    fs.writeFileSync(file, JSON.stringify({ ...state(), schemaVersion: 1 }));
    expect(readState(file)).toEqual({ ...state(), schemaVersion: 3 });
  });

  it("leaves a record undecoded until used, and reports one that does not decode with the file", () => {
    const file = tmp();
    writeState(file, state());
    const text = fs.readFileSync(file, "utf8").replace(/^("Node\/\/[^"]+": \{"apiVersion":"v1","kind":"Node",)/m, '$1"broken');
    fs.writeFileSync(file, text);
    const saved = loadState(file)!;
    const broken = [...saved.objects.values()].find((v) => v instanceof RawJson && v.includes('"broken'));
    expect(broken).toBeInstanceOf(RawJson);
    expect(() => (broken as RawJson).decode()).toThrow(`state file "${file}" is not valid kubesim state (a record is not JSON); move it away or run "kubesim sim reset"`);
  });

  it("writes an unused record back as the very bytes it was read from", () => {
    const file = tmp();
    writeState(file, state());
    const text = fs.readFileSync(file, "utf8").replace('"kind":"Node",', '"kind":"Node", "spaced":  true,');
    fs.writeFileSync(file, text);
    saveState(file, loadState(file)!);
    expect(fs.readFileSync(file, "utf8")).toBe(text);
  });

  it("refuses a state written by a newer kubesim", () => {
    const file = tmp();
    fs.writeFileSync(file, JSON.stringify({ ...state(), schemaVersion: 99 }));
    expect(() => readState(file)).toThrow(/schemaVersion 99, newer than this kubesim understands/);
  });
});
