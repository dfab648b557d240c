// The Service `kubectl create service <type>` builds: createService and parsePorts of
// staging/src/k8s.io/kubectl/pkg/cmd/create/create_service.go (v1.32). Every port is TCP, named
// after its specifier (`80:8080` → `80-8080`); label and selector are app=<name>.

import type { KubeObject } from "../../api/types";
import { UsageError } from "../../api/errors";
import { isValidPortName, isValidPortNum } from "../../api/validation/dns";

export type ServiceType = "ClusterIP" | "NodePort" | "LoadBalancer" | "ExternalName";

export interface ServiceSpecOptions {
  readonly name: string;
  readonly type: ServiceType;
  readonly tcp: readonly string[];
  readonly clusterIP?: string;
  readonly nodePort?: number;
  readonly externalName?: string;
  readonly namespace?: string;
}

export function buildService(o: ServiceSpecOptions): KubeObject {
  const ports = o.tcp.map((spec) => {
    const { port, targetPort } = parsePorts(spec);
    const p: Record<string, unknown> = { name: spec.replaceAll(":", "-"), protocol: "TCP", port, targetPort };
    if (o.nodePort) p.nodePort = o.nodePort;
    return p;
  });
  // Fields in the Go structs' order: -o json with --dry-run=client prints them as built.
  const spec: Record<string, unknown> = {};
  if (ports.length > 0) spec.ports = ports;
  spec.selector = { app: o.name };
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  spec.type = o.type;
  if (o.externalName) spec.externalName = o.externalName;
  const metadata: Record<string, unknown> = { name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}), creationTimestamp: null, labels: { app: o.name } };
  return { kind: "Service", apiVersion: "v1", metadata, spec, status: { loadBalancer: {} } } as unknown as KubeObject;
}

/**
 * parsePorts: `port[:targetPort]`; the port as utilsnet.ParsePort reads it (strconv.ParseUint
 * with 16 bits), the target as a number or a port name.
 */
export function parsePorts(spec: string): { port: number; targetPort: number | string } {
  const [first, second] = spec.split(":");
  const port = parseUint16(first);
  if (second === undefined) return { port, targetPort: port };
  if (/^[+-]?\d+$/.test(second)) {
    const n = Number(second);
    const errs = isValidPortNum(n);
    if (errs.length > 0) throw new UsageError(errs.join(","));
    return { port, targetPort: n };
  }
  const errs = isValidPortName(second);
  if (errs.length > 0) throw new UsageError(errs.join(","));
  return { port, targetPort: second };
}

function parseUint16(text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`);
  const n = Number(text);
  if (n > 65535) throw new UsageError(`strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range`);
  return n;
}
