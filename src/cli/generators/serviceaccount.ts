// The object `kubectl create serviceaccount` builds (create_serviceaccount.go
// createServiceAccount): its namespace only when -n was given.

import type { KubeObject } from "../../api/types";

export function buildServiceAccount(name: string, namespace?: string): KubeObject {
  return {
    kind: "ServiceAccount",
    apiVersion: "v1",
    metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: null as unknown as string },
  };
}
