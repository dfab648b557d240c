// kubectl set resources (-f FILENAME | TYPE NAME) --limits=cpu=200m,memory=512Mi
// --requests=... [-c CONTAINERS] (staging/src/k8s.io/kubectl/pkg/cmd/set/set_resources.go).

import { defineVerb } from "../../verb";
import { RawError, UsageError } from "../../../api/errors";
import { formatQuantity, parseQuantity } from "../../../api/quantity";
import { parseDryRun } from "../../flags/dry-run";
import { filenameOptions } from "../../flags/filename";
import { parseOutput } from "../../flags/output";
import { sortOptions } from "../../generators/output";
import type { SetFlags, SetTargets } from "./run";
import { defineRecordFlag, defineSetFlags, RECORD_DEPRECATED, rejectLocal, runSet, setTargets } from "./run";
import { selectContainers } from "./pod-template";

interface Flags extends SetFlags {
  containers?: string;
  limits?: string;
  requests?: string;
}

type ResourceList = Record<string, string>;

interface Options extends SetTargets {
  readonly containers: string;
  readonly limitsText: string;
  readonly requestsText: string;
  readonly record: boolean;
}

const QUANTITY_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

export default defineVerb<Flags, Options>({
  name: "set resources",
  help: {
    short: "Update resource requests/limits on objects with pod templates",
    long: `Specify compute resource requirements (CPU, memory) for any resource that defines a pod template.  If a pod is successfully scheduled, it is guaranteed the amount of resource requested, but may burst up to its specified limits.

 For each compute resource, if a limit is specified and a request is omitted, the request will default to the limit.

 Possible resources include (case insensitive): Use "kubectl api-resources" for a complete list of supported resources..`,
    example: `  # Set a deployments nginx container cpu limits to "200m" and memory to "512Mi"
  kubectl set resources deployment nginx -c=nginx --limits=cpu=200m,memory=512Mi
  
  # Set the resource request and limits for all containers in nginx
  kubectl set resources deployment nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi
  
  # Remove the resource requests for resources on containers in nginx
  kubectl set resources deployment nginx --limits=cpu=0,memory=0 --requests=cpu=0,memory=0
  
  # Print the result (in yaml format) of updating nginx container limits from a local, without hitting the server
  kubectl set resources -f path/to/file.yaml --limits=cpu=200m,memory=512Mi --local -o yaml`,
    usage: "set resources (-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS] [options]",
  },
  define(cmd) {
    defineSetFlags(cmd, {
      all: "Select all resources, in the namespace of the specified resource types",
      selector: "Selector (label query) to filter on, not including uninitialized ones,supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)",
      filename: "Filename, directory, or URL to files identifying the resource to get from a server.",
      local: "If true, set resources will NOT contact api-server but run locally.",
    });
    cmd.option("-c, --containers <names>", "The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards", "*");
    cmd.option("--limits <list>", "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.", "");
    cmd.option("--requests <list>", "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.", "");
    defineRecordFlag(cmd);
    sortOptions(cmd);
  },
  complete(flags, args, env) {
    rejectLocal(flags);
    return {
      query: { args: [...args], selector: flags.selector ?? "", all: Boolean(flags.all), allNamespaces: false, namespace: env.namespace },
      files: filenameOptions(flags),
      dryRun: parseDryRun(flags.dryRun),
      output: parseOutput(flags.output),
      containers: flags.containers ?? "*",
      limitsText: flags.limits ?? "",
      requestsText: flags.requests ?? "",
      record: flags.record !== undefined,
    };
  },
  validate(o) {
    if (o.query.all && o.query.selector !== "") throw new UsageError("cannot set --all and --selector at the same time");
    if (o.limitsText === "" && o.requestsText === "") throw new UsageError("you must specify an update to requests or limits (in the form of --requests/--limits)");
    parseResourceList(o.limitsText);
    parseResourceList(o.requestsText);
  },
  run(o, cluster, io, env) {
    if (o.record) io.err.write(RECORD_DEPRECATED);
    const limits = parseResourceList(o.limitsText);
    const requests = parseResourceList(o.requestsText);
    const objects = setTargets(cluster!, o, env);
    const words = { operation: "resource requirements updated", failure: "failed to patch resources update to pod template " };
    return runSet(objects, o, words, cluster!, io, (_obj, spec, errors) => {
      const containers = selectContainers(spec, o.containers);
      if (containers.length === 0) {
        errors.push(new RawError(`error: unable to find container named ${o.containers}`));
        return false;
      }
      for (const c of containers) {
        const resources = { ...(c.resources ?? {}) };
        if (limits) resources.limits = { ...(resources.limits ?? {}), ...limits };
        if (requests) resources.requests = { ...(resources.requests ?? {}), ...requests };
        c.resources = resources;
      }
      return true;
    });
  },
});

/**
 * populateResourceListV1: `cpu=200m,memory=512Mi` → canonical quantities (what the server would
 * store: `0.5` is `500m`, `1024Mi` is `1Gi`); "" means "not given".
 */
function parseResourceList(spec: string): ResourceList | undefined {
  if (spec === "") return undefined;
  const out: ResourceList = {};
  for (const statement of spec.split(",")) {
    const parts = statement.split("=");
    if (parts.length !== 2) throw new UsageError(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    const value = parseQuantity(parts[1]);
    if (value === undefined || parts[1].trim() !== parts[1]) throw new UsageError(QUANTITY_ERROR);
    out[parts[0]] = formatQuantity(value, /[KMGTPE]i$/.test(parts[1]) ? "BinarySI" : "DecimalSI");
  }
  return out;
}
