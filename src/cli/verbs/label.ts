// kubectl label TYPE NAME k=v k2- [--overwrite] [-l SEL | --all] [-A] [--list]
// (staging/src/k8s.io/kubectl/pkg/cmd/label/label.go).

import { defineVerb } from "../verb";
import { parseLabelArgs } from "../flags/metadata-args";
import type { MetadataUpdate } from "../generators/metadata-update";
import { runMetadataUpdate } from "../generators/metadata-update";
import type { MetadataFlags } from "../generators/metadata-verb";
import { completeMetadata, defineMetadataFlags } from "../generators/metadata-verb";

export default defineVerb<MetadataFlags, MetadataUpdate>({
  name: "label",
  help: {
    short: "Update the labels on a resource",
    long: `Update the labels on a resource.

  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.
  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.`,
    example: `  # Update pod 'foo' with the label 'unhealthy' and the value 'true'
  kubectl label pods foo unhealthy=true
  
  # Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value
  kubectl label --overwrite pods foo status=unhealthy
  
  # Update all pods in the namespace
  kubectl label pods --all status=unhealthy
  
  # Update a pod identified by the type and name in "pod.json"
  kubectl label -f pod.json status=unhealthy
  
  # Update pod 'foo' only if the resource is unchanged from version 1
  kubectl label pods foo status=unhealthy --resource-version=1
  
  # Update pod 'foo' by removing a label named 'bar' if it exists
  # Does not require the --overwrite flag
  kubectl label pods foo bar-`,
    usage: "label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]",
  },
  define(cmd) {
    defineMetadataFlags(cmd, "labels");
  },
  complete(flags, args, env) {
    return completeMetadata("labels", flags, args, env, parseLabelArgs);
  },
  validate() {},
  run(o, cluster, io, env) {
    return runMetadataUpdate(o, cluster!, io, env);
  },
});
