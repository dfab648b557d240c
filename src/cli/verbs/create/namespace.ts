// kubectl create namespace NAME (create_namespace.go). Unlike the other generators, its
// server errors are not wrapped: `Error from server (AlreadyExists): namespaces "dev" already exists`.

import { defineVerb } from "../../verb";
import type { DryRun } from "../../flags/dry-run";
import { parseDryRun } from "../../flags/dry-run";
import type { OutputFormat } from "../../flags/output";
import { parseOutput } from "../../flags/output";
import { argsBeforeDash, trackArgsLenAtDash } from "../../generators/args-at-dash";
import { buildNamespace } from "../../generators/namespace";
import { defineGeneratorFlags, exactlyOneName, forServer, printGenerated, sortOptions, withLastApplied, type GeneratorFlags } from "../../generators/output";

interface Options {
  name: string;
  dryRun: DryRun;
  output: OutputFormat;
  saveConfig: boolean;
}

const VERB = "create namespace";

export default defineVerb<GeneratorFlags, Options>({
  name: VERB,
  help: {
    short: "Create a namespace with the specified name",
    long: "Create a namespace with the specified name.",
    aliases: ["namespace", "ns"],
    example: "  # Create a new namespace named my-namespace\n  kubectl create namespace my-namespace",
    usage: "create namespace NAME [--dry-run=server|client|none] [options]",
  },
  define(cmd) {
    defineGeneratorFlags(cmd, "kubectl-create");
    trackArgsLenAtDash(cmd);
    sortOptions(cmd);
  },
  complete(flags, args) {
    const before = argsBeforeDash(args, flags.argsLenAtDash);
    if (before !== 1) throw exactlyOneName(before, VERB);
    return { name: args[0], dryRun: parseDryRun(flags.dryRun), output: parseOutput(flags.output), saveConfig: Boolean(flags.saveConfig) };
  },
  validate() {},
  run(o, cluster, io) {
    let ns = buildNamespace(o.name);
    if (o.saveConfig) ns = withLastApplied(ns);
    if (o.dryRun !== "client") ns = cluster!.api.create(forServer(ns), { dryRun: o.dryRun === "server" });
    io.out.write(printGenerated(ns, o.output, o.dryRun));
    return 0;
  },
});
