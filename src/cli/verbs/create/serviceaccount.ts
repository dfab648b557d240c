// kubectl create serviceaccount NAME (create_serviceaccount.go): server errors are wrapped as
// `error: failed to create serviceaccount: serviceaccounts "robot" already exists`.

import { defineVerb } from "../../verb";
import { trackArgsLenAtDash } from "../../generators/args-at-dash";
import { buildServiceAccount } from "../../generators/serviceaccount";
import { createGenerated, defineGeneratorFlags, type GeneratorFlags, generatorOptions, type GeneratorOptions, sortOptions } from "../../generators/output";

const VERB = "create serviceaccount";

export default defineVerb<GeneratorFlags, GeneratorOptions>({
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
  complete: (flags, args, env) => generatorOptions(flags, args, env, VERB),
  validate() {},
  run(o, cluster, io) {
    const sa = buildServiceAccount(o.name, o.explicitNamespace ? o.namespace : undefined);
    io.out.write(createGenerated(cluster?.api, sa, o, "failed to create serviceaccount: "));
    return 0;
  },
});
