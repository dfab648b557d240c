// kubesim sim node: lists the node verbs (add, delete, fail, recover, static-dir).

import { defineVerb } from "../../verb";
import { VERBS } from "../../verb-table";

export default defineVerb<object, object>({
  name: "sim node",
  help: {
    short: "Add, delete, fail or recover simulated nodes",
    long: "Add, delete, fail or recover the simulated cluster's nodes, or find a node's static pod folder.",
    example: "  kubesim sim node add kubesim-worker3 --cpu 8 --memory 16Gi\n  kubesim sim node fail kubesim-worker",
    usage: "sim node COMMAND NAME [options]",
  },
  needsCluster: false,
  define(cmd) {
    cmd.argument("[args...]");
  },
  complete: () => ({}),
  validate() {},
  run(_o, _c, io) {
    const subs = Object.entries(VERBS).filter(([n]) => n.startsWith("sim node "));
    const width = Math.max(...subs.map(([n]) => n.length - 9)) + 3;
    io.out.write("Add, delete, fail or recover the simulated cluster's nodes.\n\nAvailable Commands:\n");
    for (const [n, e] of subs) io.out.write(`  ${n.slice(9).padEnd(width)}${e.short}\n`);
    io.out.write('\nUsage:\n  kubesim sim node COMMAND NAME [options]\n\nUse "kubesim sim node <command> --help" for more information about a command.\n');
    return 0;
  },
});
