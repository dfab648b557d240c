// A simulated cluster in memory: the store, the kubelets' runtime records, the agenda, the
// clock and the seeded generator, with the API server in front. Loaded from and saved to the
// state file by state/; verbs receive it and talk to `api`.

import type { ClusterState } from "./state-shape";
import { SCHEMA_VERSION } from "./state-shape";
import { Store } from "../api/store/store";
import { ApiServer } from "../api/server";
import type { AgendaItem } from "./agenda";
import { Agenda } from "./agenda";
import type { Duration, Instant } from "./time";
import { formatGoDuration, instant, parseDuration, plus } from "./time";
import type { Rng } from "./random";
import { createRng } from "./random";
import { advance, settle, wire } from "./engine";
import { COMPONENTS } from "./components";

export { SCHEMA_VERSION } from "./state-shape";
export type { ClusterState } from "./state-shape";

let wiring: ReturnType<typeof wire> | undefined;
const components = () => (wiring ??= wire(COMPONENTS));

export class Cluster {
  store!: Store;
  runtime!: Map<string, unknown>;
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

  constructor(state: ClusterState) {
    this.load(state);
  }

  /** Replaces everything with `state` (sim reset). */
  load(state: ClusterState): void {
    this.store = new Store(state.objects, state.resourceVersion);
    this.runtime = new Map(Object.entries(state.runtime));
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
    settle(this, components());
  }

  /** Moves the clock forward by `by`, running every component when it is due. */
  advance(by: Duration): void {
    advance(this, components(), by);
  }

  /**
   * Advances until `done()` holds or `timeout` has passed, calling `onStep` after each
   * instant the cluster settled at (waiting verbs print from it). Returns whether done() held.
   */
  advanceUntil(done: () => boolean, timeout: Duration, onStep?: () => void): boolean {
    if (done()) return true;
    const stopped = advance(this, components(), timeout, () => {
      onStep?.();
      return done();
    });
    return stopped || done();
  }

  /** When the next thing will happen by itself, if anything is scheduled. */
  nextDue(): Instant | undefined {
    return this.agenda.nextDue();
  }

  deadline(by: Duration): Instant {
    return plus(this.now, by);
  }

  /** Everything that changes when the cluster does; equal fingerprints mean nothing to save. */
  fingerprint(): string {
    return [this.now, this.tick, this.store.resourceVersion, this.rng.state(), this.agenda.size, this.runtimeWrites].join("|");
  }

  toState(): ClusterState {
    return {
      schemaVersion: SCHEMA_VERSION,
      clock: { now: new Date(this.now).toISOString(), tick: formatGoDuration(this.tick) },
      seed: this.seed,
      rngState: this.rng.state(),
      resourceVersion: this.store.resourceVersion,
      objects: this.store.all(),
      agenda: this.agenda.toJSON().map((a) => ({ due: new Date(a.due).toISOString(), component: a.component, key: a.key })),
      runtime: Object.fromEntries([...this.runtime.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    };
  }
}
