// kubectl rollout: with no sub-command kubectl prints its help to stdout and exits 1
// (cmdutil.DefaultSubCommandRun(streams.Out)); an unknown sub-command is a usage error.

import { defineVerb } from "../../verb";
import { runSubcommandGroup } from "../subcommand-group";
import { VERBS } from "../../verb-table";

const LONG = `Manage the rollout of one or many resources.
        
 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets`;

const EXAMPLE = `  # Rollback to the previous deployment
  kubectl rollout undo deployment/abc
  
  # Check the rollout status of a daemonset
  kubectl rollout status daemonset/foo
  
  # Restart a deployment
  kubectl rollout restart deployment/abc
  
  # Restart deployments with the 'app=nginx' label
  kubectl rollout restart deployment --selector=app=nginx`;

interface Options {
  args: string[];
}

export default defineVerb<object, Options>({
  name: "rollout",
  help: { short: "Manage the rollout of a resource", long: LONG, example: EXAMPLE, usage: "rollout SUBCOMMAND [options]" },
  needsCluster: false,
  define(cmd) {
    cmd.argument("[args...]");
  },
  complete: (_flags, args) => ({ args: [...args] }),
  validate() {},
  run: (o, _c, io) => runSubcommandGroup("rollout", o.args, rolloutHelp(), io, "out"),
});

/** kubectl's `rollout` help: long text, examples, the sub-commands sorted by name, usage. */
export function rolloutHelp(): string {
  const subs = Object.entries(VERBS)
    .filter(([n]) => n.startsWith("rollout "))
    .map(([n, e]) => [n.slice("rollout ".length), e.short] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const width = Math.max(...subs.map(([n]) => n.length)) + 3;
  // kubectl pads the names to 14 columns here (measured against kubectl v1.32).
  const pad = Math.max(width, 14);
  return (
    `${LONG}\n\nExamples:\n${EXAMPLE}\n\nAvailable Commands:\n` +
    subs.map(([n, s]) => `  ${n.padEnd(pad)}${s}\n`).join("") +
    '\nUsage:\n  kubectl rollout SUBCOMMAND [options]\n\nUse "kubectl rollout <command> --help" for more information about a given command.\n' +
    'Use "kubectl options" for a list of global command-line options (applies to all commands).\n'
  );
}
