// kubectl set: lists its sub-commands as kubectl does (staging/src/k8s.io/kubectl/pkg/cmd/set/
// set.go). kubesim answers image, env and resources; selector, serviceaccount and subject are
// listed because kubectl lists them, and say so when run.

import { defineVerb } from "../../verb";
import { runSubcommandGroup } from "../subcommand-group";

const LONG = `Configure application resources.

 These commands help you make changes to existing application resources.`;

const SUBCOMMANDS: readonly [string, string][] = [
  ["env", "Update environment variables on a pod template"],
  ["image", "Update the image of a pod template"],
  ["resources", "Update resource requests/limits on objects with pod templates"],
  ["selector", "Set the selector on a resource"],
  ["serviceaccount", "Update the service account of a resource"],
  ["subject", "Update the user, group, or service account in a role binding or cluster role binding"],
];

export default defineVerb<object, { args: string[] }>({
  name: "set",
  help: { short: "Set specific features on objects", long: LONG, example: "", usage: "set SUBCOMMAND [options]" },
  needsCluster: false,
  define(cmd) {
    cmd.argument("[args...]");
  },
  complete: (_flags, args) => ({ args: [...args] }),
  validate() {},
  run: (o, _c, io) => runSubcommandGroup("set", o.args, setHelp(), io, "err"),
});

/** cobra's help for a command with sub-commands only (`kubectl set` prints it). */
export function setHelp(): string {
  const width = Math.max(...SUBCOMMANDS.map(([n]) => n.length)) + 3;
  let out = `${LONG}\n\nAvailable Commands:\n`;
  for (const [n, s] of SUBCOMMANDS) out += `  ${n.padEnd(width)}${s}\n`;
  out += '\nUsage:\n  kubectl set SUBCOMMAND [options]\n\nUse "kubectl set <command> --help" for more information about a given command.\n';
  out += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return out;
}
