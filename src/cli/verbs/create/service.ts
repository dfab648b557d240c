// kubectl create service clusterip|nodeport|loadbalancer|externalname NAME [--tcp=port:target]
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_service.go, v1.32): one verb per type,
// built here; the per-type files only choose the type. The object comes from
// generators/service.ts; server errors read `failed to create <Type> service: …`.

import { Option } from "commander";
import { defineVerb } from "../../verb";
import { UsageError } from "../../../api/errors";
import { isDNS1123Subdomain } from "../../../api/validation/dns";
import type { DryRun } from "../../flags/dry-run";
import { parseDryRun } from "../../flags/dry-run";
import type { OutputFormat } from "../../flags/output";
import { parseOutput } from "../../flags/output";
import { buildService, type ServiceType } from "../../generators/service";
import { collect, createGenerated, defineGeneratorFlags, exactlyOneName, parseIntFlag, requiredFlag, sortOptions } from "../../generators/output";

interface Flags {
  tcp: string[];
  clusterip?: string;
  nodePort?: string | number;
  externalName?: string;
  dryRun?: string | boolean;
  output?: string;
  saveConfig?: boolean;
}

interface Options {
  name: string;
  tcp: string[];
  clusterIP: string;
  nodePort: number;
  externalName: string;
  dryRun: DryRun;
  output: OutputFormat;
  saveConfig: boolean;
  namespace: string;
  explicitNamespace: boolean;
}

interface TypeHelp {
  readonly sub: string;
  readonly short: string;
  readonly long: string;
  readonly example: string;
  readonly usage: string;
}

const HELP: Record<ServiceType, TypeHelp> = {
  ClusterIP: {
    sub: "clusterip",
    short: "Create a ClusterIP service",
    long: "Create a ClusterIP service with the specified name.",
    example: `  # Create a new ClusterIP service named my-cs
  kubectl create service clusterip my-cs --tcp=5678:8080
  
  # Create a new ClusterIP service named my-cs (in headless mode)
  kubectl create service clusterip my-cs --clusterip="None"`,
    usage: "create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]",
  },
  NodePort: {
    sub: "nodeport",
    short: "Create a NodePort service",
    long: "Create a NodePort service with the specified name.",
    example: `  # Create a new NodePort service named my-ns
  kubectl create service nodeport my-ns --tcp=5678:8080`,
    usage: "create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]",
  },
  LoadBalancer: {
    sub: "loadbalancer",
    short: "Create a LoadBalancer service",
    long: "Create a LoadBalancer service with the specified name.",
    example: `  # Create a new LoadBalancer service named my-lbs
  kubectl create service loadbalancer my-lbs --tcp=5678:8080`,
    usage: "create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]",
  },
  ExternalName: {
    sub: "externalname",
    short: "Create an ExternalName service",
    long: `Create an ExternalName service with the specified name.

 ExternalName service references to an external DNS address instead of only pods, which will allow application authors to reference services that exist off platform, on other clusters, or locally.`,
    example: `  # Create a new ExternalName service named my-ns
  kubectl create service externalname my-ns --external-name bar.com`,
    usage: "create service externalname NAME --external-name external.name [--dry-run=server|client|none] [options]",
  },
};

export function serviceVerb(type: ServiceType) {
  const help = HELP[type];
  const verb = `create service ${help.sub}`;
  return defineVerb<Flags, Options>({
    name: verb,
    help: { short: help.short, long: help.long, example: help.example, usage: help.usage },
    define(cmd) {
      defineGeneratorFlags(cmd, "kubectl-create");
      cmd.option("--tcp <port:targetPort>", "Port pairs can be specified as '<port>:<targetPort>'.", collect, []);
      if (type === "ClusterIP") cmd.option("--clusterip <ip>", "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing).", "");
      if (type === "NodePort") cmd.addOption(new Option("--node-port <port>", "Port used to expose the service on each node in a cluster.").default(0));
      if (type === "ExternalName") cmd.option("--external-name <name>", "External name of service", "");
      cmd.argument("[name...]");
      sortOptions(cmd);
    },
    complete(flags, args, env) {
      if (args.length !== 1) throw exactlyOneName(args.length, verb);
      if (type === "ExternalName" && !flags.externalName) throw requiredFlag("external-name");
      return {
        name: args[0],
        // --tcp is a string slice: commas split it as pflag does.
        tcp: flags.tcp.flatMap((t) => t.split(",")).filter((t) => t !== ""),
        clusterIP: flags.clusterip ?? "",
        nodePort: parseIntFlag(flags.nodePort, "--node-port", 0, verb),
        externalName: flags.externalName ?? "",
        dryRun: parseDryRun(flags.dryRun),
        output: parseOutput(flags.output),
        saveConfig: Boolean(flags.saveConfig),
        namespace: env.namespace,
        explicitNamespace: env.explicitNamespace,
      };
    },
    validate(o) {
      if (o.clusterIP === "None" && type !== "ClusterIP") throw new UsageError("ClusterIP=None can only be used with ClusterIP service type");
      if (o.clusterIP !== "None" && o.tcp.length === 0 && type !== "ExternalName") throw new UsageError("at least one tcp port specifier must be provided");
      if (type === "ExternalName" && isDNS1123Subdomain(o.externalName).length > 0) throw new UsageError(`invalid service external name ${o.externalName}`);
    },
    run(o, cluster, io) {
      const svc = buildService({
        name: o.name,
        type,
        tcp: o.tcp,
        clusterIP: o.clusterIP || undefined,
        nodePort: o.nodePort || undefined,
        externalName: o.externalName || undefined,
        namespace: o.explicitNamespace ? o.namespace : undefined,
      });
      io.out.write(createGenerated(cluster?.api, svc, o, `failed to create ${type} service: `));
      return 0;
    },
  });
}
