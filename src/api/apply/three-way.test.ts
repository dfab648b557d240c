import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createThreeWayMergePatch } from "./three-way";
import { strategicMergePatch } from "./merge";
import type { JsonMap } from "./merge";

const deploy = (spec: JsonMap, status?: JsonMap): JsonMap => ({ kind: "Deployment", spec, ...(status ? { status } : {}) });
const tmpl = (containers: unknown[]) => ({ template: { spec: { containers } } });

const cases: { name: string; original: JsonMap | undefined; modified: JsonMap; current: JsonMap; patch: JsonMap; result: JsonMap }[] = [
  {
    name: "is empty when the config is what was last applied and the live object agrees",
    original: deploy({ replicas: 2 }),
    modified: deploy({ replicas: 2 }),
    current: deploy({ replicas: 2, revisionHistoryLimit: 10 }, { readyReplicas: 2 }),
    patch: {},
    result: deploy({ replicas: 2, revisionHistoryLimit: 10 }, { readyReplicas: 2 }),
  },
  {
    name: "deletes a field removed from the config since it was last applied",
    original: deploy({ replicas: 2, paused: true }),
    modified: deploy({ replicas: 2 }),
    current: deploy({ replicas: 2, paused: true, revisionHistoryLimit: 10 }),
    patch: { spec: { paused: null } },
    result: deploy({ replicas: 2, revisionHistoryLimit: 10 }),
  },
  {
    name: "keeps fields the server or other writers set that the config never had",
    original: deploy({ template: {} }),
    modified: deploy({ template: {} }),
    current: deploy({ template: {}, replicas: 5, progressDeadlineSeconds: 600 }, { replicas: 5 }),
    patch: {},
    result: deploy({ template: {}, replicas: 5, progressDeadlineSeconds: 600 }, { replicas: 5 }),
  },
  {
    name: "resets a configured field someone else changed",
    original: deploy({ replicas: 2 }),
    modified: deploy({ replicas: 2 }),
    current: deploy({ replicas: 7 }),
    patch: { spec: { replicas: 2 } },
    result: deploy({ replicas: 2 }),
  },
  {
    name: "deletes a container removed from the config and updates another by name",
    original: deploy(tmpl([{ name: "a", image: "nginx:1" }, { name: "b", image: "redis" }])),
    modified: deploy(tmpl([{ name: "a", image: "nginx:2" }])),
    current: deploy(tmpl([{ name: "a", image: "nginx:1", imagePullPolicy: "IfNotPresent" }, { name: "b", image: "redis" }])),
    patch: { spec: tmpl([{ name: "b", $patch: "delete" }, { name: "a", image: "nginx:2" }]) },
    result: deploy(tmpl([{ name: "a", image: "nginx:2", imagePullPolicy: "IfNotPresent" }])),
  },
  {
    name: "deletes nothing when there is no last-applied configuration",
    original: undefined,
    modified: deploy({ replicas: 3 }),
    current: deploy({ replicas: 1, paused: true }),
    patch: { spec: { replicas: 3 } },
    result: deploy({ replicas: 3, paused: true }),
  },
  {
    name: "deletes a label removed from the config but keeps one added by hand",
    original: { metadata: { labels: { app: "web", tier: "fe" } } },
    modified: { metadata: { labels: { app: "web" } } },
    current: { metadata: { labels: { app: "web", tier: "fe", team: "x" } } },
    patch: { metadata: { labels: { tier: null } } },
    result: { metadata: { labels: { app: "web", team: "x" } } },
  },
];

describe("createThreeWayMergePatch", () => {
  it.each(cases)("$name", ({ original, modified, current, patch, result }) => {
    const got = createThreeWayMergePatch(original, modified, current);
    expect(got).toEqual(patch);
    expect(strategicMergePatch(current, got)).toEqual(result);
  });
});

const scalar = fc.oneof(fc.string({ maxLength: 2 }), fc.integer({ min: 0, max: 3 }));
const flat = fc.dictionary(fc.constantFrom("a", "b", "c", "d"), scalar, { maxKeys: 4 });
const config = fc.record({ metadata: fc.record({ labels: flat }), spec: flat }, { requiredKeys: [] });

/** True when every field of `sub` is in `whole` with the same value. */
function contains(whole: unknown, sub: unknown): boolean {
  if (typeof sub !== "object" || sub === null) return whole === sub;
  if (typeof whole !== "object" || whole === null) return false;
  return Object.entries(sub).every(([k, v]) => contains((whole as JsonMap)[k], v));
}

describe("three-way apply algebra", () => {
  it("the applied object contains the whole new config", () => {
    fc.assert(
      fc.property(config, config, config, (original, modified, current) => {
        const result = strategicMergePatch(current as JsonMap, createThreeWayMergePatch(original as JsonMap, modified as JsonMap, current as JsonMap));
        expect(contains(result, modified)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("applying the same config a second time gives an empty patch", () => {
    fc.assert(
      fc.property(config, config, config, (original, modified, current) => {
        const once = strategicMergePatch(current as JsonMap, createThreeWayMergePatch(original as JsonMap, modified as JsonMap, current as JsonMap));
        expect(createThreeWayMergePatch(modified as JsonMap, modified as JsonMap, once)).toEqual({});
      }),
      { numRuns: 300 },
    );
  });

  it("removes every field the previous config had and the new one dropped", () => {
    fc.assert(
      fc.property(config, config, config, (original, modified, current) => {
        const result = strategicMergePatch(current as JsonMap, createThreeWayMergePatch(original as JsonMap, modified as JsonMap, current as JsonMap));
        for (const part of ["spec"] as const) {
          const o = ((original as JsonMap)[part] ?? {}) as JsonMap;
          const m = ((modified as JsonMap)[part] ?? {}) as JsonMap;
          const r = (result[part] ?? {}) as JsonMap;
          for (const k of Object.keys(o)) if (!(k in m) && (modified as JsonMap)[part] !== undefined) expect(k in r).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
