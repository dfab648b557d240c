// kubectl config: lists the config subcommands kubesim answers (kubectl prints its help).

import { defineVerb } from "../../verb";
import { VERBS } from "../../verb-table";

const LONG = `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 kubesim keeps its kubeconfig beside the state file; the contexts in it choose the namespace commands default to.`;

export default defineVerb<object, object>({
  name: "config",
  help: {
    short: "Modify kubeconfig files",
    long: LONG,
    example: "",
    usage: "config SUBCOMMAND [options]",
  },
  needsCluster: false,
  define(cmd) {
    cmd.argument("[args...]");
  },
  complete: () => ({}),
  validate() {},
  run(_o, _c, io) {
    const subs = Object.entries(VERBS).filter(([n]) => n.startsWith("config "));
    const width = Math.max(...subs.map(([n]) => n.length - "config ".length)) + 3;
    io.out.write(`${LONG}\n\nAvailable Commands:\n`);
    for (const [n, e] of subs) io.out.write(`  ${n.slice("config ".length).padEnd(width)}${e.short}\n`);
    io.out.write('\nUsage:\n  kubectl config SUBCOMMAND [options]\n\nUse "kubectl config <command> --help" for more information about a given command.\n');
    io.out.write('Use "kubectl options" for a list of global command-line options (applies to all commands).\n');
    return 0;
  },
});
