// Services: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE (+ SELECTOR). printService.

import type { KubeObject } from "../../api/types";
import { formatLabels } from "../../api/selectors";
import { age } from "../age";
import { nameOf } from "./cells";
import type { TableHandler } from "./types";

/** Without -o wide a LoadBalancer address list longer than 16 is cut to 13 + "...". */
const LOAD_BALANCER_WIDTH = 16;

function loadBalancerStatus(svc: KubeObject, wide: boolean): string {
  const ips = new Set<string>();
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) ips.add(ing.ip);
    else if (ing.hostname) ips.add(ing.hostname);
  }
  const r = [...ips].sort().join(",");
  return !wide && r.length > LOAD_BALANCER_WIDTH ? r.slice(0, LOAD_BALANCER_WIDTH - 3) + "..." : r;
}

export function externalIP(svc: KubeObject, wide: boolean): string {
  const externalIPs: string[] = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case "ClusterIP":
    case "NodePort":
      return externalIPs.length > 0 ? externalIPs.join(",") : "<none>";
    case "LoadBalancer": {
      const lb = loadBalancerStatus(svc, wide);
      if (externalIPs.length > 0) return [...(lb ? lb.split(",") : []), ...externalIPs].join(",");
      return lb || "<pending>";
    }
    case "ExternalName":
      return svc.spec?.externalName ?? "";
  }
  return "<unknown>";
}

export function portString(ports: any[] | undefined): string {
  return (ports ?? [])
    .map((p) => (p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? "TCP"}` : `${p.port}/${p.protocol ?? "TCP"}`))
    .join(",");
}

export const serviceTable: TableHandler = {
  kind: "Service",
  columns: [
    { name: "NAME" },
    { name: "TYPE" },
    { name: "CLUSTER-IP" },
    { name: "EXTERNAL-IP" },
    { name: "PORT(S)" },
    { name: "AGE" },
    { name: "SELECTOR", wide: true },
  ],
  row: (svc, now, wide = false) => [
    nameOf(svc),
    svc.spec?.type ?? "",
    svc.spec?.clusterIPs?.[0] ?? "<none>",
    externalIP(svc, wide),
    portString(svc.spec?.ports) || "<none>",
    age(svc.metadata.creationTimestamp, now),
    formatLabels(svc.spec?.selector),
  ],
};
