// Service defaults: SetDefaults_Service (pkg/apis/core/v1/defaults.go), plus the IP family
// fields the service REST storage fills on create for a single-stack IPv4 cluster.

import type { KubeObject } from "../types";

export function defaultService(svc: KubeObject): void {
  svc.spec ??= {};
  const spec = svc.spec;
  spec.sessionAffinity ||= "None";
  if (spec.sessionAffinity === "None") delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === "ClientIP") {
    spec.sessionAffinityConfig ??= {};
    spec.sessionAffinityConfig.clientIP ??= {};
    spec.sessionAffinityConfig.clientIP.timeoutSeconds ??= 10800;
  }
  spec.type ||= "ClusterIP";
  for (const p of spec.ports ?? []) {
    p.protocol ||= "TCP";
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === "") p.targetPort = p.port;
  }
  const external = spec.type === "NodePort" || spec.type === "LoadBalancer";
  if (external) spec.externalTrafficPolicy ||= "Cluster";
  if (external || spec.type === "ClusterIP") spec.internalTrafficPolicy ??= "Cluster";
  if (spec.type === "LoadBalancer") spec.allocateLoadBalancerNodePorts ??= true;
  if (spec.type !== "ExternalName") {
    spec.ipFamilyPolicy ??= "SingleStack";
    spec.ipFamilies ??= ["IPv4"];
  }
}
