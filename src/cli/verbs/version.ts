// kubectl version [--client] [-o yaml|json]

import { defineVerb } from "../verb";
import { UsageError } from "../../api/errors";
import { toYaml } from "../../printers/formats/yaml";
import { toJson } from "../../printers/formats/json";

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
    const info = (v: typeof CLIENT) => ({
      buildDate: "2025-05-15T20:09:34Z",
      compiler: "gc",
      gitCommit: "4cb5f0764b8d5f425645c6f433394fede34a8a26",
      gitTreeState: "clean",
      gitVersion: v.gitVersion,
      goVersion: "go1.23.8",
      major: v.major,
      minor: v.minor,
      platform: v.platform,
    });
    const doc: Record<string, unknown> = { clientVersion: info(CLIENT), kustomizeVersion: KUSTOMIZE };
    if (!o.client) doc.serverVersion = info(SERVER);
    if (o.output === "json") io.out.write(toJson(doc));
    else if (o.output === "yaml") io.out.write(toYaml(doc));
    else {
      io.out.write(`Client Version: ${CLIENT.gitVersion}\nKustomize Version: ${KUSTOMIZE}\n`);
      if (!o.client) io.out.write(`Server Version: ${SERVER.gitVersion}\n`);
    }
    return 0;
  },
});
