// kubectl config use-context CONTEXT_NAME: `Switched to context "x".`

import { defineVerb } from "../../verb";
import { UsageError } from "../../../api/errors";
import { readKubeconfig, writeKubeconfig } from "../../../state/kubeconfig";

interface Options {
  readonly args: readonly string[];
}

const HELP = {
  short: "Set the current-context in a kubeconfig file",
  long: "Set the current-context in a kubeconfig file.\n\nAliases:\nuse-context, use",
  example: "  # Use the context for the minikube cluster\n  kubectl config use-context minikube",
  usage: "config use-context CONTEXT_NAME [options]",
};

export default defineVerb<object, Options>({
  name: "config use-context",
  help: HELP,
  needsCluster: false,
  define(cmd) {
    cmd.argument("[args...]");
  },
  complete: (_flags, args) => ({ args: [...args] }),
  validate() {},
  run(o, _cluster, io, env) {
    if (o.args.length !== 1) {
      // kubectl prints the command's help on stdout before the error
      io.out.write(`${HELP.long}\n\nExamples:\n${HELP.example}\n\nUsage:\n  kubectl ${HELP.usage}\n\n`);
      io.out.write('Use "kubectl options" for a list of global command-line options (applies to all commands).\n');
      throw new UsageError(`Unexpected args: [${o.args.join(" ")}]`);
    }
    const name = o.args[0];
    const cfg = readKubeconfig(env.statePath);
    if (!cfg.contexts.some((c) => c.name === name)) throw new UsageError(`no context exists with the name: "${name}"`);
    cfg["current-context"] = name;
    writeKubeconfig(env.statePath, cfg);
    io.out.write(`Switched to context "${name}".\n`);
    return 0;
  },
});
