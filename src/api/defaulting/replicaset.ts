// ReplicaSet defaults: SetDefaults_ReplicaSet (pkg/apis/apps/v1/defaults.go).

import type { KubeObject } from "../types";
import { setDefaultsPodTemplate } from "./pod-spec";

export function defaultReplicaSet(rs: KubeObject): void {
  rs.spec ??= {};
  rs.spec.replicas ??= 1;
  setDefaultsPodTemplate(rs.spec.template);
}
