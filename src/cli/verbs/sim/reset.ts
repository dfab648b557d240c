// kubesim sim reset [--nodes N] [--seed S] [--start TIME]: a fresh default cluster.

import { defineVerb } from "../../verb";
import { UsageError } from "../../../api/errors";
import { instant, parseInstant, toRFC3339, truncateToSecond } from "../../../sim/time";
import type { Instant } from "../../../sim/time";
import { defaultClusterState } from "../../../state/default-cluster";
import { DEFAULT_TICK, replaceCluster } from "../../session";
import { Cluster, loadEngine } from "../../../sim/cluster";

interface Flags {
  nodes?: string;
  seed?: string;
  start?: string;
}
interface Options {
  nodes: number;
  seed: number;
  start: Instant;
}

export default defineVerb<Flags, Options>({
  name: "sim reset",
  help: {
    short: "Start a fresh simulated cluster",
    long: "Replace the simulated cluster with a fresh default one: a control-plane node and workers, the system namespaces, the kubernetes Service and a default StorageClass. The clock starts at --start (default: now) and the seeded generator at --seed.",
    example: "  # A fresh cluster with one control plane and three workers, reproducible\n  kubesim sim reset --nodes 4 --seed 7 --start 2025-01-01T00:00:00Z",
    usage: "sim reset [--nodes N] [--seed S] [--start TIME]",
  },
  needsCluster: false,
  define(cmd) {
    cmd.option("--nodes <n>", "Number of nodes, the control plane included.", "3");
    cmd.option("--seed <s>", "Seed of the simulation's random generator.", "1");
    cmd.option("--start <time>", "Start time of the simulated clock (RFC 3339). Default: the current time.");
  },
  complete(flags, _args, env) {
    const nodes = Number(flags.nodes ?? "3");
    const seed = Number(flags.seed ?? "1");
    if (!Number.isInteger(nodes) || nodes < 1 || nodes > 1000) throw new UsageError(`invalid --nodes "${flags.nodes}": must be an integer from 1 to 1000`);
    if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`invalid --seed "${flags.seed}": must be a non-negative integer`);
    let start: Instant;
    if (flags.start !== undefined) {
      const parsed = parseInstant(flags.start);
      if (parsed === undefined) throw new UsageError(`invalid --start "${flags.start}": expected a time such as 2025-01-01T00:00:00Z`);
      start = parsed;
    } else start = instant(env.wallClock());
    return { nodes, seed, start: truncateToSecond(start) };
  },
  validate() {},
  async run(o, _cluster, io, env) {
    await loadEngine();
    const cluster = new Cluster(defaultClusterState({ nodes: o.nodes, seed: o.seed, start: o.start, tick: DEFAULT_TICK }));
    cluster.bootstrap();
    await replaceCluster(env, cluster.toState());
    io.out.write(`Cluster reset: ${o.nodes} node${o.nodes === 1 ? "" : "s"}, seed ${o.seed}, clock ${toRFC3339(o.start)}.\n`);
    return 0;
  },
});
