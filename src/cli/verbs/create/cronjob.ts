// kubectl create cronjob NAME --image=IMAGE --schedule=SCHEDULE [--restart=POLICY] [-- COMMAND args]
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_cronjob.go, v1.32). --restart and
// --schedule are not checked here: the API server's validation rejects bad values.

import { defineVerb } from "../../verb";
import { trackArgsLenAtDash } from "../../generators/args-at-dash";
import { parseValidate } from "../../manifests/validate-flag";
import { buildCronJob } from "../../generators/job";
import { createGenerated, defineGeneratorFlags, type GeneratorFlags, generatorOptions, type GeneratorOptions, requiredFlag, sortOptions } from "../../generators/output";

interface Flags extends GeneratorFlags {
  validate?: string | boolean;
  image?: string;
  schedule?: string;
  restart?: string;
}

interface Options extends GeneratorOptions {
  image: string;
  schedule: string;
  restart: string;
  command: string[];
}

const VERB = "create cronjob";

export default defineVerb<Flags, Options>({
  name: VERB,
  help: {
    short: "Create a cron job with the specified name",
    long: "Create a cron job with the specified name.",
    aliases: ["cronjob", "cj"],
    example: `  # Create a cron job
  kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *"
  
  # Create a cron job with a command
  kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date`,
    usage: "create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [flags] [options]",
  },
  define(cmd) {
    defineGeneratorFlags(cmd, "kubectl-create");
    cmd.option("--image <image>", "Image name to run.");
    cmd.option("--restart <policy>", "job's restart policy. supported values: OnFailure, Never");
    cmd.option("--schedule <schedule>", "A schedule in the Cron format the job should be run with.");
    trackArgsLenAtDash(cmd);
    sortOptions(cmd);
  },
  complete(flags, args, env) {
    // cobra checks required flags before Complete runs, so they outrank a missing NAME.
    const missing = (["image", "schedule"] as const).filter((f) => flags[f] === undefined);
    if (missing.length > 0) throw requiredFlag(...missing);
    const common = generatorOptions(flags, args, env, VERB);
    parseValidate(flags.validate); // checked as Complete checks it; a built object has no unknown fields
    return {
      ...common,
      image: flags.image!,
      schedule: flags.schedule!,
      restart: flags.restart || "OnFailure",
      command: args.slice(1),
    };
  },
  validate() {},
  run(o, cluster, io) {
    const cronJob = buildCronJob({ ...o, namespace: o.explicitNamespace ? o.namespace : undefined });
    io.out.write(createGenerated(cluster?.api, cronJob, o, "failed to create cronjob: "));
    return 0;
  },
});
