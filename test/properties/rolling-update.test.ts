// Property: a rolling update never takes a Deployment below replicas − maxUnavailable
// available pods, nor above replicas + maxSurge pods, at any settled instant — whatever the
// fenceposts, whether the new image works, fails to pull or crashes, and when a second
// update rolls over the first. Drives the engine directly, one simulated second at a time.
//
// The seed and run count are fixed; PROP_SEED and PROP_RUNS (and PROP_LEN, the sequence length,
// where there is one) override them to explore further by hand.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Cluster, loadEngine } from "../../src/sim/cluster";
import { defaultClusterState } from "../../src/state/default-cluster";
import { instant, seconds } from "../../src/sim/time";
import type { KubeObject } from "../../src/api/types";
import { T0_MS } from "../cli-harness";
import { availablePods, oversurgedDeployments, underAvailable } from "./invariants";

await loadEngine();

const intOrPercent = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom("0%", "10%", "25%", "50%", "75%", "100%"));
const isZero = (v: number | string) => v === 0 || v === "0%";

const rollout = fc
  .record({
    replicas: fc.integer({ min: 1, max: 6 }),
    maxSurge: intOrPercent,
    maxUnavailable: intOrPercent,
    // nginx:1.161 does not exist (ImagePullBackOff), busybox exits at once (CrashLoopBackOff).
    image: fc.constantFrom("nginx:1.16.1", "nginx:1.161", "busybox"),
    rollover: fc.option(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.constantFrom("nginx:1.17", "nginx:1.171")), { nil: undefined }),
  })
  // The API server rejects maxSurge 0 with maxUnavailable 0 (validateRollingUpdateDeployment).
  .filter(({ maxSurge, maxUnavailable }) => !(isZero(maxSurge) && isZero(maxUnavailable)));

const deployment = (replicas: number, maxSurge: number | string, maxUnavailable: number | string): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default", labels: { app: "web" } },
  spec: {
    replicas,
    selector: { matchLabels: { app: "web" } },
    strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge, maxUnavailable } },
    template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx:1.14.2" }] } },
  },
});

const WORKING = new Set(["nginx:1.16.1", "nginx:1.17"]);
const current = (c: Cluster) => c.store.get("Deployment/default/web")!;

function setImage(c: Cluster, image: string): void {
  const d = structuredClone(current(c));
  d.spec.template.spec.containers[0].image = image;
  c.api.update(d);
  c.settle();
}

describe("rolling updates", () => {
  it("keep available pods at or above replicas - maxUnavailable, and pods at or below replicas + maxSurge", () => {
    fc.assert(
      fc.property(rollout, ({ replicas, maxSurge, maxUnavailable, image, rollover }) => {
        const c = new Cluster(defaultClusterState({ nodes: 3, seed: 1, start: instant(T0_MS), tick: "5s" }));
        c.bootstrap();
        c.api.create(deployment(replicas, maxSurge, maxUnavailable));
        c.settle();
        c.advance(seconds(60));
        // The precondition: the Deployment is fully available before the update starts.
        expect(availablePods(c.store.all(), current(c))).toBe(replicas);
        setImage(c, image);
        for (let t = 1; t <= 60; t++) {
          if (rollover && t === rollover[0]) setImage(c, rollover[1]);
          c.advance(seconds(1));
          const objects = c.store.all();
          const at = `${t}s into the rollout`;
          expect(underAvailable(objects, current(c)), at).toEqual([]);
          expect(oversurgedDeployments(objects), at).toEqual([]);
        }
        // And the rollout did move: a working final image has replaced every pod by now.
        const last = rollover?.[1] ?? image;
        if (WORKING.has(last)) {
          const images = c.store.list("Pod", "default").filter((p) => !p.metadata.deletionTimestamp).map((p) => p.spec.containers[0].image);
          expect(images).toEqual(Array(replicas).fill(last));
        }
      }),
      { seed: Number(process.env.PROP_SEED ?? 42), numRuns: Number(process.env.PROP_RUNS ?? 40) },
    );
  });
});
