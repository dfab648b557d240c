// kubectl create deployment NAME --image=IMAGE... [--replicas=N] [--port=P] [-- COMMAND args]
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go).

import { Option } from "commander";
import { defineVerb } from "../../verb";
import { UsageError } from "../../../api/errors";
import { trackArgsLenAtDash } from "../../generators/args-at-dash";
import { buildDeployment } from "../../generators/deployment";
import { collectCsv, createGenerated, defineGeneratorFlags, type GeneratorFlags, generatorOptions, type GeneratorOptions, parseIntFlag, requiredFlag, sortOptions } from "../../generators/output";

interface Flags extends GeneratorFlags {
  image: string[];
  replicas?: string | number;
  port?: string | number;
}

interface Options extends GeneratorOptions {
  images: string[];
  replicas: number;
  port: number;
  command: string[];
}

const VERB = "create deployment";

export default defineVerb<Flags, Options>({
  name: VERB,
  help: {
    short: "Create a deployment with the specified name",
    long: "Create a deployment with the specified name.",
    example: `  # Create a deployment named my-dep that runs the busybox image
  kubectl create deployment my-dep --image=busybox
  
  # Create a deployment with a command
  kubectl create deployment my-dep --image=busybox -- date
  
  # Create a deployment named my-dep that runs the nginx image with 3 replicas
  kubectl create deployment my-dep --image=nginx --replicas=3
  
  # Create a deployment named my-dep that runs the busybox image and expose port 5701
  kubectl create deployment my-dep --image=busybox --port=5701
  
  # Create a deployment named my-dep that runs multiple containers
  kubectl create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx`,
    aliases: ["deployment", "deploy"],
    usage: "create deployment NAME --image=image -- [COMMAND] [args...] [options]",
  },
  define(cmd) {
    defineGeneratorFlags(cmd, "kubectl-create");
    cmd.option("--image <image>", "Image names to run. A deployment can have multiple images set for multi-container pod.", collectCsv, []);
    // Numeric defaults, so help shows `--port=-1` and `--replicas=1` as kubectl's int flags do.
    cmd.addOption(new Option("--port <port>", "The containerPort that this deployment exposes.").default(-1));
    cmd.addOption(new Option("-r, --replicas <n>", "Number of replicas to create. Default is 1.").default(1));
    trackArgsLenAtDash(cmd);
    sortOptions(cmd);
  },
  complete(flags, args, env) {
    const common = generatorOptions(flags, args, env, VERB);
    if (flags.image.length === 0) throw requiredFlag("image");
    return {
      ...common,
      images: flags.image,
      replicas: parseIntFlag(flags.replicas, "-r, --replicas", 1, VERB, 32),
      port: parseIntFlag(flags.port, "--port", -1, VERB, 32),
      command: args.slice(1),
    };
  },
  validate(o) {
    if (o.images.length > 1 && o.command.length > 0) throw new UsageError("cannot specify multiple --image options and command");
  },
  run(o, cluster, io) {
    const deploy = buildDeployment(
      { name: o.name, images: o.images, replicas: o.replicas, port: o.port, command: o.command, namespace: o.explicitNamespace ? o.namespace : undefined },
      cluster!.rng,
    );
    io.out.write(createGenerated(cluster?.api, deploy, o, "failed to create deployment: "));
    return 0;
  },
});
