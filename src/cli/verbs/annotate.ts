// kubectl annotate TYPE NAME k=v k2- [--overwrite] [-l SEL | --all] [-A] [--list]
// (staging/src/k8s.io/kubectl/pkg/cmd/annotate/annotate.go).

import { defineVerb } from "../verb";
import { parseAnnotationArgs } from "../flags/metadata-args";
import type { MetadataUpdate } from "../generators/metadata-update";
import { runMetadataUpdate } from "../generators/metadata-update";
import type { MetadataFlags } from "../generators/metadata-verb";
import { completeMetadata, defineMetadataFlags } from "../generators/metadata-verb";

export default defineVerb<MetadataFlags, MetadataUpdate>({
  name: "annotate",
  help: {
    short: "Update the annotations on a resource",
    long: `Update the annotations on one or more resources.

 All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.

 Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.

Use "kubectl api-resources" for a complete list of supported resources.`,
    example: `  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'
  # If the same annotation is set multiple times, only the last value will be applied
  kubectl annotate pods foo description='my frontend'
  
  # Update a pod identified by type and name in "pod.json"
  kubectl annotate -f pod.json description='my frontend'
  
  # Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value
  kubectl annotate --overwrite pods foo description='my frontend running nginx'
  
  # Update all pods in the namespace
  kubectl annotate pods --all description='my frontend running nginx'
  
  # Update pod 'foo' only if the resource is unchanged from version 1
  kubectl annotate pods foo description='my frontend running nginx' --resource-version=1
  
  # Update pod 'foo' by removing an annotation named 'description' if it exists
  # Does not require the --overwrite flag
  kubectl annotate pods foo description-`,
    usage: "annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]",
  },
  define(cmd) {
    defineMetadataFlags(cmd, "annotations");
  },
  complete(flags, args, env) {
    return completeMetadata("annotations", flags, args, env, parseAnnotationArgs);
  },
  validate() {},
  run(o, cluster, io, env) {
    return runMetadataUpdate(o, cluster!, io, env);
  },
});
