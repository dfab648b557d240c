// Rolling updates pass by pass: the Deployment controller runs against a real Store, and
// between passes the "cluster" makes every ReplicaSet's pods exist and be available at once.
// Each recorded step is "<old RS size>/<new RS size>" after a pass that changed a size.

import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { Store } from "../../api/store/store";
import { viewOf } from "../../api/store/view";
import { deploymentController } from "./index";
import { applyOutcome, at, deployment, rng, T0 } from "../../../test/builders";
import { resolveFenceposts } from "./fenceposts";

type IntOrPercent = number | string;
const KEY = "Deployment/default/web";

/** Runs a rollout from a converged old ReplicaSet of R available pods to the new template. */
function rollout(r: number, maxSurge: IntOrPercent, maxUnavailable: IntOrPercent): { steps: string[]; worst: { total: number; available: number } } {
  const web = deployment("web").replicas(r).rolling(maxSurge, maxUnavailable);
  const oldRS = web.rs({ image: "nginx:1.24", replicas: r, created: at("-1h") }).build();
  const d = web.revision(1).status({ observedGeneration: 1, replicas: r, updatedReplicas: 0, availableReplicas: r }).build();
  const store = new Store([d, oldRS]);
  const view = viewOf(store, new Map());
  const steps: string[] = [];
  const worst = { total: 0, available: Number.POSITIVE_INFINITY };
  let last = `${r}/0`;
  for (let pass = 0; pass < 100; pass++) {
    const out = deploymentController.reconcile(view, KEY, T0, rng());
    applyOutcome(store, out, T0);
    const [oldSize, newSize] = sizes(store);
    const now = `${oldSize}/${newSize}`;
    if (now !== last) steps.push(now);
    last = now;
    // What the deployment allowed before the cluster caught up: total pods asked for, and
    // pods still available (the status read is the one before this pass's scale-downs).
    const rss = store.list("ReplicaSet");
    worst.total = Math.max(worst.total, rss.reduce((n, rs) => n + rs.spec.replicas, 0));
    worst.available = Math.min(worst.available, rss.reduce((n, rs) => n + Math.min(rs.spec.replicas, rs.status?.availableReplicas ?? 0), 0));
    const changed = makeAllAvailable(store);
    if (out.writes.length === 0 && !changed) break;
  }
  return { steps, worst };
}

function sizes(store: Store): [number, number] {
  const rss = store.list("ReplicaSet");
  const isNew = (rs: KubeObject) => rs.spec.template.spec.containers[0].image === "nginx:1.25";
  return [rss.filter((rs) => !isNew(rs)).reduce((n, rs) => n + rs.spec.replicas, 0), rss.filter(isNew).reduce((n, rs) => n + rs.spec.replicas, 0)];
}

/** The ReplicaSet controller and kubelets in one step: status follows spec, all available. */
function makeAllAvailable(store: Store): boolean {
  let changed = false;
  for (const rs of store.list("ReplicaSet")) {
    const n = rs.spec.replicas;
    const status = n ? { replicas: n, fullyLabeledReplicas: n, readyReplicas: n, availableReplicas: n, observedGeneration: rs.metadata.generation } : { replicas: 0, observedGeneration: rs.metadata.generation };
    if (JSON.stringify(status) === JSON.stringify(rs.status)) continue;
    store.put({ ...rs, status, metadata: { ...rs.metadata, resourceVersion: store.nextResourceVersion() } });
    changed = true;
  }
  return changed;
}

/**
 * The same rollout from cluster-behavior.md §2.3's formulas, written independently of the port.
 * Pass 1 creates the new RS (its pods not yet available) and may scale the old one down in the
 * same pass; later passes either scale the new RS up or the old one down.
 */
function oracle(r: number, maxSurge: IntOrPercent, maxUnavailable: IntOrPercent): string[] {
  const [surge, unavailable] = resolveFenceposts(maxSurge, maxUnavailable, r);
  const minAvailable = r - Math.min(unavailable, r);
  const maxTotal = r + surge;
  let oldSize = r;
  let newSize = Math.min(Math.max(maxTotal - oldSize, 0), r);
  const steps: string[] = [];
  const scaleDown = (newUnavailable: number, available: number): boolean => {
    if (oldSize === 0 || oldSize + newSize - minAvailable - newUnavailable <= 0 || available <= minAvailable) return false;
    oldSize -= Math.min(oldSize, available - minAvailable);
    return true;
  };
  const created = newSize > 0;
  if (scaleDown(newSize, oldSize) || created) steps.push(`${oldSize}/${newSize}`);
  for (;;) {
    if (newSize < r && oldSize + newSize < maxTotal) newSize += Math.min(maxTotal - oldSize - newSize, r - newSize);
    else if (!scaleDown(0, oldSize + newSize)) break;
    steps.push(`${oldSize}/${newSize}`);
  }
  return steps;
}

const cases: { name: string; r: number; surge: IntOrPercent; unavailable: IntOrPercent; want: string[] }[] = [
  { name: "3 replicas at 25%/25% surge one pod at a time", r: 3, surge: "25%", unavailable: "25%", want: ["3/1", "2/1", "2/2", "1/2", "1/3", "0/3"] },
  { name: "10 replicas at 25%/25% surge 3 and drop 2 in the first pass", r: 10, surge: "25%", unavailable: "25%", want: ["8/3", "8/5", "3/5", "3/10", "0/10"] },
  { name: "1 replica at 25%/25% surges one new pod before dropping the old", r: 1, surge: "25%", unavailable: "25%", want: ["1/1", "0/1"] },
  { name: "4 replicas with maxSurge 0 and maxUnavailable 1 go down before up", r: 4, surge: 0, unavailable: 1, want: ["3/0", "3/1", "2/1", "2/2", "1/2", "1/3", "0/3", "0/4"] },
  { name: "5 replicas with maxSurge 100% start every new pod at once", r: 5, surge: "100%", unavailable: 0, want: ["5/5", "0/5"] },
  { name: "2 replicas with maxUnavailable 100% and maxSurge 0 replace everything at once", r: 2, surge: 0, unavailable: "100%", want: ["0/0", "0/2"] },
  { name: "6 replicas at 50%/50% move in halves", r: 6, surge: "50%", unavailable: "50%", want: ["3/3", "3/6", "0/6"] },
];

describe("rolling update, pass by pass", () => {
  it.each(cases)("$name", ({ r, surge, unavailable, want }) => {
    expect(rollout(r, surge, unavailable).steps).toEqual(want);
  });

  const values: IntOrPercent[] = [0, 1, "25%", "50%", "100%"];
  const grid = [];
  for (let r = 1; r <= 10; r++) {
    for (const s of values) for (const u of values) if (!(s === 0 && u === 0)) grid.push({ r, s, u });
  }
  it.each(grid)("$r replicas with maxSurge $s and maxUnavailable $u follow the documented arithmetic and its bounds", ({ r, s, u }) => {
    const { steps, worst } = rollout(r, s, u);
    expect(steps).toEqual(oracle(r, s, u));
    expect(steps.at(-1)).toBe(`0/${r}`);
    const [surge, unavailable] = resolveFenceposts(s, u, r);
    expect(worst.total).toBeLessThanOrEqual(r + surge);
    expect(worst.available).toBeGreaterThanOrEqual(r - Math.min(unavailable, r));
  });
});
