// describe node (reference §2.11; kubectl describe.go NodeDescriber, describeNodeResource).

import type { KubeObject } from "../../api/types";
import { age, rfc1123z } from "../age";
import { findNodeRoles } from "../table/node";
import { add, formatQuantity, max, parseQuantity, ZERO, type Quantity } from "./quantity";
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline, PrefixWriter, taintsMultiline, type DescribeContext } from "./render";

type Totals = Record<string, Quantity>;

/** PodRequestsAndLimits: containers summed, then raised to any larger init container. */
function podTotals(pod: KubeObject, field: "requests" | "limits"): Totals {
  const out: Totals = {};
  for (const c of (pod.spec?.containers ?? []) as any[]) {
    for (const [r, v] of Object.entries(c.resources?.[field] ?? {})) out[r] = add(out[r] ?? ZERO, parseQuantity(v as string));
  }
  for (const c of (pod.spec?.initContainers ?? []) as any[]) {
    for (const [r, v] of Object.entries(c.resources?.[field] ?? {})) out[r] = max(out[r] ?? ZERO, parseQuantity(v as string));
  }
  return out;
}

const pct = (q: Quantity | undefined, of: Quantity | undefined): number =>
  of && of.milli !== 0 ? Math.trunc(((q?.milli ?? 0) / of.milli) * 100) : 0;
const cell = (q: Quantity | undefined, of: Quantity | undefined): string => `${formatQuantity(q ?? ZERO)} (${pct(q, of)}%)`;

function resourceList(w: PrefixWriter, title: string, list: Record<string, string> | undefined): void {
  const names = Object.keys(list ?? {}).sort();
  if (names.length === 0) return;
  w.line(0, `${title}:`);
  for (const n of names) w.line(1, `${n}:\t${list![n]}`);
}

const STANDARD = new Set(["cpu", "memory", "ephemeral-storage", "pods", "storage"]);

function describeNodeResource(w: PrefixWriter, node: KubeObject, pods: KubeObject[], ctx: DescribeContext): void {
  const allocRaw: Record<string, string> = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status.allocatable : (node.status?.capacity ?? {});
  const alloc: Totals = Object.fromEntries(Object.entries(allocRaw).map(([k, v]) => [k, parseQuantity(v)]));
  w.line(0, `Non-terminated Pods:\t(${pods.length} in total)`);
  w.line(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge");
  w.line(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---");
  const reqs: Totals = {};
  const limits: Totals = {};
  for (const pod of pods) {
    const r = podTotals(pod, "requests");
    const l = podTotals(pod, "limits");
    for (const [k, v] of Object.entries(r)) reqs[k] = add(reqs[k] ?? ZERO, v);
    for (const [k, v] of Object.entries(l)) limits[k] = add(limits[k] ?? ZERO, v);
    w.line(
      1,
      `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${cell(r.cpu, alloc.cpu)}\t${cell(l.cpu, alloc.cpu)}\t${cell(r.memory, alloc.memory)}\t${cell(l.memory, alloc.memory)}\t${age(pod.metadata.creationTimestamp, ctx.now)}`,
    );
  }
  w.line(0, "Allocated resources:");
  w.line(0, "  (Total limits may be over 100 percent, i.e., overcommitted.)");
  w.line(1, "Resource\tRequests\tLimits");
  w.line(1, "--------\t--------\t------");
  for (const r of ["cpu", "memory", "ephemeral-storage"]) w.line(1, `${r}\t${cell(reqs[r], alloc[r])}\t${cell(limits[r], alloc[r])}`);
  const names = Object.keys(allocRaw).sort();
  for (const r of names.filter((n) => n.startsWith("hugepages-"))) w.line(1, `${r}\t${cell(reqs[r], alloc[r])}\t${cell(limits[r], alloc[r])}`);
  for (const r of names.filter((n) => !n.startsWith("hugepages-") && !STANDARD.has(n) && !n.startsWith("requests."))) {
    w.line(1, `${r}\t${formatQuantity(reqs[r] ?? ZERO)}\t${formatQuantity(limits[r] ?? ZERO)}`);
  }
}

export function describeNode(node: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const name = node.metadata.name ?? "";
  const status = node.status ?? {};
  w.line(0, `Name:\t${name}`);
  w.line(0, `Roles:\t${findNodeRoles(node).join(",") || "<none>"}`);
  labelsMultiline(w, "Labels", node.metadata.labels);
  annotationsMultiline(w, "Annotations", node.metadata.annotations);
  w.line(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}`);
  taintsMultiline(w, "Taints", node.spec?.taints);
  w.line(0, `Unschedulable:\t${node.spec?.unschedulable === true}`);
  const lease = ctx.view.get(`Lease/kube-node-lease/${name}`);
  if (lease) {
    w.line(0, "Lease:");
    w.line(1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? "<unset>"}`);
    w.line(1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : "<unset>"}`);
    w.line(1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : "<unset>"}`);
  }
  const conditions: any[] = status.conditions ?? [];
  if (conditions.length > 0) {
    w.line(0, "Conditions:");
    w.line(1, "Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage");
    w.line(1, "----\t------\t-----------------\t------------------\t------\t-------");
    for (const c of conditions) {
      w.line(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}`);
    }
  }
  w.line(0, "Addresses:");
  for (const a of (status.addresses ?? []) as any[]) w.line(1, `${a.type}:\t${a.address}`);
  resourceList(w, "Capacity", status.capacity);
  resourceList(w, "Allocatable", status.allocatable);
  const info = status.nodeInfo ?? {};
  w.line(0, "System Info:");
  for (const [label, key] of [
    ["Machine ID", "machineID"],
    ["System UUID", "systemUUID"],
    ["Boot ID", "bootID"],
    ["Kernel Version", "kernelVersion"],
    ["OS Image", "osImage"],
    ["Operating System", "operatingSystem"],
    ["Architecture", "architecture"],
    ["Container Runtime Version", "containerRuntimeVersion"],
    ["Kubelet Version", "kubeletVersion"],
    ["Kube-Proxy Version", "kubeProxyVersion"],
  ]) {
    w.line(1, `${label}:\t${info[key] ?? ""}`);
  }
  if (node.spec?.podCIDR) w.line(0, `PodCIDR:\t${node.spec.podCIDR}`);
  if ((node.spec?.podCIDRs ?? []).length > 0) w.line(0, `PodCIDRs:\t${node.spec.podCIDRs.join(",")}`);
  if (node.spec?.providerID) w.line(0, `ProviderID:\t${node.spec.providerID}`);
  const pods = ctx.view
    .podsOnNode(name)
    .filter((p) => p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed")
    .sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
  describeNodeResource(w, node, pods, ctx);
  describeEvents(w, eventsFor(node, ctx.view), ctx.now);
  return w.done();
}
