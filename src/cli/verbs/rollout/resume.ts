// kubectl rollout resume (TYPE NAME | TYPE/NAME | -f FILE | TYPE -l SEL): resumes paused Deployments.

import { UsageError } from "../../../api/errors";
import { resumeObject } from "../../../api/rollout/mutations";
import { mutationVerb } from "./mutate";

export default mutationVerb({
  name: "rollout resume",
  help: {
    short: "Resume a paused resource",
    long: `Resume a paused resource.

 Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.`,
    example: `  # Resume an already paused deployment
  kubectl rollout resume deployment/nginx`,
    usage: "rollout resume RESOURCE [options]",
  },
  mutation: resumeObject,
  operation: "resumed",
  // Unreachable: resuming a running Deployment is refused before any patch is computed.
  emptyPatch: (name) => new UsageError(`failed to create patch for ${name}: empty patch`),
});
