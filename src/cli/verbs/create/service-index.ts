// kubectl create service (alias svc): lists its sub-verbs, one per Service type.

import { defineVerb } from "../../verb";
import { VERBS } from "../../verb-table";
import { runSubcommandGroup } from "../subcommand-group";

export default defineVerb<object, { args: string[] }>({
  name: "create service",
  help: {
    short: "Create a service using a specified subcommand",
    long: "Create a service using a specified subcommand.",
    example: "",
    aliases: ["service", "svc"],
    usage: "create service [flags] [options]",
  },
  needsCluster: false,
  define(cmd) {
    cmd.argument("[args...]");
  },
  complete: (_flags, args) => ({ args: [...args] }),
  validate() {},
  run: (o, _c, io) => runSubcommandGroup("create service", o.args, serviceHelp(), io, "err"),
});

function serviceHelp(): string {
  const subs = Object.entries(VERBS).filter(([n]) => n.startsWith("create service "));
  let out = "Create a service using a specified subcommand.\n\nAliases:\nservice, svc\n\nAvailable Commands:\n";
  for (const [n, e] of subs) out += `  ${n.slice(15).padEnd(15)}${e.short}\n`;
  return (
    out +
    '\nUsage:\n  kubectl create service [flags] [options]\n\nUse "kubectl create service <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n'
  );
}
