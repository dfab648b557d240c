// Port of the Service REST storage's allocation steps (pkg/registry/core/service/storage/
// alloc.go and storage.go, v1.32): on create, initClusterIPs and initNodePorts (plus the
// health-check node port); on update, patchAllocatedValues, normalizeClusterIPs and the
// strategy's dropTypeDependentFields, then allocation of whatever the new type newly needs.
// Everything here mutates the private copy the API server is about to store.

import type { KubeObject } from "../types";
import type { Rng } from "../../sim/random";
import type { FieldIssue } from "../validation/issues";
import { invalidValue } from "../validation/issues";
import { allocateNextIP, checkIP } from "./cluster-ip";
import { allocateNextPort, checkPort } from "./node-port";

/** What is taken already: every other Service's cluster IPs and node ports. */
export interface Allocated {
  readonly ips: ReadonlySet<string>;
  readonly ports: ReadonlySet<number>;
}

export function allocatedBy(services: readonly KubeObject[], except?: KubeObject): Allocated {
  const ips = new Set<string>();
  const ports = new Set<number>();
  for (const svc of services) {
    if (except && svc.metadata.namespace === except.metadata.namespace && svc.metadata.name === except.metadata.name) continue;
    for (const ip of (svc.spec?.clusterIPs ?? [svc.spec?.clusterIP]) as (string | undefined)[]) if (ip && ip !== "None") ips.add(ip);
    for (const p of (svc.spec?.ports ?? []) as any[]) if (p.nodePort) ports.add(Number(p.nodePort));
    if (svc.spec?.healthCheckNodePort) ports.add(Number(svc.spec.healthCheckNodePort));
  }
  return { ips, ports };
}

const needsClusterIP = (svc: KubeObject): boolean => svc.spec?.type !== "ExternalName" && svc.spec?.clusterIP !== "None";
const needsNodePort = (svc: KubeObject): boolean =>
  svc.spec?.type === "NodePort" || (svc.spec?.type === "LoadBalancer" && svc.spec?.allocateLoadBalancerNodePorts !== false);
const needsHealthCheck = (svc: KubeObject): boolean =>
  svc.spec?.type === "LoadBalancer" && svc.spec?.externalTrafficPolicy === "Local";

/**
 * Fills spec.clusterIP(s) and node ports of a Service being created or updated, checking the
 * ones the user asked for. Returns the issues (the API server reports them as Invalid).
 * @example allocateServiceValues(svc, allocatedBy(api.list("Service")), rng) // [] and svc.spec.clusterIP = "10.96.143.27"
 */
export function allocateServiceValues(svc: KubeObject, taken: Allocated, rng: Rng): FieldIssue[] {
  const issues = [...initClusterIPs(svc, taken, rng)];
  if (issues.length === 0) issues.push(...initNodePorts(svc, taken, rng));
  return issues;
}

function initClusterIPs(svc: KubeObject, taken: Allocated, rng: Rng): FieldIssue[] {
  const spec = svc.spec;
  if (spec.type === "ExternalName") return [];
  normalizeClusterIPsOnCreate(svc);
  if (spec.clusterIP === "None") {
    spec.clusterIPs = ["None"];
    return [];
  }
  if (!spec.clusterIP) {
    const ip = allocateNextIP(taken.ips, rng);
    spec.clusterIP = ip;
    spec.clusterIPs = [ip];
    return [];
  }
  const err = checkIP(spec.clusterIP, taken.ips);
  if (err) return [invalidValue("spec.clusterIPs", spec.clusterIPs, `failed to allocate IP ${spec.clusterIP}: ${err}`, "[]string")];
  return [];
}

/** clusterIP alone fills clusterIPs; clusterIPs alone fills clusterIP. */
function normalizeClusterIPsOnCreate(svc: KubeObject): void {
  const spec = svc.spec;
  if (spec.clusterIP && !(spec.clusterIPs ?? []).length) spec.clusterIPs = [spec.clusterIP];
  else if (!spec.clusterIP && (spec.clusterIPs ?? []).length) spec.clusterIP = spec.clusterIPs[0];
}

function initNodePorts(svc: KubeObject, taken: Allocated, rng: Rng): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const used = new Set(taken.ports);
  // One service port number served over two protocols shares its node port (upstream
  // keys the reuse on the service port).
  const byServicePort = new Map<number, number>();
  if (needsNodePort(svc)) {
    (svc.spec.ports ?? []).forEach((p: any, i: number) => {
      if (p.nodePort) {
        if (byServicePort.get(p.port) === p.nodePort) return;
        const err = checkPort(p.nodePort, used);
        if (err) issues.push(invalidValue(`spec.ports[${i}].nodePort`, p.nodePort, err));
        used.add(p.nodePort);
        byServicePort.set(p.port, p.nodePort);
        return;
      }
      const reuse = byServicePort.get(p.port);
      p.nodePort = reuse ?? allocateNextPort(used, rng);
      used.add(p.nodePort);
      byServicePort.set(p.port, p.nodePort);
    });
  }
  if (needsHealthCheck(svc)) {
    const hc = svc.spec.healthCheckNodePort;
    if (hc) {
      const err = checkPort(hc, used);
      if (err) issues.push(invalidValue("spec.healthCheckNodePort", hc, err));
    } else svc.spec.healthCheckNodePort = allocateNextPort(used, rng);
  }
  return issues;
}

/**
 * Before an update is validated: give back the allocated values a replacing client left out
 * (patchAllocatedValues), keep clusterIP and clusterIPs in step (normalizeClusterIPs), and drop
 * what the new type no longer uses (dropTypeDependentFields).
 */
export function prepareServiceUpdate(old: KubeObject, svc: KubeObject): void {
  const spec = (svc.spec ??= {});
  const oldSpec = old.spec ?? {};
  if (needsClusterIP(old) && needsClusterIP(svc)) {
    if (!spec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
    if (!(spec.clusterIPs ?? []).length && spec.clusterIP === oldSpec.clusterIP) spec.clusterIPs = oldSpec.clusterIPs;
  }
  patchNodePorts(old, svc);
  if (needsHealthCheck(old) && needsHealthCheck(svc) && !spec.healthCheckNodePort) spec.healthCheckNodePort = oldSpec.healthCheckNodePort;
  // normalizeClusterIPs: a changed clusterIP with unchanged clusterIPs moves clusterIPs[0]
  // (kubesim also reads a changed clusterIP without clusterIPs so, for validation to see it).
  const ipsUnchanged = sameList(spec.clusterIPs, oldSpec.clusterIPs) || !(spec.clusterIPs ?? []).length;
  if (spec.clusterIP && spec.clusterIP !== oldSpec.clusterIP && ipsUnchanged) {
    spec.clusterIPs = [spec.clusterIP, ...(spec.clusterIPs ?? []).slice(1)];
  }
  dropTypeDependentFields(old, svc);
}

function patchNodePorts(old: KubeObject, svc: KubeObject): void {
  if (!needsNodePort(old) || !needsNodePort(svc)) return;
  const nodePortsOf = (s: KubeObject) => new Set(((s.spec?.ports ?? []) as any[]).map((p) => p.nodePort).filter(Boolean));
  const newPorts = nodePortsOf(svc);
  const used = new Set([...nodePortsOf(old)].filter((p) => newPorts.has(p)));
  const byName = new Map(((old.spec?.ports ?? []) as any[]).map((p) => [p.name ?? "", p.nodePort]));
  for (const p of (svc.spec.ports ?? []) as any[]) {
    if (p.nodePort) continue;
    const oldVal = byName.get(p.name ?? "");
    if (oldVal && !used.has(oldVal)) p.nodePort = oldVal;
  }
}

/** The strategy's dropTypeDependentFields: clear values only the old type used, if unchanged. */
function dropTypeDependentFields(old: KubeObject, svc: KubeObject): void {
  const spec = svc.spec;
  if (needsClusterIP(old) && !needsClusterIP(svc) && spec.type === "ExternalName") {
    if (spec.clusterIP === old.spec?.clusterIP) delete spec.clusterIP;
    if (sameList(spec.clusterIPs, old.spec?.clusterIPs)) delete spec.clusterIPs;
    delete spec.ipFamilies;
    delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(old) && !needsNodePort(svc)) {
    const oldPorts = new Set(((old.spec?.ports ?? []) as any[]).map((p) => p.nodePort));
    for (const p of (spec.ports ?? []) as any[]) if (p.nodePort && oldPorts.has(p.nodePort)) delete p.nodePort;
  }
  if (needsHealthCheck(old) && !needsHealthCheck(svc) && spec.healthCheckNodePort === old.spec?.healthCheckNodePort) {
    delete spec.healthCheckNodePort;
  }
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return (a ?? []).length === (b ?? []).length && (a ?? []).every((x, i) => x === b![i]);
}
