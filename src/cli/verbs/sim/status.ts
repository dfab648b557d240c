// kubesim sim status: the clock, tick, seed, nodes and object counts.

import { defineVerb } from "../../verb";
import { formatGoDuration, since, toRFC3339 } from "../../../sim/time";

export default defineVerb<object, object>({
  name: "sim status",
  instant: true,
  help: {
    short: "Show the simulated clock, tick, seed, nodes and object counts",
    long: "Show the simulated clock, the tick, the seed, the nodes and how many objects of each kind the cluster holds.",
    example: "  kubesim sim status",
    usage: "sim status",
  },
  define() {},
  complete: () => ({}),
  validate() {},
  run(_o, cluster, io, env) {
    const c = cluster!;
    const nodes = c.store.list("Node");
    const ready = nodes.filter((n) => n.status?.conditions?.some((x: any) => x.type === "Ready" && x.status === "True"));
    const counts = c.store
      .kinds()
      .map((k) => `${k}=${c.store.count(k)}`)
      .join(", ");
    const next = c.nextDue();
    const lines = [
      ["State:", env.statePath],
      ["Clock:", toRFC3339(c.now)],
      ["Tick:", formatGoDuration(c.tick)],
      ["Seed:", String(c.seed)],
      ["Nodes:", `${nodes.length} (${ready.length} Ready): ${nodes.map((n) => n.metadata.name).join(", ")}`],
      ["Objects:", counts],
      ["Next:", next === undefined ? "nothing scheduled" : `in ${formatGoDuration(since(next, c.now))}`],
    ];
    for (const [k, v] of lines) io.out.write(`${k.padEnd(10)}${v}\n`);
    return 0;
  },
});
