// ReplicationController defaults: SetDefaults_ReplicationController
// (pkg/apis/core/v1/defaults.go). The selector and the labels default to the template's labels.

import type { KubeObject } from "../types";
import { setDefaultsPodTemplate } from "./pod-spec";

const isEmpty = (m: object | undefined | null): boolean => !m || Object.keys(m).length === 0;

export function defaultReplicationController(rc: KubeObject): void {
  rc.spec ??= {};
  const labels: Record<string, string> | undefined = rc.spec.template?.metadata?.labels;
  if (labels) {
    if (isEmpty(rc.spec.selector)) rc.spec.selector = { ...labels };
    if (isEmpty(rc.metadata.labels)) rc.metadata.labels = { ...labels };
  }
  rc.spec.replicas ??= 1;
  setDefaultsPodTemplate(rc.spec.template);
}
