// Service checks, ported from ValidateService and validateServicePort
// (pkg/apis/core/validation/validation.go), for the fields kubesim models.

import type { FieldIssue } from "../issues";
import { duplicate, forbiddenField, invalidValue, required } from "../issues";
import { isValidPortName, isValidPortNum } from "../dns";
import { validateLabels } from "../labels";
import { validateEnum, type Obj } from "./common";
import { validateDNS1123Label } from "./pod";

const supportedPortProtocols = ["SCTP", "TCP", "UDP"];
const supportedSessionAffinityType = ["ClientIP", "None"];
const supportedServiceType = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];


/** ValidatePortNumOrName. */
function validatePortNumOrName(port: unknown, path: string): FieldIssue[] {
  if (typeof port === "number") return isValidPortNum(port).map((m) => invalidValue(path, port, m));
  if (typeof port === "string") return isValidPortName(port).map((m) => invalidValue(path, port, m));
  return [];
}

function validateServicePort(sp: Obj, requireName: boolean, allNames: Set<string>, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (requireName && !sp.name) issues.push(required(`${path}.name`, ""));
  else if (sp.name) {
    issues.push(...validateDNS1123Label(sp.name, `${path}.name`));
    if (allNames.has(sp.name)) issues.push(duplicate(`${path}.name`, sp.name));
    else allNames.add(sp.name);
  }
  issues.push(...isValidPortNum(sp.port ?? 0).map((m) => invalidValue(`${path}.port`, sp.port ?? 0, m)));
  issues.push(...validateEnum(sp.protocol, supportedPortProtocols, `${path}.protocol`));
  issues.push(...validatePortNumOrName(sp.targetPort, `${path}.targetPort`));
  return issues;
}

const isHeadless = (spec: Obj): boolean => spec.clusterIP === "None";

export function validateService(svc: Obj): FieldIssue[] {
  const spec: Obj = svc.spec ?? {};
  const ports: Obj[] = spec.ports ?? [];
  const issues: FieldIssue[] = [];
  if (ports.length === 0 && !isHeadless(spec) && spec.type !== "ExternalName") issues.push(required("spec.ports", ""));
  const allNames = new Set<string>();
  ports.forEach((p, i) => issues.push(...validateServicePort(p, ports.length > 1, allNames, `spec.ports[${i}]`)));
  if (spec.selector) issues.push(...validateLabels(spec.selector, "spec.selector"));
  issues.push(...validateEnum(spec.sessionAffinity, supportedSessionAffinityType, "spec.sessionAffinity"));
  issues.push(...validateEnum(spec.type, supportedServiceType, "spec.type"));
  if (spec.type === "ClusterIP") {
    ports.forEach((p, i) => {
      if (p.nodePort) issues.push(forbiddenField(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  // Duplicate (protocol, port) pairs; upstream prints the key it built, a core.ServicePort.
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`;
    if (seen.has(key)) issues.push({ type: "Duplicate", path: `spec.ports[${i}]`, value: { protocol: p.protocol, port: p.port }, goType: "core.ServicePort" });
    seen.add(key);
  });
  return issues;
}

/**
 * validateUpgradeDowngradeClusterIPs (ValidateServiceUpdate): an allocated cluster IP may not
 * change, unless the Service moves to or from ExternalName.
 */
export function validateServiceUpdate(svc: Obj, old: Obj): FieldIssue[] {
  if (svc.spec?.type === "ExternalName" || old.spec?.type === "ExternalName") return [];
  const oldIPs: string[] = old.spec?.clusterIPs ?? [];
  const newIPs: string[] = svc.spec?.clusterIPs ?? [];
  const issues: FieldIssue[] = [];
  oldIPs.forEach((ip, i) => {
    if (i < newIPs.length && newIPs[i] !== ip) issues.push(invalidValue(`spec.clusterIPs[${i}]`, newIPs, "may not change once set", "[]string"));
  });
  return issues;
}
