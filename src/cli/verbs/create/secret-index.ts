// kubectl create secret: groups the secret generators. kubesim has generic; docker-registry and
// tls are listed because kubectl lists them, and say so when run.

import { defineVerb } from "../../verb";
import { UsageError } from "../../../api/errors";
import { runSubcommandGroup } from "../subcommand-group";

const HELP = `Create a secret with specified type.

 A docker-registry type secret is for accessing a container registry.

 A generic type secret indicate an Opaque secret type.

 A tls type secret holds TLS certificate and its associated key.

Available Commands:
  docker-registry   Create a secret for use with a Docker registry
  generic           Create a secret from a local file, directory, or literal value
  tls               Create a TLS secret

Usage:
  kubectl create secret (docker-registry | generic | tls) [options]

Use "kubectl create secret <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

export default defineVerb<object, { args: string[] }>({
  name: "create secret",
  help: { short: "Create a secret using a specified subcommand", long: "Create a secret with specified type.", example: "", usage: "create secret (docker-registry | generic | tls) [options]" },
  needsCluster: false,
  define(cmd) {
    cmd.argument("[args...]");
  },
  complete: (_flags, args) => ({ args: [...args] }),
  validate() {},
  run(o, _c, io) {
    if (o.args[0] === "docker-registry" || o.args[0] === "tls") throw new UsageError(`kubesim does not support "kubectl create secret ${o.args[0]}"`);
    return runSubcommandGroup("create secret", o.args, HELP, io, "err");
  },
});
