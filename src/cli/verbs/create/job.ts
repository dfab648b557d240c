// kubectl create job NAME (--image=IMAGE [-- COMMAND args] | --from=cronjob/NAME)
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_job.go, v1.32).

import { defineVerb } from "../../verb";
import { UsageError } from "../../../api/errors";
import type { KubeObject } from "../../../api/types";
import type { ApiServer } from "../../../api/server";
import { trackArgsLenAtDash } from "../../generators/args-at-dash";
import { parseValidate } from "../../manifests/validate-flag";
import { buildJob, createJobFromCronJob } from "../../generators/job";
import { findTargets } from "../../generators/targets";
import { createGenerated, defineGeneratorFlags, type GeneratorFlags, generatorOptions, type GeneratorOptions, sortOptions } from "../../generators/output";

interface Flags extends GeneratorFlags {
  validate?: string | boolean;
  image?: string;
  from?: string;
}

interface Options extends GeneratorOptions {
  image: string;
  from: string;
  command: string[];
}

const VERB = "create job";

export default defineVerb<Flags, Options>({
  name: VERB,
  help: {
    short: "Create a job with the specified name",
    long: "Create a job with the specified name.",
    example: `  # Create a job
  kubectl create job my-job --image=busybox
  
  # Create a job with a command
  kubectl create job my-job --image=busybox -- date
  
  # Create a job from a cron job named "a-cronjob"
  kubectl create job test-job --from=cronjob/a-cronjob`,
    usage: "create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]",
  },
  define(cmd) {
    defineGeneratorFlags(cmd, "kubectl-create");
    cmd.option("--image <image>", "Image name to run.");
    cmd.option("--from <resource>", "The name of the resource to create a Job from (only cronjob is supported).");
    trackArgsLenAtDash(cmd);
    sortOptions(cmd);
  },
  complete(flags, args, env) {
    const common = generatorOptions(flags, args, env, VERB);
    parseValidate(flags.validate); // checked as Complete checks it; a built object has no unknown fields
    return { ...common, image: flags.image ?? "", from: flags.from ?? "", command: args.slice(1) };
  },
  validate(o) {
    if ((o.image === "") === (o.from === "")) throw new UsageError("either --image or --from must be specified");
    if (o.command.length > 0 && o.from !== "") throw new UsageError("cannot specify --from and command");
  },
  run(o, cluster, io) {
    const namespace = o.explicitNamespace ? o.namespace : undefined;
    const job = o.image !== "" ? buildJob({ name: o.name, image: o.image, command: o.command, namespace }) : jobFromResource(cluster!.api, o, namespace);
    io.out.write(createGenerated(cluster?.api, job, o, "failed to create job: "));
    return 0;
  },
});

/** --from: the one object the resource builder finds (even with --dry-run=client), a CronJob. */
function jobFromResource(api: ApiServer, o: Options, namespace: string | undefined): KubeObject {
  const { objects, errors } = findTargets(api, { args: [o.from], selector: "", all: false, allNamespaces: false, namespace: o.namespace });
  if (errors.length > 0) throw errors[0];
  if (objects.length !== 1) throw new UsageError("from must be an existing cronjob");
  const [obj] = objects;
  // Go's %T of the typed object kubectl decoded, e.g. *v1.Deployment.
  if (obj.kind !== "CronJob") throw new UsageError(`unknown object type *${obj.apiVersion.split("/").pop()}.${obj.kind}`);
  return createJobFromCronJob(obj, o.name, namespace);
}
