// A small stand-in for the engine, for controller scenario tests: it drains the store's
// changes through triggersByKind into dirty keys, reconciles them in controller order and
// applies the writes through the real ApiServer (so every write meets validation,
// defaulting and resourceVersion checks). A conflict re-queues the key, as upstream does.
// A fake kubelet binds pods, makes them Ready, and finishes graceful deletions.

import type { KubeObject, ObjectKey } from "../../src/api/types";
import { keyOf, refOf } from "../../src/api/types";
import { Store } from "../../src/api/store/store";
import { viewOf } from "../../src/api/store/view";
import { ApiServer, loadWritePipeline } from "../../src/api/server";
import { StatusError } from "../../src/api/errors";
import type { Controller, EventNote, Write } from "../../src/controllers/types";
import { WORKLOAD_CONTROLLERS, triggersByKind } from "../../src/controllers/manager";
import type { Instant } from "../../src/sim/time";
import { toRFC3339 } from "../../src/sim/time";
import { createRng } from "../../src/sim/random";
import { T0 } from "./time";

await loadWritePipeline();

export class MiniCluster {
  readonly store = new Store();
  now: Instant = T0;
  readonly api = new ApiServer(this.store, () => this.now, createRng(7));
  readonly events: EventNote[] = [];
  private readonly rng = createRng(1);
  private readonly view = viewOf(this.store, new Map());
  private readonly rules = triggersByKind(WORKLOAD_CONTROLLERS);
  private readonly dirty = new Map<Controller, Set<ObjectKey>>();

  constructor() {
    this.api.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } });
  }

  /** Runs controllers until no key is dirty; throws after too many passes (a fight). */
  settle(): void {
    for (let pass = 0; pass < 2000; pass++) {
      this.drain();
      const next = this.take();
      if (!next) return;
      const [controller, key] = next;
      const out = controller.reconcile(this.view, key, this.now, this.rng);
      this.events.push(...out.events);
      for (const w of out.writes) {
        try {
          if (w.op === "create") this.create(w);
          else if (w.op === "update") this.api.update(w.object);
          else if (w.op === "updateStatus") this.api.updateStatus(w.object);
          else if (w.op === "delete") this.api.delete(w.ref, { propagationPolicy: w.propagationPolicy, uid: w.uid, gracePeriodSeconds: w.gracePeriodSeconds, force: w.force });
        } catch (e) {
          if (!(e instanceof StatusError) || !["Conflict", "NotFound"].includes(e.reason)) throw e;
          this.mark(controller, key);
        }
      }
    }
    throw new Error("controllers did not settle");
  }

  /** A create, then the write its sync makes from what was stored (or from nothing, when refused), as the engine does. */
  private create(w: Extract<Write, { op: "create" }>): void {
    let created: KubeObject | undefined;
    let refused: unknown;
    try {
      created = this.api.create(w.object);
    } catch (e) {
      refused = e;
    }
    const then = w.afterCreate?.(created);
    if (then?.op === "updateStatus") this.api.updateStatus(then.object);
    else if (then) throw new Error(`mini engine: no ${then.op} after a create`);
    if (refused !== undefined) throw refused;
  }

  /** The fake kubelet and scheduler: bind, run and make Ready every pod; finish deletions. */
  kubelet(): boolean {
    let changed = false;
    for (const pod of this.store.list("Pod")) {
      if (pod.metadata.deletionTimestamp) {
        this.store.remove(keyOf(refOf(pod)));
        changed = true;
        continue;
      }
      if (pod.status?.phase === "Running") continue;
      const t = toRFC3339(this.now);
      const next: KubeObject = structuredClone(pod);
      next.spec.nodeName ??= "kubesim-worker";
      next.status = { phase: "Running", conditions: [{ type: "Ready", status: "True", lastTransitionTime: t }] };
      next.metadata.resourceVersion = this.store.nextResourceVersion();
      this.store.put(next);
      changed = true;
    }
    return changed;
  }

  /** settle → kubelet → settle … until the kubelet has nothing left to do. */
  run(): void {
    this.settle();
    for (let i = 0; i < 100 && this.kubelet(); i++) this.settle();
  }

  private drain(): void {
    const changes = this.store.changes;
    this.store.changes = [];
    for (const c of changes) {
      for (const obj of [c.before, c.after]) {
        if (!obj) continue;
        for (const { controller, trigger } of this.rules.get(obj.kind) ?? []) {
          for (const key of trigger.keysFor(obj, this.view)) this.mark(controller, key);
        }
      }
    }
  }

  private mark(controller: Controller, key: ObjectKey): void {
    let set = this.dirty.get(controller);
    if (!set) this.dirty.set(controller, (set = new Set()));
    set.add(key);
  }

  private take(): [Controller, ObjectKey] | undefined {
    for (const controller of WORKLOAD_CONTROLLERS) {
      const set = this.dirty.get(controller);
      if (!set || set.size === 0) continue;
      const key = [...set].sort()[0];
      set.delete(key);
      return [controller, key];
    }
    return undefined;
  }
}
