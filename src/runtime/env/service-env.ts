// The Docker-link-style variables the kubelet gives every container for the Services it can
// see. Port of pkg/kubelet/kubelet_pods.go getServiceEnvVarMap and pkg/kubelet/envvars
// FromServices (v1.32): the `kubernetes` Service of the default namespace always, and every
// Service of the pod's namespace when enableServiceLinks (default true); headless and
// ExternalName Services have no cluster IP and give nothing.

import type { KubeObject } from "../../api/types/meta";

const MASTER_SERVICES = new Set(["kubernetes"]);

type ServicePort = { name?: string; port: number; protocol?: string };

/** IsServiceIPSet: a cluster IP that is neither empty nor "None". */
function isServiceIPSet(svc: KubeObject): boolean {
  const ip = svc.spec?.clusterIP ?? "";
  return ip !== "" && ip !== "None";
}

const envName = (s: string): string => s.replace(/-/g, "_").toUpperCase();

const joinHostPort = (host: string, port: number): string => (host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`);

/** FromServices for one Service: HOST, PORT, named ports, then the link variables per port. */
function fromService(svc: KubeObject): [string, string][] {
  const prefix = envName(svc.metadata.name ?? "");
  const ip: string = svc.spec?.clusterIP;
  const ports = (svc.spec?.ports ?? []) as ServicePort[];
  if (ports.length === 0) return [];
  const out: [string, string][] = [
    [`${prefix}_SERVICE_HOST`, ip],
    [`${prefix}_SERVICE_PORT`, String(ports[0].port)],
  ];
  for (const p of ports) if (p.name) out.push([`${prefix}_SERVICE_PORT_${envName(p.name)}`, String(p.port)]);
  ports.forEach((p, i) => {
    const proto = (p.protocol ?? "TCP").toLowerCase();
    const url = `${proto}://${joinHostPort(ip, p.port)}`;
    if (i === 0) out.push([`${prefix}_PORT`, url]);
    const portPrefix = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
    out.push([portPrefix, url], [`${portPrefix}_PROTO`, proto], [`${portPrefix}_PORT`, String(p.port)], [`${portPrefix}_ADDR`, ip]);
  });
  return out;
}

/**
 * The service variables for a pod in `namespace`, given every Service it may see (the default
 * namespace's and its own). Sorted by service name, so runs are reproducible (upstream ranges a map).
 * @example serviceEnv([kubernetesSvc], "default", true).KUBERNETES_SERVICE_HOST === "10.96.0.1"
 */
export function serviceEnv(services: readonly KubeObject[], namespace: string, enableServiceLinks: boolean): Record<string, string> {
  const byName = new Map<string, KubeObject>();
  for (const svc of services) {
    if (!isServiceIPSet(svc) || svc.spec?.type === "ExternalName") continue;
    const name = svc.metadata.name ?? "";
    if (svc.metadata.namespace === "default" && MASTER_SERVICES.has(name)) {
      if (!byName.has(name)) byName.set(name, svc);
    } else if (svc.metadata.namespace === namespace && enableServiceLinks) {
      byName.set(name, svc);
    }
  }
  const env: Record<string, string> = {};
  for (const name of [...byName.keys()].sort()) for (const [k, v] of fromService(byName.get(name)!)) env[k] = v;
  return env;
}
