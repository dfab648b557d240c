// kubectl set image (-f FILENAME | TYPE NAME) CONTAINER=IMAGE ... (staging/src/k8s.io/kubectl/
// pkg/cmd/set/set_image.go): `*` names every container; init containers are matched too.

import { defineVerb } from "../../verb";
import { RawError, UsageError } from "../../../api/errors";
import { parseDryRun } from "../../flags/dry-run";
import { filenameOptions } from "../../flags/filename";
import { parseOutput } from "../../flags/output";
import { splitResourcesAndPairs } from "../../flags/metadata-args";
import { sortOptions } from "../../generators/output";
import type { SetFlags, SetTargets } from "./run";
import { defineRecordFlag, defineSetFlags, RECORD_DEPRECATED, rejectLocal, runSet, setTargets } from "./run";
import type { ContainerLike } from "./pod-template";

interface Options extends SetTargets {
  readonly images: ReadonlyMap<string, string>;
  readonly record: boolean;
}

export default defineVerb<SetFlags, Options>({
  name: "set image",
  help: {
    short: "Update the image of a pod template",
    long: `Update existing container image(s) of resources.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
    example: `  # Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'
  kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1
  
  # Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'
  kubectl set image deployments,rc nginx=nginx:1.9.1 --all
  
  # Update image of all containers of daemonset abc to 'nginx:1.9.1'
  kubectl set image daemonset abc *=nginx:1.9.1
  
  # Print result (in yaml format) of updating nginx container image from local file, without hitting the server
  kubectl set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml`,
    usage: "set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]",
  },
  define(cmd) {
    defineSetFlags(cmd, {
      all: "Select all resources, in the namespace of the specified resource types",
      selector: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
      filename: "Filename, directory, or URL to files identifying the resource to get from a server.",
      local: "If true, set image will NOT contact api-server but run locally.",
    });
    defineRecordFlag(cmd);
    sortOptions(cmd);
  },
  complete(flags, args, env) {
    rejectLocal(flags);
    const { resources, pairs } = splitResourcesAndPairs(args, "image");
    const images = new Map<string, string>();
    const invalid: string[] = [];
    for (const pair of pairs) {
      // cmdutil.ParsePairs: NAME=IMAGE (an empty image is allowed), anything else is listed as invalid
      const eq = pair.indexOf("=");
      if (eq <= 0) invalid.push(pair);
      else images.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    if (invalid.length > 0) throw new UsageError(`invalid image format: ${invalid.join(", ")}`);
    const all = Boolean(flags.all);
    const selector = flags.selector ?? "";
    return {
      query: { args: resources, selector, all, allNamespaces: false, namespace: env.namespace },
      files: filenameOptions(flags),
      dryRun: parseDryRun(flags.dryRun),
      output: parseOutput(flags.output),
      images,
      record: flags.record !== undefined,
    };
  },
  validate(o) {
    const problems: string[] = [];
    if (o.query.all && o.query.selector !== "") problems.push("cannot set --all and --selector at the same time");
    if (o.query.args.length < 1 && o.files.filenames.length === 0) problems.push("one or more resources must be specified as <resource> <name> or <resource>/<name>");
    if (o.images.size < 1) problems.push("at least one image update is required");
    else if (o.images.size > 1 && o.images.has("*")) {
      problems.push("all containers are already specified by *, but saw more than one container_name=container_image pairs");
    }
    if (problems.length === 1) throw new UsageError(problems[0]);
    if (problems.length > 1) throw new RawError(problems.join("\n"));
  },
  run(o, cluster, io, env) {
    if (o.record) io.err.write(RECORD_DEPRECATED);
    const objects = setTargets(cluster!, o, env);
    const words = { operation: "image updated", failure: "failed to patch image update to pod template: " };
    return runSet(objects, o, words, cluster!, io, (_obj, spec, errors) => {
      for (const [name, image] of o.images) {
        const foundInit = setImage(spec.initContainers, name, image);
        const found = setImage(spec.containers, name, image);
        if (!found && !foundInit) errors.push(new RawError(`error: unable to find container named ${JSON.stringify(name)}`));
      }
    });
  },
});

function setImage(containers: ContainerLike[] | undefined, name: string, image: string): boolean {
  let found = false;
  for (const c of containers ?? []) {
    if (c.name === name || name === "*") {
      found = true;
      c.image = image;
    }
  }
  return found;
}
