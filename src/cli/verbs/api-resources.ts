// kubectl api-resources — port of staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiresources.go,
// answered from the registry (the discovery document kubesim serves).

import { defineVerb } from "../verb";
import { UsageError } from "../../api/errors";
import type { ResourceInfo } from "../../api/registry";
import { apiVersionOf, RESOURCES } from "../../api/registry";
import { tabwrite, TABLE_WRITER } from "../../printers/tabwriter";
import { noHeadersOption } from "../flags/output";

interface Flags {
  apiGroup?: string;
  cached?: boolean;
  categories?: string[];
  namespaced?: boolean;
  noHeaders?: boolean;
  output?: string;
  sortBy?: string;
  verbs?: string[];
}

export interface ApiResourcesOptions {
  readonly apiGroup: string;
  readonly categories: readonly string[];
  /** undefined when --namespaced was not given (no filtering). */
  readonly namespaced?: boolean;
  readonly noHeaders: boolean;
  readonly output: string;
  readonly sortBy: string;
  readonly verbs: readonly string[];
}

const EXAMPLE = `  # Print the supported API resources
  kubectl api-resources
  
  # Print the supported API resources with more information
  kubectl api-resources -o wide
  
  # Print the supported API resources sorted by a column
  kubectl api-resources --sort-by=name
  
  # Print the supported namespaced resources
  kubectl api-resources --namespaced=true
  
  # Print the supported non-namespaced resources
  kubectl api-resources --namespaced=false
  
  # Print the supported API resources with a specific APIGroup
  kubectl api-resources --api-group=rbac.authorization.k8s.io`;

const list = (v: string, prev: string[]): string[] => [...prev, ...v.split(",").filter((s) => s !== "")];

export default defineVerb<Flags, ApiResourcesOptions>({
  name: "api-resources",
  help: {
    short: "Print the supported API resources on the server",
    long: "Print the supported API resources on the server.",
    example: EXAMPLE,
    usage: "api-resources [flags] [options]",
  },
  define(cmd) {
    cmd.option("--api-group <group>", "Limit to resources in the specified API group.");
    cmd.option("--cached", "Use the cached list of resources if available.", false);
    cmd.option("--categories <categories>", "Limit to resources that belong to the specified categories.", list, [] as string[]);
    cmd.option(
      "--namespaced",
      "If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.",
      true,
    );
    // the default only documents the flag: an absent --namespaced must not filter (nsChanged)
    cmd.setOptionValueWithSource("namespaced", undefined, "default");
    cmd.option("--no-namespaced", "");
    cmd.addOption(noHeadersOption());
    cmd.option("-o, --output <format>", "Output format. One of: (wide, name).");
    cmd.option("--sort-by <field>", "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.");
    cmd.option("--verbs <verbs>", "Limit to resources that support the specified verbs.", list, [] as string[]);
  },
  complete(flags, args) {
    if (args.length > 0) throw new UsageError(`unexpected arguments: [${args.join(" ")}]`, { hint: "See 'kubectl api-resources -h' for help and examples" });
    return {
      apiGroup: flags.apiGroup ?? "",
      categories: flags.categories ?? [],
      namespaced: flags.namespaced,
      noHeaders: Boolean(flags.noHeaders),
      output: flags.output ?? "",
      sortBy: flags.sortBy ?? "",
      verbs: flags.verbs ?? [],
    };
  },
  validate(o) {
    if (!["", "wide", "name"].includes(o.output)) throw new UsageError(`--output ${o.output} is not available`);
    if (o.sortBy !== "" && !["name", "kind"].includes(o.sortBy)) throw new UsageError("--sort-by accepts only name or kind");
  },
  needsCluster: false,
  run(o, _cluster, io) {
    const rows = selectResources(o);
    if (o.output === "name") {
      io.out.write(rows.map((r) => (r.group ? `${r.plural}.${r.group}` : r.plural) + "\n").join(""));
      return 0;
    }
    const lines: string[] = [];
    if (!o.noHeaders) lines.push(["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND", ...(o.output === "wide" ? ["VERBS", "CATEGORIES"] : [])].join("\t"));
    for (const r of rows) {
      const cells = [r.plural, r.shortNames.join(","), apiVersionOf(r), String(r.namespaced), r.kind];
      if (o.output === "wide") cells.push(r.verbs.join(","), r.categories.join(","));
      lines.push(cells.join("\t"));
    }
    io.out.write(tabwrite(lines.map((l) => l + "\n").join(""), TABLE_WRITER));
    return 0;
  },
});

/** The filtered resources, stably sorted by group (discovery order within a group) or by name/kind. */
export function selectResources(o: ApiResourcesOptions): ResourceInfo[] {
  const rows = RESOURCES.filter(
    (r) =>
      r.verbs.length > 0 &&
      (o.apiGroup === "" || r.group === o.apiGroup) &&
      o.verbs.every((v) => r.verbs.includes(v)) &&
      o.categories.every((c) => r.categories.includes(c)) &&
      (o.namespaced === undefined || r.namespaced === o.namespaced),
  );
  const key = (r: ResourceInfo): string => (o.sortBy === "name" ? r.plural : o.sortBy === "kind" ? r.kind : r.group);
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
