// The object `kubectl create namespace` builds (create_namespace.go createNamespace).

import type { KubeObject } from "../../api/types";

export function buildNamespace(name: string): KubeObject {
  return {
    kind: "Namespace",
    apiVersion: "v1",
    metadata: { name, creationTimestamp: null as unknown as string },
    spec: {},
    status: {},
  };
}
