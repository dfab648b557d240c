// kubectl rollout pause (TYPE NAME | TYPE/NAME | -f FILE | TYPE -l SEL): marks Deployments paused.

import { UsageError } from "../../../api/errors";
import { pauseObject } from "../../../api/rollout/mutations";
import { mutationVerb } from "./mutate";

export default mutationVerb({
  name: "rollout pause",
  help: {
    short: "Mark the provided resource as paused",
    long: `Mark the provided resource as paused.

 Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource. Currently only deployments support being paused.`,
    example: `  # Mark the nginx deployment as paused
  # Any current state of the deployment will continue its function; new updates
  # to the deployment will not have an effect as long as the deployment is paused
  kubectl rollout pause deployment/nginx`,
    usage: "rollout pause RESOURCE [options]",
  },
  mutation: pauseObject,
  operation: "paused",
  // Unreachable: pausing a paused Deployment is refused before any patch is computed.
  emptyPatch: (name) => new UsageError(`failed to create patch for ${name}: empty patch`),
});
