// kubectl expose (TYPE NAME | TYPE/NAME) [--port] [--target-port] [--protocol] [--name] [--type]
// [--selector] [--labels] [--cluster-ip] [--external-ip] [--session-affinity] [--dry-run] [-o]
// (staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go, v1.32): the selector, ports, protocols
// and labels come from the exposed object unless given; the Service comes from
// generators/expose.ts. kubesim does not read -f for expose.

import { defineVerb } from "../verb";
import { UsageError } from "../../api/errors";
import type { KubeObject } from "../../api/types";
import type { DryRun } from "../flags/dry-run";
import { parseDryRun } from "../flags/dry-run";
import type { OutputFormat } from "../flags/output";
import { parseOutput } from "../flags/output";
import { defineGeneratorFlags, forServer, printGenerated, sortOptions, withLastApplied } from "../generators/output";
import { findTargets } from "../generators/targets";
import type { FilenameFlags, FilenameOptions } from "../flags/filename";
import { defineFilenameFlags, filenameOptions } from "../flags/filename";
import { canBeExposed, createService, mapBasedSelectorForObject, portsForObject, protocolsForObject } from "../generators/expose";

interface Flags extends FilenameFlags {
  port?: string;
  protocol?: string;
  targetPort?: string;
  name?: string;
  type?: string;
  selector?: string;
  labels?: string;
  clusterIp?: string;
  externalIp?: string;
  loadBalancerIp?: string;
  sessionAffinity?: string;
  dryRun?: string | boolean;
  output?: string;
  saveConfig?: boolean;
}

interface Options {
  args: string[];
  /** -f/-R: the objects the files name, in place of resource arguments. */
  files: FilenameOptions;
  flags: Flags;
  dryRun: DryRun;
  output: OutputFormat;
  saveConfig: boolean;
  namespace: string;
  explicitNamespace: boolean;
}

const USAGE_HINT = { hint: "See 'kubectl expose -h' for help and examples" };
/** validation.DNS1035LabelMaxLength: a longer object name is cut for the Service's name. */
const DNS1035_LABEL_MAX_LENGTH = 63;

export default defineVerb<Flags, Options>({
  name: "expose",
  help: {
    short: "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service",
    long: `Expose a resource as a new Kubernetes service.

 Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.

 Possible resources include (case insensitive):

 pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)`,
    example: `  # Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000
  kubectl expose rc nginx --port=80 --target-port=8000
  
  # Create a service for a replication controller identified by type and name specified in "nginx-controller.yaml", which serves on port 80 and connects to the containers on port 8000
  kubectl expose -f nginx-controller.yaml --port=80 --target-port=8000
  
  # Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"
  kubectl expose pod valid-pod --port=444 --name=frontend
  
  # Create a second service based on the above service, exposing the container port 8443 as port 443 with the name "nginx-https"
  kubectl expose service nginx --port=443 --target-port=8443 --name=nginx-https
  
  # Create a service for a replicated streaming application on port 4100 balancing UDP traffic and named 'video-stream'.
  kubectl expose rc streamer --port=4100 --protocol=UDP --name=video-stream
  
  # Create a service for a replicated nginx using replica set, which serves on port 80 and connects to the containers on port 8000
  kubectl expose rs nginx --port=80 --target-port=8000
  
  # Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000
  kubectl expose deployment nginx --port=80 --target-port=8000`,
    usage: "expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]",
  },
  define(cmd) {
    defineGeneratorFlags(cmd, "kubectl-expose", false);
    defineFilenameFlags(cmd, "Filename, directory, or URL to files identifying the resource to expose a service");
    cmd.option("--cluster-ip <ip>", "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service.", "");
    cmd.option("--external-ip <ip>", "Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.", "");
    cmd.option("-l, --labels <labels>", "Labels to apply to the service created by this call.", "");
    cmd.option("--load-balancer-ip <ip>", "IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).", "");
    cmd.option("--name <name>", "The name for the newly created object.", "");
    cmd.option("--port <port>", "The port that the service should serve on. Copied from the resource being exposed, if unspecified", "");
    cmd.option("--protocol <protocol>", "The network protocol for the service to be created. Default is 'TCP'.", "");
    cmd.option("--selector <selector>", "A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)", "");
    cmd.option("--session-affinity <affinity>", "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'", "");
    cmd.option("--target-port <port>", "Name or number for the port on the container that the service should direct traffic to. Optional.", "");
    cmd.option("--type <type>", "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'.", "");
    cmd.argument("[resources...]");
    sortOptions(cmd);
  },
  complete(flags, args, env) {
    return {
      args: [...args],
      files: filenameOptions(flags),
      flags,
      dryRun: parseDryRun(flags.dryRun),
      output: parseOutput(flags.output),
      saveConfig: Boolean(flags.saveConfig),
      namespace: env.namespace,
      explicitNamespace: env.explicitNamespace,
    };
  },
  validate(o) {
    if (o.args.length === 0 && o.files.filenames.length === 0) {
      throw new UsageError(
        "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    }
  },
  async run(o, cluster, io, env) {
    const api = cluster!.api;
    const query = { args: o.args, selector: "", all: false, allNamespaces: false, namespace: o.namespace };
    const { objects, errors } =
      o.files.filenames.length > 0
        ? (await import("../generators/file-targets")).fileTargets(api, { ...query, files: o.files, explicitNamespace: o.explicitNamespace, latest: false }, env)
        : findTargets(api, query);
    if (errors.length > 0) throw errors[0];
    for (const obj of objects) {
      let svc = serviceFor(obj, o);
      if (o.dryRun === "client") {
        if (o.explicitNamespace) svc.metadata.namespace = o.namespace;
        io.out.write(printGenerated(svc, o.output, o.dryRun, "exposed"));
        continue;
      }
      if (o.saveConfig) svc = withLastApplied(svc);
      const sent = forServer(svc);
      sent.metadata.namespace = o.namespace;
      svc = api.create(sent, { dryRun: o.dryRun === "server" });
      io.out.write(printGenerated(svc, o.output, o.dryRun, "exposed"));
    }
    return 0;
  },
});

/** RunExpose's visitor for one object: introspect what was not given, then createService. */
function serviceFor(obj: KubeObject, o: Options): KubeObject {
  const f = o.flags;
  canBeExposed(obj);
  let selector = f.selector ?? "";
  if (selector === "") {
    try {
      selector = mapBasedSelectorForObject(obj);
    } catch (err) {
      throw new UsageError(`couldn't retrieve selectors via --selector flag or introspection: ${(err as Error).message}`, USAGE_HINT);
    }
  }
  let port = f.port ?? "";
  let ports = "";
  if (port === "") {
    const found = portsForObject(obj);
    if (found.length === 0 && f.clusterIp !== "None") throw new UsageError("couldn't find port via --port flag or introspection", USAGE_HINT);
    if (found.length === 1) port = found[0];
    else ports = found.join(",");
  }
  return createService({
    name: f.name || (obj.metadata.name ?? "").slice(0, DNS1035_LABEL_MAX_LENGTH),
    selector,
    labels: f.labels || Object.entries(obj.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(","),
    port,
    ports,
    protocol: f.protocol ?? "",
    protocols: protocolsForObject(obj),
    targetPort: f.targetPort ?? "",
    type: f.type ?? "",
    externalIP: f.externalIp ?? "",
    loadBalancerIP: f.loadBalancerIp ?? "",
    sessionAffinity: f.sessionAffinity ?? "",
    clusterIP: f.clusterIp ?? "",
  });
}
