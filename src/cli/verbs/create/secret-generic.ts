// kubectl create secret generic NAME [--type=string] [--from-file=[key=]source]
// [--from-literal=key1=value1] [--from-env-file=path] [--append-hash]
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_secret.go).

import { defineVerb } from "../../verb";
import { trackArgsLenAtDash } from "../../generators/args-at-dash";
import { buildGenericSecret } from "../../generators/secret";
import { createGenerated, defineGeneratorFlags, type GeneratorFlags, generatorOptions, type GeneratorOptions, sortOptions } from "../../generators/output";
import { defineKeySourceFlags, keySources, type KeySourceFlags, type KeySources } from "../../generators/key-sources";

interface Flags extends GeneratorFlags, KeySourceFlags {
  type?: string;
}

interface Options extends GeneratorOptions {
  sources: KeySources;
  type: string;
}

const VERB = "create secret generic";

export default defineVerb<Flags, Options>({
  name: VERB,
  help: {
    short: "Create a secret from a local file, directory, or literal value",
    long: `Create a secret based on a file, directory, or specified literal value.

 A single secret may package one or more key/value pairs.

 When creating a secret based on a file, the key will default to the basename of the file, and the value will default to the file content. If the basename is an invalid key or you wish to chose your own, you may specify an alternate key.

 When creating a secret based on a directory, each file whose basename is a valid key in the directory will be packaged into the secret. Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).`,
    example: `  # Create a new secret named my-secret with keys for each file in folder bar
  kubectl create secret generic my-secret --from-file=path/to/bar
  
  # Create a new secret named my-secret with specified keys instead of names on disk
  kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-file=ssh-publickey=path/to/id_rsa.pub
  
  # Create a new secret named my-secret with key1=supersecret and key2=topsecret
  kubectl create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret
  
  # Create a new secret named my-secret using a combination of a file and a literal
  kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-literal=passphrase=topsecret
  
  # Create a new secret named my-secret from env files
  kubectl create secret generic my-secret --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`,
    usage: "create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]",
  },
  define(cmd) {
    defineGeneratorFlags(cmd, "kubectl-create");
    defineKeySourceFlags(cmd, {
      appendHash: "Append a hash of the secret to its name.",
      fromEnvFile: "Specify the path to a file to read lines of key=val pairs to create a secret.",
      fromFile:
        "Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.",
      fromLiteral: "Specify a key and literal value to insert in secret (i.e. mykey=somevalue)",
    });
    cmd.option("--type <type>", "The type of secret to create", "");
    trackArgsLenAtDash(cmd);
    sortOptions(cmd);
  },
  complete(flags, args, env) {
    return { ...generatorOptions(flags, args, env, VERB), sources: keySources(flags, env), type: flags.type ?? "" };
  },
  validate() {},
  run(o, cluster, io) {
    const secret = buildGenericSecret({ ...o.sources, name: o.name, type: o.type, namespace: o.explicitNamespace ? o.namespace : undefined });
    // kubectl-output.md §3.3: a secret's failure has no colon after its prefix.
    io.out.write(createGenerated(cluster?.api, secret, o, "failed to create secret "));
    return 0;
  },
});
