// Deployment defaults: SetDefaults_Deployment (pkg/apis/apps/v1/defaults.go).

import type { KubeObject } from "../types";
import { setDefaultsPodTemplate } from "./pod-spec";

export function defaultDeployment(d: KubeObject): void {
  d.spec ??= {};
  const spec = d.spec;
  spec.replicas ??= 1;
  spec.strategy ??= {};
  spec.strategy.type ||= "RollingUpdate";
  if (spec.strategy.type === "RollingUpdate") {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxUnavailable ??= "25%";
    spec.strategy.rollingUpdate.maxSurge ??= "25%";
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  setDefaultsPodTemplate(spec.template);
}
