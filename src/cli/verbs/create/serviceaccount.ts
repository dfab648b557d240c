// kubectl create serviceaccount NAME (create_serviceaccount.go): server errors are wrapped as
// `error: failed to create serviceaccount: serviceaccounts "robot" already exists`.

import { defineVerb } from "../../verb";
import type { DryRun } from "../../flags/dry-run";
import { parseDryRun } from "../../flags/dry-run";
import type { OutputFormat } from "../../flags/output";
import { parseOutput } from "../../flags/output";
import { argsBeforeDash, trackArgsLenAtDash } from "../../generators/args-at-dash";
import { buildServiceAccount } from "../../generators/serviceaccount";
import { createGenerated, defineGeneratorFlags, exactlyOneName, sortOptions } from "../../generators/output";

interface Flags {
  dryRun?: string | boolean;
  output?: string;
  saveConfig?: boolean;
  argsLenAtDash?: number;
}

interface Options {
  name: string;
  dryRun: DryRun;
  output: OutputFormat;
  saveConfig: boolean;
  namespace: string;
  explicitNamespace: boolean;
}

const VERB = "create serviceaccount";

export default defineVerb<Flags, Options>({
  name: VERB,
  help: {
    short: "Create a service account with the specified name",
    long: "Create a service account with the specified name.",
    aliases: ["serviceaccount", "sa"],
    example: "  # Create a new service account named my-service-account\n  kubectl create serviceaccount my-service-account",
    usage: "create serviceaccount NAME [--dry-run=server|client|none] [options]",
  },
  define(cmd) {
    defineGeneratorFlags(cmd, "kubectl-create");
    trackArgsLenAtDash(cmd);
    sortOptions(cmd);
  },
  complete(flags, args, env) {
    const before = argsBeforeDash(args, flags.argsLenAtDash);
    if (before !== 1) throw exactlyOneName(before, VERB);
    return {
      name: args[0],
      dryRun: parseDryRun(flags.dryRun),
      output: parseOutput(flags.output),
      saveConfig: Boolean(flags.saveConfig),
      namespace: env.namespace,
      explicitNamespace: env.explicitNamespace,
    };
  },
  validate() {},
  run(o, cluster, io) {
    const sa = buildServiceAccount(o.name, o.explicitNamespace ? o.namespace : undefined);
    io.out.write(createGenerated(cluster?.api, sa, o, "failed to create serviceaccount: "));
    return 0;
  },
});
