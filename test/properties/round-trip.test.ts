// Properties of the state file: save → load → save is byte-identical, load(save(s)) deep-equals
// s, and a cluster loaded from the file behaves exactly like the one kept in memory — the
// same writes succeed or fail with the same messages and leave byte-identical states. The
// clusters come from random operations on the engine (the same vocabulary as the CLI's).
//
// The seed and run count are fixed; PROP_SEED and PROP_RUNS (and PROP_LEN, the sequence length,
// where there is one) override them to explore further by hand.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Cluster, loadEngine } from "../../src/sim/cluster";
import type { ClusterState } from "../../src/sim/cluster";
import { defaultClusterState } from "../../src/state/default-cluster";
import { readState, writeState } from "../../src/state/file";
import { duration as ms, instant } from "../../src/sim/time";
import type { KubeObject } from "../../src/api/types";
import { T0_MS } from "../cli-harness";
import { IMAGES, NAMES } from "./arbitraries";

await loadEngine();

type Op =
  | { op: "create"; name: string; replicas: number; image: string }
  | { op: "scale"; name: string; replicas: number }
  | { op: "image"; name: string; image: string }
  | { op: "deletePod"; index: number }
  | { op: "deleteDeployment"; name: string; policy: "Background" | "Foreground" | "Orphan" }
  | { op: "advance"; ms: number };

const name = fc.constantFrom(...NAMES);
const operation: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant("create" as const), name, replicas: fc.integer({ min: 0, max: 4 }), image: fc.constantFrom(...IMAGES) }),
  fc.record({ op: fc.constant("scale" as const), name, replicas: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ op: fc.constant("image" as const), name, image: fc.constantFrom(...IMAGES) }),
  fc.record({ op: fc.constant("deletePod" as const), index: fc.nat(10) }),
  fc.record({ op: fc.constant("deleteDeployment" as const), name, policy: fc.constantFrom("Background" as const, "Foreground" as const, "Orphan" as const) }),
  { arbitrary: fc.record({ op: fc.constant("advance" as const), ms: fc.integer({ min: 0, max: 90_000 }) }), weight: 3 },
);

const deployment = (name: string, replicas: number, image: string): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, namespace: "default", labels: { app: name } },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image }] } } },
});

/** Runs one operation as a verb would (write, then settle) and says what came of it. */
function perform(c: Cluster, o: Op): string {
  try {
    const get = (n: string) => structuredClone(c.api.get("Deployment", "default", n));
    if (o.op === "create") c.api.create(deployment(o.name, o.replicas, o.image));
    if (o.op === "scale") c.api.update({ ...get(o.name), spec: { ...get(o.name).spec, replicas: o.replicas } });
    if (o.op === "image") {
      const d = get(o.name);
      d.spec.template.spec.containers[0].image = o.image;
      c.api.update(d);
    }
    if (o.op === "deletePod") {
      const pods = c.api.list("Pod", "default");
      if (pods.length > 0) c.api.delete({ kind: "Pod", namespace: "default", name: pods[o.index % pods.length].metadata.name ?? "" });
    }
    if (o.op === "deleteDeployment") c.api.delete({ kind: "Deployment", namespace: "default", name: o.name }, { propagationPolicy: o.policy });
    c.settle();
    if (o.op === "advance") c.advance(ms(o.ms));
    return "ok";
  } catch (err) {
    c.settle();
    return (err as Error).message;
  }
}

const fresh = () => {
  const c = new Cluster(defaultClusterState({ nodes: 3, seed: 1, start: instant(T0_MS), tick: "5s" }));
  c.bootstrap();
  return c;
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubesim-roundtrip-"));
const file = path.join(dir, "state.json");
/** The state file's text for a state, as the CLI writes it. */
function save(state: ClusterState): string {
  writeState(file, state);
  return fs.readFileSync(file, "utf8");
}
/** The state a file's text holds, as the CLI reads it. */
function load(text: string): ClusterState {
  fs.writeFileSync(file, text);
  return readState(file)!;
}

describe("the state file", () => {
  it("round-trips byte for byte, and a loaded cluster behaves as the one in memory", () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 8 }), fc.array(operation, { minLength: 1, maxLength: 6 }), (before, after) => {
        const kept = fresh();
        for (const o of before) perform(kept, o);
        const state = kept.toState();
        const text = save(state);
        const loadedState = load(text);
        expect(save(loadedState)).toBe(text);
        expect(loadedState).toStrictEqual(state);
        const loaded = new Cluster(loadedState);
        expect(save(loaded.toState())).toBe(text);
        after.forEach((o, i) => {
          const step = `after ${JSON.stringify(after.slice(0, i + 1))}`;
          expect(perform(loaded, o), step).toBe(perform(kept, o));
          expect(save(loaded.toState()), step).toBe(save(kept.toState()));
        });
      }),
      { seed: Number(process.env.PROP_SEED ?? 42), numRuns: Number(process.env.PROP_RUNS ?? 60) },
    );
  });
});
