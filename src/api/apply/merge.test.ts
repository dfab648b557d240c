import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createTwoWayMergePatch, strategicMergePatch } from "./merge";
import type { JsonMap } from "./merge";

const pod = (containers: unknown[], extra: JsonMap = {}): JsonMap => ({ spec: { containers, ...extra } });

const applyCases: { name: string; original: JsonMap; patch: JsonMap; want: JsonMap }[] = [
  {
    name: "merges a container by name and keeps the fields the patch does not mention",
    original: pod([{ name: "a", image: "nginx:1", ports: [{ containerPort: 80 }] }, { name: "b", image: "redis" }]),
    patch: pod([{ name: "a", image: "nginx:2" }]),
    want: pod([{ name: "a", image: "nginx:2", ports: [{ containerPort: 80 }] }, { name: "b", image: "redis" }]),
  },
  {
    name: "appends a container whose name is new",
    original: pod([{ name: "a", image: "nginx" }]),
    patch: pod([{ name: "b", image: "redis" }]),
    want: pod([{ name: "a", image: "nginx" }, { name: "b", image: "redis" }]),
  },
  {
    name: "removes a key set to null",
    original: { metadata: { labels: { a: "1", b: "2" } } },
    patch: { metadata: { labels: { a: null } } },
    want: { metadata: { labels: { b: "2" } } },
  },
  {
    name: "deletes the list item marked $patch: delete",
    original: pod([{ name: "a" }, { name: "b" }]),
    patch: pod([{ name: "a", $patch: "delete" }]),
    want: pod([{ name: "b" }]),
  },
  {
    name: "replaces the whole list when it holds a $patch: replace item",
    original: pod([{ name: "a", image: "x" }, { name: "b" }]),
    patch: pod([{ $patch: "replace" }, { name: "c" }]),
    want: pod([{ name: "c" }]),
  },
  {
    name: "replaces a map marked $patch: replace",
    original: { metadata: { labels: { a: "1", b: "2" } } },
    patch: { metadata: { labels: { c: "3", $patch: "replace" } } },
    want: { metadata: { labels: { c: "3" } } },
  },
  {
    name: "removes a map marked $patch: delete",
    original: { spec: { strategy: { type: "Recreate" }, replicas: 1 } },
    patch: { spec: { strategy: { $patch: "delete" } } },
    want: { spec: { replicas: 1 } },
  },
  {
    name: "replaces a list without a merge strategy (args) whole",
    original: pod([{ name: "a", args: ["x", "y"] }]),
    patch: pod([{ name: "a", args: ["z"] }]),
    want: pod([{ name: "a", args: ["z"] }]),
  },
  {
    name: "merges container ports by containerPort",
    original: pod([{ name: "a", ports: [{ containerPort: 80, name: "http" }, { containerPort: 443 }] }]),
    patch: pod([{ name: "a", ports: [{ containerPort: 80, protocol: "TCP" }] }]),
    want: pod([{ name: "a", ports: [{ containerPort: 80, name: "http", protocol: "TCP" }, { containerPort: 443 }] }]),
  },
  {
    name: "merges service ports by port",
    original: { spec: { ports: [{ port: 80, targetPort: 8080 }] } },
    patch: { spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] } },
    want: { spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] } },
  },
  {
    name: "merges env by name and volumeMounts by mountPath",
    original: pod([{ name: "a", env: [{ name: "A", value: "1" }], volumeMounts: [{ mountPath: "/d", name: "v" }] }]),
    patch: pod([{ name: "a", env: [{ name: "B", value: "2" }], volumeMounts: [{ mountPath: "/d", readOnly: true }] }]),
    want: pod([{ name: "a", env: [{ name: "A", value: "1" }, { name: "B", value: "2" }], volumeMounts: [{ mountPath: "/d", name: "v", readOnly: true }] }]),
  },
  {
    name: "merges finalizers as a set and removes those listed in $deleteFromPrimitiveList",
    original: { metadata: { finalizers: ["a", "b"] } },
    patch: { metadata: { finalizers: ["b", "c"], "$deleteFromPrimitiveList/finalizers": ["a"] } },
    want: { metadata: { finalizers: ["b", "c"] } },
  },
  {
    name: "orders a merged list as $setElementOrder says",
    original: pod([{ name: "a" }, { name: "b" }]),
    patch: pod([{ name: "c" }], { "$setElementOrder/containers": [{ name: "c" }, { name: "b" }, { name: "a" }] }),
    want: pod([{ name: "c" }, { name: "b" }, { name: "a" }]),
  },
];

const diffCases: { name: string; original: JsonMap; modified: JsonMap; want: JsonMap }[] = [
  { name: "is empty for equal objects", original: pod([{ name: "a" }]), modified: pod([{ name: "a" }]), want: {} },
  {
    name: "records a changed field and a removed one",
    original: { spec: { replicas: 1, paused: true } },
    modified: { spec: { replicas: 2 } },
    want: { spec: { replicas: 2, paused: null } },
  },
  {
    name: "names a changed container by its merge key",
    original: pod([{ name: "a", image: "x" }, { name: "b", image: "y" }]),
    modified: pod([{ name: "a", image: "x" }, { name: "b", image: "z" }]),
    want: pod([{ name: "b", image: "z" }]),
  },
  {
    name: "marks a removed container $patch: delete",
    original: pod([{ name: "a" }, { name: "b" }]),
    modified: pod([{ name: "a" }]),
    want: pod([{ name: "b", $patch: "delete" }]),
  },
  {
    name: "sends an atomic list whole",
    original: pod([{ name: "a", command: ["sh", "-c", "x"] }]),
    modified: pod([{ name: "a", command: ["sh", "-c", "y"] }]),
    want: pod([{ name: "a", command: ["sh", "-c", "y"] }]),
  },
];

describe("strategicMergePatch", () => {
  it.each(applyCases)("$name", ({ original, patch, want }) => {
    const before = structuredClone(original);
    expect(strategicMergePatch(original, patch)).toEqual(want);
    expect(original).toEqual(before);
  });
});

describe("createTwoWayMergePatch", () => {
  it.each(diffCases)("$name", ({ original, modified, want }) => {
    expect(createTwoWayMergePatch(original, modified)).toEqual(want);
  });
});

// Pod-shaped values: maps of scalars, atomic lists, and containers keyed by unique names.
const scalar = fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -5, max: 5 }), fc.boolean());
const key = fc.constantFrom("a", "b", "c", "image", "replicas");
const flatMap = fc.dictionary(key, scalar, { maxKeys: 4 });
const container = (name: string) =>
  fc.record({ name: fc.constant(name), image: fc.string({ maxLength: 3 }), args: fc.array(fc.string({ maxLength: 2 }), { maxLength: 3 }), labels: flatMap }, { requiredKeys: ["name"] });
const containers = fc
  .uniqueArray(fc.constantFrom("x", "y", "z", "w"), { maxLength: 4 })
  .chain((names) => fc.tuple(...names.map(container)));
const podValue = fc.record({ metadata: fc.record({ labels: flatMap }), spec: fc.record({ containers, misc: flatMap }, { requiredKeys: [] }) }, { requiredKeys: [] });

/** Keyed lists compared as sets: a merge appends new items, so only order may differ. */
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = v.map(normalize);
    return items.every((x) => typeof x === "object" && x !== null && "name" in x)
      ? [...items].sort((p, q) => String((p as JsonMap).name).localeCompare(String((q as JsonMap).name)))
      : items;
  }
  if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalize(x)]));
  return v;
}

describe("strategic merge algebra", () => {
  it("applying the two-way patch from a to b gives b", () => {
    fc.assert(
      fc.property(podValue, podValue, (a, b) => {
        const patched = strategicMergePatch(a as JsonMap, createTwoWayMergePatch(a as JsonMap, b as JsonMap));
        expect(normalize(patched)).toEqual(normalize(b));
      }),
      { numRuns: 300 },
    );
  });

  it("the patch from a value to itself is empty", () => {
    fc.assert(
      fc.property(podValue, (a) => {
        expect(createTwoWayMergePatch(a as JsonMap, structuredClone(a) as JsonMap)).toEqual({});
      }),
    );
  });

  it("an empty patch changes nothing", () => {
    fc.assert(
      fc.property(podValue, (a) => {
        expect(strategicMergePatch(a as JsonMap, {})).toEqual(a);
      }),
    );
  });
});
