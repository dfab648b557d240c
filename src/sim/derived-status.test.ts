// Controller.derivedStatus: a run that writes its key's own status is not woken by that write;
// its other writes wake it through its triggers, and a status someone else writes wakes it.

import { describe, expect, it } from "vitest";
import { freshCluster } from "../../test/conformance/seed-states";
import type { Controller, Write } from "../controllers/types";
import { NOTHING, self } from "../controllers/types";
import type { KubeObject } from "../api/types";
import { settle, wire } from "./engine";

const pod: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "a", namespace: "default" }, spec: { containers: [{ name: "c", image: "nginx" }] } };
const note: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "note", namespace: "default" } };

/** Sets a pod's phase to Running, with `also` as further writes of the same run; logs each run. */
function phaseSetter(runs: string[], derivedStatus: boolean, also: Write[] = []): Controller {
  return {
    name: "phase-setter",
    primary: "Pod",
    wakeOn: [self("Pod")],
    derivedStatus,
    reconcile: (view, key) => {
      runs.push(key);
      const p = view.get(key);
      if (!p || p.status?.phase === "Running") return NOTHING;
      return { writes: [{ op: "updateStatus", object: { ...p, status: { phase: "Running" } } }, ...also], events: [] };
    },
  };
}

function runsAfterCreate(controller: (runs: string[]) => Controller): { runs: string[]; c: ReturnType<typeof freshCluster>; wiring: ReturnType<typeof wire> } {
  const runs: string[] = [];
  const c = freshCluster();
  const wiring = wire([controller(runs)]);
  c.api.create(pod);
  settle(c, wiring);
  return { runs, c, wiring };
}

describe("a controller whose status is derived", () => {
  it("is not woken by its own status write", () => {
    const { runs, c } = runsAfterCreate((runs) => phaseSetter(runs, true));
    expect(runs).toEqual(["Pod/default/a"]);
    expect(c.store.get("Pod/default/a")?.status).toEqual({ phase: "Running" });
  });

  it("is woken by its own status write when it does not declare derivedStatus", () => {
    expect(runsAfterCreate((runs) => phaseSetter(runs, false)).runs).toEqual(["Pod/default/a", "Pod/default/a"]);
  });

  it("is not woken by its own status when the run wrote more, nor by what it wrote that it does not watch", () => {
    const create: Write = { op: "create", object: note };
    expect(runsAfterCreate((runs) => phaseSetter(runs, true, [create])).runs).toEqual(["Pod/default/a"]);
  });

  it("is woken by the run's other writes through its triggers", () => {
    const sibling: Write = { op: "create", object: { ...pod, metadata: { name: "b", namespace: "default" } } };
    expect(runsAfterCreate((runs) => phaseSetter(runs, true, [sibling])).runs).toEqual(["Pod/default/a", "Pod/default/b"]);
  });

  it("is woken by its own status write when that write did not go through", () => {
    const stale = (runs: string[]): Controller => ({
      ...phaseSetter(runs, true),
      // A status write on a stale resourceVersion conflicts: the key runs again at once.
      reconcile: (view, key) => {
        runs.push(key);
        const p = view.get(key)!;
        if (runs.length > 1) return NOTHING;
        return { writes: [{ op: "updateStatus", object: { ...p, metadata: { ...p.metadata, resourceVersion: "1" }, status: { phase: "Running" } } }], events: [] };
      },
    });
    expect(runsAfterCreate(stale).runs).toEqual(["Pod/default/a", "Pod/default/a"]);
  });

  it("is woken by a status someone else writes, and not by its answer to it", () => {
    const { runs, c, wiring } = runsAfterCreate((runs) => phaseSetter(runs, true));
    const current = c.store.get("Pod/default/a")!;
    c.api.updateStatus({ ...current, status: { phase: "Pending" } });
    settle(c, wiring);
    expect(runs).toEqual(["Pod/default/a", "Pod/default/a"]);
    expect(c.store.get("Pod/default/a")?.status).toEqual({ phase: "Running" });
  });
});
