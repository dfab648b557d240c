// Namespace defaults: SetDefaults_Namespace and SetDefaults_NamespaceStatus
// (pkg/apis/core/v1/defaults.go) and the finalizer the namespace strategy adds on create.

import type { KubeObject } from "../types";

export function defaultNamespace(ns: KubeObject): void {
  const name = ns.metadata.name;
  if (name) ns.metadata.labels = { ...(ns.metadata.labels ?? {}), "kubernetes.io/metadata.name": name };
  ns.spec ??= {};
  ns.spec.finalizers ??= ["kubernetes"];
  ns.status ??= {};
  ns.status.phase ||= "Active";
}
