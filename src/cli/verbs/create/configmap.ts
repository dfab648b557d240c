// kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key=value]
// [--from-env-file=path] [--append-hash] (staging/src/k8s.io/kubectl/pkg/cmd/create/create_configmap.go).

import { defineVerb } from "../../verb";
import { trackArgsLenAtDash } from "../../generators/args-at-dash";
import { buildConfigMap } from "../../generators/configmap";
import { createGenerated, defineGeneratorFlags, type GeneratorFlags, generatorOptions, type GeneratorOptions, sortOptions } from "../../generators/output";
import { defineKeySourceFlags, keySources, type KeySourceFlags, type KeySources } from "../../generators/key-sources";

interface Flags extends GeneratorFlags, KeySourceFlags {}

interface Options extends GeneratorOptions {
  sources: KeySources;
}

const VERB = "create configmap";

export default defineVerb<Flags, Options>({
  name: VERB,
  help: {
    short: "Create a config map from a local file, directory or literal value",
    long: `Create a config map based on a file, directory, or specified literal value.

 A single config map may package one or more key/value pairs.

 When creating a config map based on a file, the key will default to the basename of the file, and the value will default to the file content.  If the basename is an invalid key, you may specify an alternate key.

 When creating a config map based on a directory, each file whose basename is a valid key in the directory will be packaged into the config map.  Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).`,
    example: `  # Create a new config map named my-config based on folder bar
  kubectl create configmap my-config --from-file=path/to/bar
  
  # Create a new config map named my-config with specified keys instead of file basenames on disk
  kubectl create configmap my-config --from-file=key1=/path/to/bar/file1.txt --from-file=key2=/path/to/bar/file2.txt
  
  # Create a new config map named my-config with key1=config1 and key2=config2
  kubectl create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2
  
  # Create a new config map named my-config from the key=value pairs in the file
  kubectl create configmap my-config --from-file=path/to/bar
  
  # Create a new config map named my-config from an env file
  kubectl create configmap my-config --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`,
    aliases: ["configmap", "cm"],
    usage: "create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]",
  },
  define(cmd) {
    defineGeneratorFlags(cmd, "kubectl-create");
    defineKeySourceFlags(cmd, {
      appendHash: "Append a hash of the configmap to its name.",
      fromEnvFile: "Specify the path to a file to read lines of key=val pairs to create a configmap.",
      fromFile:
        "Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.",
      fromLiteral: "Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)",
    });
    trackArgsLenAtDash(cmd);
    sortOptions(cmd);
  },
  complete(flags, args, env) {
    return { ...generatorOptions(flags, args, env, VERB), sources: keySources(flags, env) };
  },
  validate() {},
  run(o, cluster, io) {
    const cm = buildConfigMap({ ...o.sources, name: o.name, namespace: o.explicitNamespace ? o.namespace : undefined });
    io.out.write(createGenerated(cluster?.api, cm, o, "failed to create configmap: "));
    return 0;
  },
});
