import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../api/types";
import { Cluster, loadEngine } from "../../../sim/cluster";
import { instant } from "../../../sim/time";
import { defaultClusterState } from "../../../state/default-cluster";
import { watch } from "./watch";

// These clusters run their control loops, which load on demand.
await loadEngine();

const T0 = instant(Date.parse("2025-01-01T00:00:00Z"));

const cm = (name: string, rv: number, keys: number): KubeObject => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name, namespace: "default", resourceVersion: String(rv), creationTimestamp: "2025-01-01T00:00:00Z" },
  data: Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, "v"])),
});

/**
 * A cluster whose agenda wakes a component nobody implements at +10s, +20s and +30s, and a
 * list that changes with the clock: "a" gains keys, "a-much-longer-name" appears at +20s, and
 * "b" is deleted at +30s.
 */
function scenario() {
  const cluster = new Cluster(defaultClusterState({ nodes: 1, seed: 1, start: T0, tick: "0s" }));
  for (const s of [10, 20, 30]) cluster.agenda.add({ due: instant(T0 + s * 1000), component: "test-clock", key: "x" });
  const list = (): KubeObject[] => {
    const at = (cluster.now - T0) / 1000;
    const objs = [cm("a", 100 + at, at >= 10 ? 2 : 1)];
    if (at >= 20) objs.push(cm("a-much-longer-name", 200, 1));
    if (at < 30) objs.push(cm("b", 50, 1));
    return objs;
  };
  return { cluster, list };
}

const human = { now: T0, wide: false, allNamespaces: false, showKind: false, showLabels: false, labelColumns: [], noHeaders: false };

const cases = [
  {
    name: "prints the listing, then a row per change, widening later rows only, and the last row of a deleted object",
    options: { output: { kind: "table" as const }, human, watchOnly: false },
    want:
      "NAME   DATA   AGE\n" +
      "a      1      0s\n" +
      "b      1      0s\n" +
      "a      2      10s\n" +
      "a      2      20s\n" +
      "a-much-longer-name   1      20s\n" +
      "a                    2      30s\n" +
      "b                    1      30s\n",
  },
  {
    name: "prints the header with the first change under --watch-only",
    options: { output: { kind: "table" as const }, human, watchOnly: true },
    want: "NAME   DATA   AGE\n" + "a      2      10s\n" + "a      2      20s\n" + "a-much-longer-name   1      20s\n" + "a                    2      30s\n" + "b                    1      30s\n",
  },
  {
    name: "prints each changed object by name with -o name",
    options: { output: { kind: "name" as const }, human, watchOnly: false },
    want: "configmap/a\nconfigmap/b\nconfigmap/a\nconfigmap/a\nconfigmap/a-much-longer-name\nconfigmap/a\nconfigmap/b\n",
  },
];

describe("watch", () => {
  it.each(cases)("$name", ({ options, want }) => {
    const { cluster, list } = scenario();
    let out = "";
    watch(cluster, list, list(), options, { write: (s) => void (out += s) });
    expect(out).toBe(want);
  });

  it("stops when nothing more is scheduled", () => {
    const { cluster, list } = scenario();
    watch(cluster, list, list(), { output: { kind: "name" }, human, watchOnly: false }, { write: () => {} });
    expect(cluster.now).toBe(T0 + 30_000);
  });
});
