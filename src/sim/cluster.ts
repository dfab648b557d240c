// A simulated cluster in memory: the store, the kubelets' runtime records, the agenda, the
// clock and the seeded generator, with the API server in front. Loaded from and saved to the
// state file by state/; verbs receive it and talk to `api`.

import type { ClusterState, SavedState } from "./state-shape";
import { SCHEMA_VERSION } from "./state-shape";
import { RuntimeRecords, loadRecordCodec } from "./runtime-records";
import { EVENT_TTL } from "./event-ttl";
import type { RawJson } from "../api/store/raw-json";
import type { KubeObject } from "../api/types";
import { Store } from "../api/store/store";
import { ApiServer, loadWritePipeline } from "../api/server";
import type { AgendaItem } from "./agenda";
import { Agenda } from "./agenda";
import type { Duration, Instant } from "./time";
import { formatGoDuration, instant, parseDuration, plus } from "./time";
import type { Rng } from "./random";
import { createRng } from "./random";

export { SCHEMA_VERSION } from "./state-shape";
export type { ClusterState } from "./state-shape";

let engine: typeof import("./wired-engine") | undefined;

/**
 * Loads the control loops. Until then the cluster can only read, and move its clock over
 * instants where nothing is due: most of the code is the engine, and a `get` never needs it.
 */
export async function loadEngine(): Promise<void> {
  await loadWritePipeline();
  engine ??= await import("./wired-engine");
  await loadRecordCodec();
}

function requireEngine(): NonNullable<typeof engine> {
  if (!engine) throw new Error("internal: the control loops are needed but were not loaded");
  return engine;
}

export class Cluster {
  store!: Store;
  runtime!: RuntimeRecords;
  agenda!: Agenda;
  api!: ApiServer;
  rng!: Rng;
  now!: Instant;
  tick!: Duration;
  seed!: number;
  /** The clock and resourceVersion before this invocation's tick: `sim advance` reports since. */
  invokedAt!: Instant;
  invokedAtVersion!: number;
  /** Counts the kubelets' runtime-record writes, so a caller can tell whether anything changed. */
  runtimeWrites = 0;

  constructor(state: ClusterState | SavedState) {
    this.load(state);
  }

  /** Replaces everything with `state` (sim reset). */
  load(state: ClusterState | SavedState): void {
    this.store = new Store(state.objects as KubeObject[] | Map<string, KubeObject | RawJson>, state.resourceVersion);
    this.runtime = new RuntimeRecords(state.runtime instanceof Map ? state.runtime : Object.entries(state.runtime));
    this.agenda = new Agenda(
      state.agenda.map((a): AgendaItem => ({ due: instant(Date.parse(a.due)), component: a.component, key: a.key })),
    );
    this.now = instant(Date.parse(state.clock.now));
    this.invokedAt = this.now;
    this.invokedAtVersion = this.store.resourceVersion;
    this.tick = parseDuration(state.clock.tick) ?? (5000 as Duration);
    this.seed = state.seed;
    this.rng = createRng(state.rngState);
    this.api = new ApiServer(this.store, () => this.now, this.rng);
  }

  /**
   * Lets every controller see every object once, as a freshly started control plane does
   * (sim reset: the default ServiceAccounts and root CA ConfigMaps appear this way).
   */
  bootstrap(): void {
    this.store.changes = this.store.all().map((o) => ({ key: `${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}`, after: o }));
    this.settle();
  }

  /** Lets the control plane react at the current instant until nothing changes. */
  settle(): void {
    if (engine || !this.quietUntil(this.now)) requireEngine().settleCluster(this);
  }

  /** Moves the clock forward by `by`, running every component when it is due. */
  advance(by: Duration): void {
    const target = plus(this.now, by);
    if (engine || !this.quietUntil(target)) requireEngine().advanceCluster(this, by);
    else this.now = target;
  }

  /** Whether anything would run between now and `by` from now: then the engine must be loaded. */
  needsEngine(by: Duration = 0 as Duration): boolean {
    return !this.quietUntil(plus(this.now, by));
  }

  /** Nothing written since the last settle, and nothing due by `until` (Event expiry is on the agenda). */
  private quietUntil(until: Instant): boolean {
    const due = this.agenda.nextDue();
    return this.store.changes.length === 0 && (due === undefined || due > until);
  }

  /**
   * Advances until `done()` holds or `timeout` has passed, calling `onStep` after each
   * instant the cluster settled at (waiting verbs print from it). Returns whether done() held.
   */
  advanceUntil(done: () => boolean, timeout: Duration, onStep?: () => void): boolean {
    if (done()) return true;
    const stopped = requireEngine().advanceCluster(this, timeout, () => {
      onStep?.();
      return done();
    });
    return stopped || done();
  }

  /**
   * When a component next has work of its own, if any is scheduled (Event expiry is left out:
   * a watch on an idle cluster ends rather than waiting an hour for events to expire).
   */
  nextDue(): Instant | undefined {
    return this.agenda.nextDue(EVENT_TTL);
  }

  deadline(by: Duration): Instant {
    return plus(this.now, by);
  }

  /** Everything that changes when the cluster does; equal fingerprints mean nothing to save. */
  fingerprint(): string {
    return [this.now, this.tick, this.store.resourceVersion, this.rng.state(), this.agenda.size, this.runtimeWrites].join("|");
  }

  /** The state to save: what was never used is still its loaded text. */
  toSaved(): SavedState {
    return {
      ...this.header(),
      objects: new Map(this.store.held()),
      runtime: new Map(this.runtime.held()),
    };
  }

  private header() {
    return {
      schemaVersion: SCHEMA_VERSION,
      clock: { now: new Date(this.now).toISOString(), tick: formatGoDuration(this.tick) },
      seed: this.seed,
      rngState: this.rng.state(),
      resourceVersion: this.store.resourceVersion,
      agenda: this.agenda.toJSON().map((a) => ({ due: new Date(a.due).toISOString(), component: a.component, key: a.key })),
    };
  }

  /** The whole state, decoded. */
  toState(): ClusterState {
    return {
      ...this.header(),
      objects: this.store.all(),
      runtime: Object.fromEntries([...this.runtime.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    };
  }
}
