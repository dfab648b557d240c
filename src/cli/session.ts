// withCluster(): lock → load (or create the default cluster) → tick → fn → settle → save.
// Every invocation that touches the cluster goes through here (DESIGN.md "Clock").

import * as fs from "node:fs";
import { Cluster, loadEngine } from "../sim/cluster";
import type { Duration } from "../sim/time";
import { instant, parseDuration } from "../sim/time";
import { loadState, saveState, StateFileError, writeState } from "../state/file";
import { withLock } from "../state/lock";
import { defaultClusterState } from "../state/default-cluster";
import { staticPodRoot } from "../state/static-pod-root";
import { UsageError } from "../api/errors";
import type { VerbEnv } from "./verb";

export const DEFAULT_TICK = "5s";
export const DEFAULT_NODES = 3;

export interface SessionOptions {
  /** The tick for this session instead of the stored one (an interactive shell's lines take none). */
  readonly tick?: Duration;
  /** fn runs at one instant and never moves the clock: the engine is loaded only if something is due. */
  readonly instant?: boolean;
}

export async function withCluster<T>(env: VerbEnv, fn: (cluster: Cluster) => Promise<T> | T, options: SessionOptions = {}): Promise<T> {
  const tick = options.tick ?? tickOverride(env);
  return withLock(env.statePath, async () => {
    const stored = loadState(env.statePath);
    const cluster = new Cluster(stored ?? freshState(env));
    const loaded = stored ? cluster.fingerprint() : undefined;
    if (!stored || !options.instant) await loadEngine();
    if (!stored) cluster.bootstrap();
    await syncStaticPods(cluster, env.statePath);
    const by = tick ?? cluster.tick;
    if (cluster.needsEngine(by)) await loadEngine();
    cluster.advance(by);
    const ticked = cluster.fingerprint();
    let result: T;
    try {
      result = await fn(cluster);
    } catch (err) {
      // Bad input changes nothing; but what the verb already did before failing (objects it
      // wrote, time a waiting verb spent) happened, as it would have on a real cluster.
      // A record of the file found not to decode: the file is reported, never overwritten.
      if (cluster.fingerprint() !== ticked && !(err instanceof StateFileError)) {
        if (cluster.needsEngine()) await loadEngine();
        cluster.settle();
        saveState(env.statePath, cluster.toSaved());
      }
      throw err;
    }
    if (cluster.needsEngine()) await loadEngine();
    cluster.settle();
    // A frozen clock and a read-only command leave the file as it was: no need to rewrite it.
    if (cluster.fingerprint() !== loaded) saveState(env.statePath, cluster.toSaved());
    return result;
  });
}

/** Hands the static pod folders to the cluster; their reader is loaded only when there are some. */
async function syncStaticPods(cluster: Cluster, statePath: string): Promise<void> {
  const hasStaticPods = [...cluster.runtime.keys()].some((k) => k.startsWith("static:"));
  if (!hasStaticPods && !fs.existsSync(staticPodRoot(statePath))) return;
  const { syncStaticPodDirs } = await import("../state/static-pod-dirs");
  syncStaticPodDirs(cluster, statePath);
}

/** The default cluster, created on first use with the clock at the wall time. */
function freshState(env: VerbEnv) {
  const start = instant(Math.floor(env.wallClock() / 1000) * 1000);
  return defaultClusterState({ nodes: DEFAULT_NODES, seed: 1, start, tick: DEFAULT_TICK });
}

/** KUBESIM_TICK overrides the stored tick for this one invocation. */
function tickOverride(env: VerbEnv): Duration | undefined {
  const text = env.vars.KUBESIM_TICK;
  if (text === undefined || text === "") return undefined;
  const d = parseDuration(text);
  if (d === undefined || d < 0) throw new UsageError(`invalid KUBESIM_TICK "${text}": expected a duration such as 5s, 1m or 0`);
  return d;
}

/** Replaces the state file's cluster with `state` under the lock (sim reset). */
export async function replaceCluster(env: VerbEnv, state: import("../sim/cluster").ClusterState): Promise<void> {
  await withLock(env.statePath, () => writeState(env.statePath, state));
}
