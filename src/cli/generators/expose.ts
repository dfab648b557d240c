// What `kubectl expose` derives from the exposed object and the Service it builds. Ports of
// staging/src/k8s.io/kubectl/pkg/polymorphichelpers (canbeexposed.go, mapbasedselectorforobject.go,
// portsforobject.go, protocolsforobject.go) and createService in
// staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go (v1.32).

import type { KubeObject } from "../../api/types";
import { UsageError } from "../../api/errors";
import { formatLabels } from "../../api/selectors";

const EXPOSABLE = new Set(["Pod", "Service", "ReplicationController", "Deployment", "ReplicaSet"]);

/** CanBeExposed: `cannot expose a StatefulSet.apps` for the other kinds. */
export function canBeExposed(obj: KubeObject): void {
  if (EXPOSABLE.has(obj.kind)) return;
  const group = obj.apiVersion.includes("/") ? obj.apiVersion.split("/")[0] : "";
  throw new UsageError(`cannot expose a ${obj.kind}${group ? "." + group : ""}`);
}

/** MapBasedSelectorForObject: the selector as "k=v,k2=v2", or why there is none. */
export function mapBasedSelectorForObject(obj: KubeObject): string {
  switch (obj.kind) {
    case "Pod":
      if (Object.keys(obj.metadata.labels ?? {}).length === 0) throw new Error(`the pod has no labels and cannot be exposed`);
      return formatLabels(obj.metadata.labels);
    case "Service":
      if (!obj.spec?.selector) throw new Error("the service has no pod selector set");
      return formatLabels(obj.spec.selector);
    case "ReplicationController":
      return formatLabels(obj.spec?.selector);
    default: {
      const sel = obj.spec?.selector;
      if ((sel?.matchExpressions ?? []).length > 0) {
        throw new Error(`couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`);
      }
      return formatLabels(sel?.matchLabels);
    }
  }
}

function podSpecOf(obj: KubeObject): any {
  return obj.kind === "Pod" ? obj.spec : obj.spec?.template?.spec;
}

/** PortsForObject: container ports (pods and pod templates) or a Service's ports. */
export function portsForObject(obj: KubeObject): string[] {
  if (obj.kind === "Service") return ((obj.spec?.ports ?? []) as any[]).map((p) => String(p.port));
  return ((podSpecOf(obj)?.containers ?? []) as any[]).flatMap((c) => ((c.ports ?? []) as any[]).map((p) => String(p.containerPort)));
}

/** ProtocolsForObject + MakeProtocols: "80/TCP,53/UDP". */
export function protocolsForObject(obj: KubeObject): string {
  const pairs: string[] =
    obj.kind === "Service"
      ? ((obj.spec?.ports ?? []) as any[]).map((p) => `${p.port}/${p.protocol ?? "TCP"}`)
      : ((podSpecOf(obj)?.containers ?? []) as any[]).flatMap((c) => ((c.ports ?? []) as any[]).map((p) => `${p.containerPort}/${p.protocol ?? "TCP"}`));
  return pairs.join(",");
}

export interface ExposeOptions {
  readonly name: string;
  readonly selector: string;
  readonly labels: string;
  readonly port: string;
  /** Several introspected ports, "80,443" (wins over port, which is then empty). */
  readonly ports: string;
  readonly protocol: string;
  readonly protocols: string;
  readonly targetPort: string;
  readonly type: string;
  readonly externalIP: string;
  readonly loadBalancerIP: string;
  readonly sessionAffinity: string;
  readonly clusterIP: string;
}

/** createService: the Service kubectl expose sends. */
export function createService(o: ExposeOptions): KubeObject {
  if (o.selector === "") throw new UsageError("selector must be specified");
  const selector = parseLabels(o.selector);
  const labels = o.labels ? parseLabels(o.labels) : undefined;
  if (o.name === "") throw new UsageError("name must be specified");
  const protocolMap = parseProtocols(o.protocols);
  const portString = o.ports || o.port;
  const ports: Record<string, unknown>[] = [];
  if (portString) {
    const list = portString.split(",");
    list.forEach((text, i) => {
      if (!/^[+-]?\d+$/.test(text)) throw new UsageError(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
      const port = Number(text);
      const name = list.length > 1 ? `port-${i + 1}` : "";
      let protocol = o.protocol;
      if (!protocol) {
        protocol = "TCP";
        const found = protocolMap.get(text);
        if (found && found.length === 1) protocol = found[0];
        else if (found && found.length > 1) {
          for (const p of found) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, protocol: p, port });
          return;
        }
      }
      ports.push({ ...(name ? { name } : {}), protocol, port });
    });
  }
  const target = o.targetPort;
  for (const p of ports) p.targetPort = target ? (/^[+-]?\d+$/.test(target) ? Number(target) : target) : p.port;
  if (o.sessionAffinity && o.sessionAffinity !== "None" && o.sessionAffinity !== "ClientIP") throw new UsageError(`unknown session affinity: ${o.sessionAffinity}`);
  const type = o.clusterIP === "None" ? "ClusterIP" : o.type;
  // Fields in the Go structs' order: -o json with --dry-run=client prints them as built.
  const spec: Record<string, unknown> = {};
  if (ports.length > 0) spec.ports = ports;
  spec.selector = selector;
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  if (type) spec.type = type;
  if (o.externalIP) spec.externalIPs = [o.externalIP];
  if (o.sessionAffinity) spec.sessionAffinity = o.sessionAffinity;
  if (o.type === "LoadBalancer" && o.loadBalancerIP) spec.loadBalancerIP = o.loadBalancerIP;
  const metadata: Record<string, unknown> = { name: o.name, creationTimestamp: null };
  if (labels) metadata.labels = labels;
  return { kind: "Service", apiVersion: "v1", metadata, spec, status: { loadBalancer: {} } } as unknown as KubeObject;
}

/** parseLabels: "k=v,k2=v2" → map; a pair without "=" is an error. */
function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(",")) {
    const kv = pair.split("=");
    if (kv.length !== 2) throw new UsageError(`invalid label spec: ${pair}`);
    out[kv[0]] = kv[1];
  }
  return out;
}

/** parseProtocols: "80/TCP,53/UDP" → port → protocols. */
function parseProtocols(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!text) return out;
  for (const pair of text.split(",")) {
    const [port, protocol] = pair.split("/");
    if (!port || !protocol) throw new UsageError(`invalid protocol spec: ${pair}`);
    out.set(port, [...(out.get(port) ?? []), protocol]);
  }
  return out;
}
