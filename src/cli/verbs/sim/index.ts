// kubesim sim: lists the simulation verbs.

import { defineVerb } from "../../verb";
import { VERBS } from "../../verb-table";

export default defineVerb<object, object>({
  name: "sim",
  help: {
    short: "Control the simulation: time, nodes, load, failures",
    long: "Control the simulated cluster: its clock, nodes, load and failures.",
    example: "  kubesim sim advance 90s\n  kubesim sim status",
    usage: "sim COMMAND [options]",
  },
  needsCluster: false,
  define(cmd) {
    cmd.argument("[args...]");
  },
  complete: () => ({}),
  validate() {},
  run(_o, _c, io) {
    const subs = Object.entries(VERBS).filter(([n]) => n.startsWith("sim ") && n.split(" ").length === 2);
    const width = Math.max(...subs.map(([n]) => n.length - 4)) + 3;
    io.out.write("Control the simulated cluster: its clock, nodes, load and failures.\n\nAvailable Commands:\n");
    for (const [n, e] of subs) io.out.write(`  ${n.slice(4).padEnd(width)}${e.short}\n`);
    io.out.write('\nUsage:\n  kubesim sim COMMAND [options]\n\nUse "kubesim sim <command> --help" for more information about a command.\n');
    return 0;
  },
});
