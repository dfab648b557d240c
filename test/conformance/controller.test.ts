// The controller conformance suite (STYLE.md §7): every registered component — controllers,
// scheduler, kubelet — over every seed state. A converged state gives no writes; the view is
// never mutated; the same input gives the same Outcome; a missing key gives an empty Outcome.

import { describe, expect, it } from "vitest";
import { COMPONENTS } from "../../src/sim/components";
import { viewOf } from "../../src/api/store/view";
import type { ClusterView } from "../../src/api/store/view";
import type { KubeObject } from "../../src/api/types";
import { createRng } from "../../src/sim/random";
import { SEED_STATES } from "./seed-states";
import { deepFreeze } from "../../src/api/deep-freeze";

/** A view whose every object is deep-frozen, so a mutating controller throws. */
function frozenView(view: ClusterView): ClusterView {
  return {
    get: (k) => deepFreeze(view.get(k)),
    list: (kind, ns) => view.list(kind, ns).map(deepFreeze),
    ownedBy: (uid) => view.ownedBy(uid).map(deepFreeze),
    orphans: (kind, ns) => view.orphans(kind, ns).map(deepFreeze),
    podsOnNode: (n) => view.podsOnNode(n).map(deepFreeze),
    unboundPods: () => view.unboundPods().map(deepFreeze),
    nodePodsRevision: (n) => view.nodePodsRevision(n),
    runtime: (uid) => deepFreeze(view.runtime(uid)),
  };
}

const keyOf = (o: KubeObject) => `${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}`;

const cases = SEED_STATES.flatMap((seed) => COMPONENTS.map((component) => ({ seed, component, name: `${component.name} in ${seed.name}` })));

describe.each(cases)("$name", ({ seed, component }) => {
  const cluster = seed.build();
  const view = frozenView(viewOf(cluster.store, cluster.runtime));
  const keys = cluster.store.list(component.primary).map(keyOf);

  it("returns no writes for a converged state", () => {
    for (const key of keys) {
      const out = component.reconcile(view, key, cluster.now, createRng(7));
      expect({ key, writes: out.writes }).toEqual({ key, writes: [] });
    }
  });

  it("gives the same Outcome for the same input", () => {
    for (const key of keys) {
      const a = component.reconcile(view, key, cluster.now, createRng(7));
      const b = component.reconcile(view, key, cluster.now, createRng(7));
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    }
  });

  it("returns an empty Outcome for a key that does not exist", () => {
    const out = component.reconcile(view, `${component.primary}/default/does-not-exist`, cluster.now, createRng(7));
    expect(out.writes).toEqual([]);
    expect(out.events).toEqual([]);
  });
});
