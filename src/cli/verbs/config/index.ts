// kubectl config: lists the config subcommands kubesim answers (kubectl prints its help).

import { defineVerb } from "../../verb";
import { VERBS } from "../../verb-table";
import { runSubcommandGroup } from "../subcommand-group";

const LONG = `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 kubesim keeps its kubeconfig beside the state file; the contexts in it choose the namespace commands default to.`;

export default defineVerb<object, { args: string[] }>({
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
  complete: (_flags, args) => ({ args: [...args] }),
  validate() {},
  run: (o, _c, io) => runSubcommandGroup("config", o.args, configHelp(), io, "err"),
});

function configHelp(): string {
  const subs = Object.entries(VERBS).filter(([n]) => n.startsWith("config "));
  const width = Math.max(...subs.map(([n]) => n.length - "config ".length)) + 3;
  let out = `${LONG}\n\nAvailable Commands:\n`;
  for (const [n, e] of subs) out += `  ${n.slice("config ".length).padEnd(width)}${e.short}\n`;
  out += '\nUsage:\n  kubectl config SUBCOMMAND [options]\n\nUse "kubectl config <command> --help" for more information about a given command.\n';
  return `${out}Use "kubectl options" for a list of global command-line options (applies to all commands).\n`;
}
