// kubectl config get-contexts [NAME...] [-o name] [--no-headers]: the contexts table, sorted by
// name, `*` marking the current one; names that do not exist are errors after the table.

import { defineVerb } from "../../verb";
import { UsageError } from "../../../api/errors";
import { readKubeconfig } from "../../../state/kubeconfig";
import { tabwrite, TABLE_WRITER } from "../../../printers/tabwriter";
import { noHeadersOption } from "../../flags/output";

interface Flags {
  noHeaders?: boolean;
  output?: string;
}

export interface GetContextsOptions {
  readonly names: readonly string[];
  readonly nameOnly: boolean;
  readonly noHeaders: boolean;
}

export default defineVerb<Flags, GetContextsOptions>({
  name: "config get-contexts",
  help: {
    short: "Describe one or many contexts",
    long: "Display one or many contexts from the kubeconfig file.",
    example:
      "  # List all the contexts in your kubeconfig file\n  kubectl config get-contexts\n  \n  # Describe one context in your kubeconfig file\n  kubectl config get-contexts my-context",
    usage: "config get-contexts [(-o|--output=)name)] [options]",
  },
  needsCluster: false,
  define(cmd) {
    cmd.addOption(noHeadersOption());
    cmd.option("-o, --output <format>", "Output format. One of: (name).");
    cmd.argument("[names...]");
  },
  complete(flags, args) {
    const output = flags.output ?? "";
    if (output !== "" && output !== "name") {
      throw new UsageError(`--output ${output} is not available in kubectl config get-contexts; resetting to default output format`);
    }
    return { names: [...args], nameOnly: output === "name", noHeaders: Boolean(flags.noHeaders) };
  },
  validate() {},
  run(o, _cluster, io, env) {
    const cfg = readKubeconfig(env.statePath);
    const byName = new Map(cfg.contexts.map((c) => [c.name, c]));
    const missing = o.names.filter((n) => !byName.has(n));
    const shown = (o.names.length === 0 ? [...byName.keys()] : o.names.filter((n) => byName.has(n))).sort();
    if (o.nameOnly) {
      io.out.write(shown.map((n) => `${n}\n`).join(""));
    } else {
      const lines = o.noHeaders ? [] : ["CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n"];
      for (const n of shown) {
        const c = byName.get(n)!.context;
        const mark = n === cfg["current-context"] ? "*" : "";
        lines.push(`${mark}\t${n}\t${c.cluster ?? ""}\t${c.user ?? ""}\t${c.namespace ?? ""}\n`);
      }
      io.out.write(tabwrite(lines.join(""), TABLE_WRITER));
    }
    // one error prints as "error: …"; an aggregate of several prints each bare (kubectl's MultipleErrors)
    const prefix = missing.length === 1 ? "error: " : "";
    for (const n of missing) io.err.write(`${prefix}context ${n} not found\n`);
    return missing.length > 0 ? 1 : 0;
  },
});
