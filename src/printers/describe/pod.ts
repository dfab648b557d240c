// describe pod (reference §2.2; kubectl describe.go describePod).

import type { KubeObject } from "../../api/types";
import { age, rfc1123z } from "../age";
import { describeContainers, describeResources, describeVolumes, type EnvResolver } from "./containers";
import { formatSelector, fromLabelSelector } from "../../api/selectors";
import {
  annotationsMultiline,
  controlledBy,
  describeEvents,
  eventsFor,
  labelsMultiline,
  PrefixWriter,
  tolerationsMultiline,
  type DescribeContext,
} from "./render";

/** GetPodQOS: BestEffort without any requests/limits, Guaranteed when every container's cpu and memory requests equal limits. */
export function podQOS(pod: KubeObject): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const all: any[] = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  const any = all.some((c) => ["cpu", "memory"].some((r) => c.resources?.requests?.[r] !== undefined || c.resources?.limits?.[r] !== undefined));
  if (!any) return "BestEffort";
  const guaranteed = all.every((c) =>
    ["cpu", "memory"].every((r) => {
      const limit = c.resources?.limits?.[r];
      const request = c.resources?.requests?.[r] ?? limit;
      return limit !== undefined && request === limit;
    }),
  );
  return guaranteed ? "Guaranteed" : "Burstable";
}

/** EnvValueFrom: the downward-API fields a pod's env can reference. */
function envResolver(pod: KubeObject): EnvResolver {
  return (path) => {
    const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
    if (m) return (pod.metadata as any)[m[1]]?.[m[2]] ?? "";
    const fields: Record<string, unknown> = {
      "metadata.name": pod.metadata.name,
      "metadata.namespace": pod.metadata.namespace,
      "metadata.uid": pod.metadata.uid,
      "spec.nodeName": pod.spec?.nodeName,
      "spec.serviceAccountName": pod.spec?.serviceAccountName,
      "status.hostIP": pod.status?.hostIP,
      "status.podIP": pod.status?.podIP,
      "status.podIPs": (pod.status?.podIPs ?? []).map((p: any) => p.ip).join(","),
    };
    return String(fields[path] ?? "");
  };
}

export function describePod(pod: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  w.line(0, `Name:\t${pod.metadata.name}`);
  w.line(0, `Namespace:\t${pod.metadata.namespace}`);
  if (typeof spec.priority === "number") w.line(0, `Priority:\t${spec.priority}`);
  if (spec.priorityClassName) w.line(0, `Priority Class Name:\t${spec.priorityClassName}`);
  if (spec.runtimeClassName) w.line(0, `Runtime Class Name:\t${spec.runtimeClassName}`);
  if (spec.serviceAccountName) w.line(0, `Service Account:\t${spec.serviceAccountName}`);
  w.line(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ""}` : "Node:\t<none>");
  if (status.startTime) w.line(0, `Start Time:\t${rfc1123z(status.startTime)}`);
  labelsMultiline(w, "Labels", pod.metadata.labels);
  annotationsMultiline(w, "Annotations", pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && status.phase !== "Failed" && status.phase !== "Succeeded") {
    w.line(0, `Status:\tTerminating (lasts ${age(pod.metadata.deletionTimestamp, ctx.now)})`);
    w.line(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s`);
  } else w.line(0, `Status:\t${status.phase ?? ""}`);
  if (status.reason) w.line(0, `Reason:\t${status.reason}`);
  if (status.message) w.line(0, `Message:\t${status.message}`);
  const seccomp = spec.securityContext?.seccompProfile;
  if (seccomp) {
    w.line(0, `SeccompProfile:\t${seccomp.type}`);
    if (seccomp.type === "Localhost") w.line(0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ""}`);
  }
  w.line(0, `IP:\t${status.podIP ?? ""}`);
  const ips: any[] = status.podIPs ?? [];
  if (ips.length === 0) w.line(0, "IPs:\t<none>");
  else {
    w.line(0, "IPs:");
    for (const ip of ips) w.line(1, `IP:\t${ip.ip}`);
  }
  const owner = controlledBy(pod);
  if (owner) w.line(0, `Controlled By:\t${owner}`);
  if (status.nominatedNodeName) w.line(0, `NominatedNodeName:\t${status.nominatedNodeName}`);
  // Pod-level resources (the PodLevelResources feature): the same Limits/Requests block, one level in.
  if (spec.resources) {
    w.line(0, "Resources:");
    describeResources(w, spec.resources, 1);
  }
  const resolve = envResolver(pod);
  if ((spec.initContainers ?? []).length > 0) describeContainers(w, "Init Containers", spec.initContainers, status.initContainerStatuses, "", resolve);
  describeContainers(w, "Containers", spec.containers, status.containerStatuses, "", resolve);
  if ((spec.ephemeralContainers ?? []).length > 0) describeContainers(w, "Ephemeral Containers", spec.ephemeralContainers, status.ephemeralContainerStatuses, "", resolve);
  const conditions: any[] = status.conditions ?? [];
  if ((spec.readinessGates ?? []).length > 0) {
    w.line(0, "Readiness Gates:");
    w.line(1, "Type\tStatus");
    for (const g of spec.readinessGates) {
      const c = conditions.find((x) => x.type === g.conditionType);
      w.line(1, `${g.conditionType} \t${c ? c.status : "<none>"} `);
    }
  }
  if (conditions.length > 0) {
    w.line(0, "Conditions:");
    w.line(1, "Type\tStatus");
    for (const c of conditions) w.line(1, `${c.type} \t${c.status} `);
  }
  describeVolumes(w, spec.volumes, "");
  w.line(0, `QoS Class:\t${podQOS(pod)}`);
  labelsMultiline(w, "Node-Selectors", spec.nodeSelector);
  tolerationsMultiline(w, "Tolerations", spec.tolerations);
  describeTopologySpread(w, spec.topologySpreadConstraints);
  describeEvents(w, eventsFor(pod, ctx.view), ctx.now);
  return w.done();
}

/** describeTopologySpreadConstraints: "key:policy when max skew N is exceeded [for selector S]", sorted by key. */
function describeTopologySpread(w: PrefixWriter, constraints: any[] | undefined): void {
  if (!constraints?.length) return;
  w.write(0, "Topology Spread Constraints:\t");
  const sorted = [...constraints].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  sorted.forEach((c, i) => {
    if (i !== 0) w.write(0, "\t");
    const selector = c.labelSelector ? ` for selector ${formatSelector(fromLabelSelector(c.labelSelector))}` : "";
    w.write(0, `${c.topologyKey}:${c.whenUnsatisfiable} when max skew ${c.maxSkew} is exceeded${selector}\n`);
  });
}
