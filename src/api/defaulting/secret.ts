// Secret defaults: SetDefaults_Secret (pkg/apis/core/v1/defaults.go).

import type { KubeObject } from "../types";

export function defaultSecret(secret: KubeObject): void {
  if (!secret.type) secret.type = "Opaque";
}
