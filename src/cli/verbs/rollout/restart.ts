// kubectl rollout restart (TYPE NAME | TYPE/NAME | -f FILE | TYPE -l SEL): stamps the pod
// template with kubectl.kubernetes.io/restartedAt (the simulated now), which rolls the pods.

import { UsageError } from "../../../api/errors";
import { restartObject } from "../../../api/rollout/mutations";
import { mutationVerb } from "./mutate";

export default mutationVerb({
  name: "rollout restart",
  help: {
    short: "Restart a resource",
    long: `Restart a resource.

        Resource rollout will be restarted.`,
    example: `  # Restart all deployments in the test-namespace namespace
  kubectl rollout restart deployment -n test-namespace
  
  # Restart a deployment
  kubectl rollout restart deployment/nginx
  
  # Restart a daemon set
  kubectl rollout restart daemonset/abc
  
  # Restart deployments with the app=nginx label
  kubectl rollout restart deployment --selector=app=nginx`,
    usage: "rollout restart RESOURCE [options]",
  },
  mutation: restartObject,
  operation: "restarted",
  emptyPatch: (name) =>
    new UsageError(`failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`),
});
