// kubectl config view [--minify] [-o yaml|json|jsonpath=…]: the kubeconfig kubesim keeps beside
// its state file. YAML comes out with sorted keys (it goes through a generic map), JSON in the
// field order of clientcmd's v1.Config struct, as kubectl prints them.

import { defineVerb } from "../../verb";
import { UsageError } from "../../../api/errors";
import type { Kubeconfig } from "../../../state/kubeconfig";
import { readKubeconfig } from "../../../state/kubeconfig";
import { GENERIC_FORMATS, parseOutput, unknownFormat, defineShowManagedFields } from "../../flags/output";
import type { OutputFormat } from "../../flags/output";
import { toYaml } from "../../../printers/formats/yaml";
import { executeJsonPath, findResults } from "../../../printers/formats/jsonpath";

interface Flags {
  minify?: boolean;
  output?: string;
}

export interface ViewOptions {
  readonly minify: boolean;
  readonly output: OutputFormat;
}

export default defineVerb<Flags, ViewOptions>({
  name: "config view",
  help: {
    short: "Display merged kubeconfig settings or a specified kubeconfig file",
    long: "Display merged kubeconfig settings or a specified kubeconfig file.\n\n You can use --output jsonpath={...} to extract specific values using a jsonpath expression.",
    example:
      "  # Show merged kubeconfig settings\n  kubectl config view\n  \n  # Show merged kubeconfig settings, raw certificate data, and exposed secrets\n  kubectl config view --raw\n  \n  # Get the password for the e2e user\n  kubectl config view -o jsonpath='{.users[?(@.name == \"e2e\")].user.password}'",
    usage: "config view [flags] [options]",
  },
  needsCluster: false,
  define(cmd) {
    cmd.option(
      "--allow-missing-template-keys",
      "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.",
      true,
    );
    cmd.option("--no-allow-missing-template-keys", "");
    cmd.option("--flatten", "Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)", false);
    cmd.option("--merge", "Merge the full hierarchy of kubeconfig files", true);
    cmd.option("--no-merge", "");
    cmd.option("--minify", "Remove all information not used by current-context from the output", false);
    cmd.option(
      "-o, --output <format>",
      "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).",
      "yaml",
    );
    cmd.option("--raw", "Display raw byte data and sensitive data", false);
    defineShowManagedFields(cmd);
  },
  complete(flags, args) {
    if (args.length > 0) throw new UsageError(`unexpected arguments: [${args.join(" ")}]`, { hint: "See 'kubectl config view -h' for help and examples" });
    const output = parseOutput(flags.output ?? "yaml", GENERIC_FORMATS);
    if (output.kind === "table" || output.kind === "wide" || output.kind === "custom-columns") throw unknownFormat(flags.output ?? "", GENERIC_FORMATS);
    return { minify: Boolean(flags.minify), output };
  },
  validate() {},
  run(o, _cluster, io, env) {
    let cfg = readKubeconfig(env.statePath);
    if (o.minify) cfg = minify(cfg);
    const doc = structOrder(cfg);
    switch (o.output.kind) {
      case "json":
        io.out.write(goJsonIndent(doc) + "\n");
        break;
      case "name":
        io.out.write("config/<unknown>\n");
        break;
      case "jsonpath":
        io.out.write(executeJsonPath(o.output.template, doc));
        break;
      case "jsonpath-as-json":
        io.out.write(goJsonIndent(findResults(o.output.template, doc)) + "\n");
        break;
      default:
        io.out.write(toYaml(doc));
    }
    return 0;
  },
});

/** clientcmdapi.MinifyConfig: only the current context, its cluster and its user. */
export function minify(cfg: Kubeconfig): Kubeconfig {
  const current = cfg["current-context"];
  if (!current) throw new UsageError("current-context must exist in order to minify");
  const ctx = cfg.contexts.find((c) => c.name === current);
  if (!ctx) throw new UsageError(`cannot locate context ${current}`);
  return {
    ...cfg,
    contexts: [ctx],
    clusters: cfg.clusters.filter((c) => c.name === ctx.context.cluster),
    users: cfg.users.filter((u) => u.name === ctx.context.user),
  };
}

const CLUSTER_FIELDS = ["server", "tls-server-name", "insecure-skip-tls-verify", "certificate-authority", "certificate-authority-data", "proxy-url"];
const USER_FIELDS = ["client-certificate", "client-certificate-data", "client-key", "client-key-data", "token", "tokenFile", "username", "password"];

/** The kubeconfig in v1.Config's field order; empty lists are Go nil slices (null). */
function structOrder(cfg: Kubeconfig): Record<string, unknown> {
  const ordered = (m: Record<string, unknown>, fields: readonly string[]) =>
    Object.fromEntries([...fields.filter((f) => f in m), ...Object.keys(m).filter((k) => !fields.includes(k))].map((k) => [k, m[k]]));
  const orNull = <T>(xs: T[]): T[] | null => (xs.length === 0 ? null : xs);
  return {
    kind: "Config",
    apiVersion: "v1",
    preferences: cfg.preferences ?? {},
    clusters: orNull((cfg.clusters ?? []).map((c) => ({ name: c.name, cluster: ordered(c.cluster ?? {}, CLUSTER_FIELDS) }))),
    users: orNull((cfg.users ?? []).map((u) => ({ name: u.name, user: ordered(u.user ?? {}, USER_FIELDS) }))),
    contexts: orNull(
      (cfg.contexts ?? []).map((c) => ({
        name: c.name,
        context: { cluster: c.context.cluster ?? "", user: c.context.user ?? "", ...(c.context.namespace ? { namespace: c.context.namespace } : {}) },
      })),
    ),
    "current-context": cfg["current-context"] ?? "",
  };
}

/** json.MarshalIndent with 4 spaces, keys in the given order, HTML characters escaped. */
function goJsonIndent(v: unknown): string {
  return JSON.stringify(v, null, 4).replace(/[<>&]/g, (ch) => `\\u00${ch.charCodeAt(0).toString(16)}`);
}
