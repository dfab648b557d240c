// kubectl version [--client] [-o yaml|json]

import { defineVerb } from "../verb";
import { UsageError } from "../../api/errors";
import { toYaml } from "../../printers/formats/yaml";

interface Flags {
  client?: boolean;
  output?: string;
}
interface Options {
  client: boolean;
  output: "" | "yaml" | "json";
}

/** The versions kubesim speaks for: a v1.32 kubectl against a v1.32 cluster (kind's node image). */
const CLIENT = { gitVersion: "v1.32.4", major: "1", minor: "32", platform: "linux/amd64" };
const SERVER = { gitVersion: "v1.32.2", major: "1", minor: "32", platform: "linux/amd64" };
const KUSTOMIZE = "v5.5.0";

export default defineVerb<Flags, Options>({
  name: "version",
  help: {
    short: "Print the client and server version information",
    long: "Print the client and server version information for the current context.",
    example: "  # Print the client and server versions for the current context\n  kubectl version",
    usage: "version [flags] [options]",
  },
  needsCluster: (o) => !o.client,
  define(cmd) {
    cmd.option("--client", "If true, shows client version only (no server required).", false);
    cmd.option("--no-client", "");
    cmd.option("-o, --output <format>", "One of 'yaml' or 'json'.");
  },
  complete(flags, args) {
    if (args.length > 0) throw new UsageError(`extra arguments: [${args.join(" ")}]`);
    return { client: Boolean(flags.client), output: (flags.output ?? "") as Options["output"] };
  },
  validate(o) {
    if (!["", "yaml", "json"].includes(o.output)) throw new UsageError("--output must be 'yaml' or 'json'");
  },
  run(o, _cluster, io) {
    // Go's version.Info in its struct order: kubectl's JSON keeps it, its YAML (through JSON,
    // sigs.k8s.io/yaml) sorts the keys; both are printed with Println, so YAML ends with a blank line.
    const info = (v: typeof CLIENT) => ({
      major: v.major,
      minor: v.minor,
      gitVersion: v.gitVersion,
      gitCommit: "4cb5f0764b8d5f425645c6f433394fede34a8a26",
      gitTreeState: "clean",
      buildDate: "2025-05-15T20:09:34Z",
      goVersion: "go1.23.8",
      compiler: "gc",
      platform: v.platform,
    });
    const doc: Record<string, unknown> = { clientVersion: info(CLIENT), kustomizeVersion: KUSTOMIZE };
    if (!o.client) doc.serverVersion = info(SERVER);
    if (o.output === "json") io.out.write(`${JSON.stringify(doc, null, 2)}\n`);
    else if (o.output === "yaml") io.out.write(`${toYaml(sortedKeys(doc))}\n`);
    else {
      io.out.write(`Client Version: ${CLIENT.gitVersion}\nKustomize Version: ${KUSTOMIZE}\n`);
      if (!o.client) io.out.write(`Server Version: ${SERVER.gitVersion}\n`);
    }
    return 0;
  },
});

/** The value with every object's keys in sorted order, as a Go map marshals them. */
function sortedKeys(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]));
}
