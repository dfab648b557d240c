// Cluster DNS as CoreDNS answers it in a kind cluster (kubernetes plugin for cluster.local,
// `pods insecure`), seen through the resolv.conf the kubelet writes for a ClusterFirst pod:
//   search <ns>.svc.cluster.local svc.cluster.local cluster.local
//   options ndots:5
// so `svc`, `svc.ns`, `svc.ns.svc` and the full name all reach the same record. Names outside
// cluster.local (the internet) are not simulated: they are NXDOMAIN.

import type { KubeObject } from "../../api/types/meta";
import type { ClusterView } from "../../api/store/view";
import { servicePods } from "./endpoints";

const ZONE = "cluster.local";
/** The `kubernetes` Service's address in kind's default service CIDR 10.96.0.0/16. */
export const KUBERNETES_SERVICE_IP = "10.96.0.1";
const NDOTS = 5;

/** The names the resolver tries for `name`, in order (glibc/musl search-list rule with ndots). */
export function searchCandidates(name: string, namespace: string): string[] {
  const lower = name.toLowerCase();
  if (lower.endsWith(".")) return [lower.slice(0, -1)];
  const search = [`${namespace}.svc.${ZONE}`, `svc.${ZONE}`, ZONE].map((d) => `${lower}.${d}`);
  const dots = lower.split(".").length - 1;
  return dots >= NDOTS ? [lower, ...search] : [...search, lower];
}

/**
 * Addresses for `name` as asked from a pod in `namespace`, or undefined (NXDOMAIN, or a name
 * with no address records yet).
 * @example resolveName(view, "default", "nginx") // ["10.96.12.34"] for Service default/nginx
 */
export function resolveName(view: ClusterView, namespace: string, name: string): string[] | undefined {
  if (name === "" || name === ".") return undefined;
  for (const fqdn of searchCandidates(name, namespace)) {
    const found = resolveFqdn(view, fqdn);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** One fully qualified name (no trailing dot) under cluster.local. */
function resolveFqdn(view: ClusterView, fqdn: string): string[] | undefined {
  if (!fqdn.endsWith(`.${ZONE}`)) return undefined;
  const labels = fqdn.slice(0, -(ZONE.length + 1)).split(".");
  if (labels.some((l) => l === "")) return undefined;
  // <svc>.<ns>.svc
  if (labels.length === 3 && labels[2] === "svc") return serviceRecord(view, labels[1], labels[0]);
  // <hostname>.<svc>.<ns>.svc: a pod whose hostname/subdomain put it under a headless Service.
  if (labels.length === 4 && labels[3] === "svc") return hostnameRecord(view, labels[2], labels[1], labels[0]);
  // <a-b-c-d>.<ns>.pod: `pods insecure` answers any well-formed address without checking
  // that such a pod exists (kind's Corefile uses this mode).
  if (labels.length === 3 && labels[2] === "pod") return podIPRecord(labels[0]);
  return undefined;
}

function serviceRecord(view: ClusterView, namespace: string, name: string): string[] | undefined {
  const svc = view.get(`Service/${namespace}/${name}`);
  if (!svc) {
    // The API server creates default/kubernetes itself; kubesim's store may not hold it.
    return namespace === "default" && name === "kubernetes" ? [KUBERNETES_SERVICE_IP] : undefined;
  }
  // ExternalName Services answer with a CNAME to a name outside the cluster: not simulated.
  if (svc.spec?.type === "ExternalName") return undefined;
  const clusterIP = svc.spec?.clusterIP as string | undefined;
  if (clusterIP === "None") {
    const ips = servicePods(view, svc).map((p) => p.status.podIP as string);
    return ips.length > 0 ? ips : undefined;
  }
  // The API server allocates spec.clusterIP on create (api/allocators); a Service stored
  // without one (an old state file) has no address to answer with, so no A record.
  return clusterIP ? [clusterIP] : undefined;
}

function hostnameRecord(view: ClusterView, namespace: string, service: string, hostname: string): string[] | undefined {
  const svc = view.get(`Service/${namespace}/${service}`);
  if (!svc || svc.spec?.clusterIP !== "None") return undefined;
  const ips = servicePods(view, svc)
    .filter((p: KubeObject) => p.spec?.hostname === hostname && p.spec?.subdomain === service)
    .map((p) => p.status.podIP as string);
  return ips.length > 0 ? ips : undefined;
}

function podIPRecord(label: string): string[] | undefined {
  const parts = label.split("-");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return [parts.map(Number).join(".")];
}
