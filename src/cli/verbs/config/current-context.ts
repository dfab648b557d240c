// kubectl config current-context: the current context's name (extra arguments are ignored, as
// kubectl ignores them).

import { defineVerb } from "../../verb";
import { UsageError } from "../../../api/errors";
import { readKubeconfig } from "../../../state/kubeconfig";

export default defineVerb<object, object>({
  name: "config current-context",
  help: {
    short: "Display the current-context",
    long: "Display the current-context.",
    example: "  # Display the current-context\n  kubectl config current-context",
    usage: "config current-context [flags] [options]",
  },
  needsCluster: false,
  define(cmd) {
    cmd.argument("[args...]");
  },
  complete: () => ({}),
  validate() {},
  run(_o, _cluster, io, env) {
    const current = readKubeconfig(env.statePath)["current-context"];
    if (!current) throw new UsageError("current-context is not set");
    io.out.write(`${current}\n`);
    return 0;
  },
});
