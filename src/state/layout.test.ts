import { describe, expect, it } from "vitest";
import { parseLayout, serialize } from "./layout";
import { RawJson } from "../api/store/raw-json";
import type { SavedState } from "../sim/state-shape";

const corrupt = () => new Error("corrupt");

function state(objects: Record<string, unknown>): SavedState {
  return {
    schemaVersion: 1,
    clock: { now: "2025-01-01T00:00:00Z", tick: "5s" },
    seed: 1,
    rngState: 7,
    resourceVersion: 3,
    agenda: [{ due: "2025-01-01T00:00:05Z", component: "kubelet", key: "Pod/default/a" }],
    objects: new Map(Object.entries(objects)),
    runtime: new Map([["uid-1", { sandbox: { ip: "10.244.1.2" }, containers: [] }]]),
  };
}

const decoded = (fields: Record<string, unknown>, name: string) =>
  Object.fromEntries([...(fields[name] as Map<string, RawJson>)].map(([k, v]) => [k, v.decode()]));

describe("the state file's layout", () => {
  it("reads back what serialize wrote, one entry a line, entries left as bytes", () => {
    const objects = { "Namespace//default": { kind: "Namespace", metadata: { name: "default" } }, "ConfigMap/default/é": { data: { k: "v" } } };
    const bytes = Buffer.concat(serialize(state(objects)));
    const fields = parseLayout(bytes, corrupt)!;
    expect(fields.schemaVersion).toBe(1);
    expect(fields.agenda).toEqual([{ due: "2025-01-01T00:00:05Z", component: "kubelet", key: "Pod/default/a" }]);
    expect((fields.objects as Map<string, unknown>).get("Namespace//default")).toBeInstanceOf(RawJson);
    expect(decoded(fields, "objects")).toEqual(objects);
    expect(decoded(fields, "runtime")).toEqual({ "uid-1": { sandbox: { ip: "10.244.1.2" }, containers: [] } });
  });

  const header = '{\n"schemaVersion": 1,\n"clock": {"now":"x","tick":"5s"},\n"objects": {\n';
  const footer = '},\n"runtime": {}\n}\n';
  it.each([
    { name: "a plain entry", line: '"ConfigMap/default/a": {"data":{}}', inLayout: true },
    { name: "a key with an escaped quote", line: '"ConfigMap/default/a\\"b": {"data":{}}', inLayout: false },
    { name: "a key with an escape", line: '"ConfigMap/default/a\\u0062": {"data":{}}', inLayout: false },
    { name: "a space before the colon", line: '"ConfigMap/default/a" : {"data":{}}', inLayout: false },
    { name: "no space after the colon", line: '"ConfigMap/default/a":{"data":{}}', inLayout: false },
    { name: "a value that is not an object", line: '"ConfigMap/default/a": [1]', inLayout: false },
    { name: "a key without its closing quote", line: '"ConfigMap/default/a: {"data":{}}', inLayout: false },
    { name: "an unquoted key", line: 'ConfigMap/default/a: {"data":{}}', inLayout: false },
  ])("$name is in the layout: $inLayout", ({ line, inLayout }) => {
    const fields = parseLayout(Buffer.from(`${header}${line}\n${footer}`), corrupt);
    expect(fields !== undefined).toBe(inLayout);
    if (inLayout) expect([...(fields!.objects as Map<string, unknown>).keys()]).toEqual(["ConfigMap/default/a"]);
  });
});
