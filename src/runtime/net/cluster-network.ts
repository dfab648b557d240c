// The network a container's process sees: cluster DNS (dns.ts) and HTTP to pod IPs and
// Service cluster IPs, answered by the target container's image model. Pure: it reads the
// cluster view at one instant and keeps nothing.

import type { KubeObject } from "../../api/types/meta";
import type { ClusterView } from "../../api/store/view";
import type { Instant } from "../../sim/time";
import type { Network } from "../types";
import { podHttpAnswer } from "./container-answer";
import type { HttpResponse } from "./container-answer";
import { resolveName } from "./dns";
import { servicePods } from "./endpoints";

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * The network as seen from `fromPod` at `now`.
 * @example clusterNetwork(view, pod, now).httpGet("http://nginx/") // { status: 200, body: "<!DOCTYPE html>..." }
 */
export function clusterNetwork(view: ClusterView, fromPod: KubeObject, now: Instant): Network {
  const namespace = fromPod.metadata.namespace ?? "default";
  return {
    resolve: (name) => resolveName(view, namespace, name),
    httpGet: (url) => httpGet(view, fromPod, namespace, url, now),
    reverse: (ip) => reverseName(view, ip),
  };
}

/** The cluster DNS Service's address (kind's kube-dns) and its name. */
const CLUSTER_DNS: readonly [string, string] = ["10.96.0.10", "kube-dns.kube-system.svc.cluster.local"];

/** CoreDNS's PTR answer for a Service's cluster IP: its FQDN. Pod IPs get none here. */
function reverseName(view: ClusterView, ip: string): string | undefined {
  if (ip === CLUSTER_DNS[0]) return CLUSTER_DNS[1];
  const svc = view.list("Service").find((s) => s.spec?.clusterIP === ip);
  return svc ? `${svc.metadata.name}.${svc.metadata.namespace}.svc.cluster.local` : undefined;
}

function httpGet(view: ClusterView, fromPod: KubeObject, namespace: string, raw: string, now: Instant): HttpResponse | undefined {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    return undefined;
  }
  // https would need TLS the models do not speak.
  if (url.protocol !== "http:") return undefined;
  const port = url.port ? Number(url.port) : 80;
  const path = `${url.pathname || "/"}${url.search}`;
  const host = url.hostname;
  // Containers of a pod share its network namespace: localhost is the pod itself.
  if (host === "localhost" || host === "127.0.0.1") return podHttpAnswer(view, fromPod, port, path, now);
  const ip = IPV4.test(host) ? host : resolveName(view, namespace, host)?.[0];
  if (ip === undefined) return undefined;
  const service = view.list("Service").find((s) => s.spec?.clusterIP === ip);
  if (service) return serviceAnswer(view, service, port, path, now);
  const viaNodePort = nodePortService(view, ip, port);
  if (viaNodePort) return serviceAnswer(view, viaNodePort.service, viaNodePort.port, path, now);
  const pod = view.list("Pod").find((p) => p.status?.podIP === ip && p.spec?.hostNetwork !== true);
  return pod ? podHttpAnswer(view, pod, port, path, now) : undefined;
}

/**
 * kube-proxy's part: the Service port maps to targetPort (a number, or a container port name
 * resolved per pod), and one endpoint serves the request. Real kube-proxy picks an endpoint at
 * random; kubesim takes the first by name so that answers are reproducible.
 */
function serviceAnswer(view: ClusterView, service: KubeObject, port: number, path: string, now: Instant): HttpResponse | undefined {
  const sp = ((service.spec?.ports ?? []) as any[]).find((p) => Number(p.port) === port && (p.protocol ?? "TCP") === "TCP");
  // No such Service port, or no ready endpoint: kube-proxy rejects the connection.
  if (!sp) return undefined;
  for (const pod of servicePods(view, service)) {
    const target = targetPortOn(pod, sp.targetPort ?? sp.port);
    if (target !== undefined) return podHttpAnswer(view, pod, target, path, now);
  }
  return undefined;
}

/**
 * kube-proxy's NodePort rule: any node's InternalIP on a Service's nodePort reaches that
 * Service port (externalTrafficPolicy Cluster: an endpoint on any node).
 */
function nodePortService(view: ClusterView, ip: string, port: number): { service: KubeObject; port: number } | undefined {
  const isNode = view.list("Node").some((n) => ((n.status?.addresses ?? []) as { type: string; address: string }[]).some((a) => a.type === "InternalIP" && a.address === ip));
  if (!isNode) return undefined;
  for (const service of view.list("Service")) {
    const sp = ((service.spec?.ports ?? []) as any[]).find((p) => Number(p.nodePort) === port && (p.protocol ?? "TCP") === "TCP");
    if (sp) return { service, port: Number(sp.port) };
  }
  return undefined;
}

/** A numeric targetPort, or the named container port of `pod` (pods without it are not endpoints). */
function targetPortOn(pod: KubeObject, targetPort: number | string): number | undefined {
  if (typeof targetPort === "number") return targetPort;
  if (/^\d+$/.test(targetPort)) return Number(targetPort);
  for (const c of (pod.spec?.containers ?? []) as any[]) {
    const p = ((c.ports ?? []) as any[]).find((x) => x.name === targetPort && (x.protocol ?? "TCP") === "TCP");
    if (p) return Number(p.containerPort);
  }
  return undefined;
}
