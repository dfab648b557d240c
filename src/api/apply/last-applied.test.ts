import { describe, expect, it } from "vitest";
import { getOriginalConfiguration, goJson, LAST_APPLIED, lastAppliedValue, withLastApplied } from "./last-applied";

describe("goJson", () => {
  it.each([
    { name: "sorts keys bytewise, as Go sorts map keys", value: { b: 1, B: 2, a: { z: true, y: null } }, want: '{"B":2,"a":{"y":null,"z":true},"b":1}' },
    { name: "escapes <, > and & as Go's HTML-safe encoder does", value: { s: "<a&b>" }, want: '{"s":"\\u003ca\\u0026b\\u003e"}' },
    { name: "keeps lists in order", value: [3, "x", []], want: '[3,"x",[]]' },
  ])("$name", ({ value, want }) => {
    expect(goJson(value)).toBe(want);
  });
});

describe("last-applied annotation", () => {
  const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "default" }, data: { k: "v" } };

  it("records the object with an empty annotations map and a trailing newline, as kubectl does", () => {
    expect(lastAppliedValue(cm)).toBe('{"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"c","namespace":"default"}}\n');
  });

  it("leaves the previous annotation out of the new one", () => {
    const applied = withLastApplied(withLastApplied({ ...cm, metadata: { ...cm.metadata, annotations: { team: "x" } } }));
    expect(applied.metadata.annotations).toEqual({
      team: "x",
      [LAST_APPLIED]: '{"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","metadata":{"annotations":{"team":"x"},"name":"c","namespace":"default"}}\n',
    });
  });

  it("reads the annotation back, and nothing from an object without one or with bad JSON", () => {
    expect(getOriginalConfiguration(withLastApplied(cm))).toEqual({ ...cm, metadata: { ...cm.metadata, annotations: {} } });
    expect(getOriginalConfiguration(cm)).toBeUndefined();
    expect(getOriginalConfiguration({ ...cm, metadata: { annotations: { [LAST_APPLIED]: "{" } } })).toBeUndefined();
  });
});
