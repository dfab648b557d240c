import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { Store } from "../store/store";
import { ApiServer, loadWritePipeline } from "../server";
import { createRng } from "../../sim/random";
import { instant } from "../../sim/time";
import { StatusError } from "../errors";
import { renderIssue } from "../validation/render";

await loadWritePipeline();

const KUBERNETES = {
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "kubernetes", namespace: "default", uid: "k", resourceVersion: "1" },
  spec: { clusterIP: "10.96.0.1", clusterIPs: ["10.96.0.1"], type: "ClusterIP", ports: [{ port: 443, protocol: "TCP", targetPort: 6443 }] },
} as unknown as KubeObject;

const DEFAULT_NS = { apiVersion: "v1", kind: "Namespace", metadata: { name: "default", uid: "ns", resourceVersion: "1" }, status: { phase: "Active" } } as unknown as KubeObject;
const api = () => new ApiServer(new Store([DEFAULT_NS, KUBERNETES], 2), () => instant(0), createRng(5));
const svc = (name: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion: "v1", kind: "Service", metadata: { name, namespace: "default" }, spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec } }) as KubeObject;

/** The error kubectl prints for a rejected write. */
function rejection(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof StatusError && err.invalid) return `${err.message}: ${err.invalid.issues.map(renderIssue).join("; ")}`;
    throw err;
  }
  return "accepted";
}

describe("Service allocation on create", () => {
  it("gives a ClusterIP Service an address from the upper part of 10.96.0.0/16 and the single-stack fields", () => {
    const s = api().create(svc("web", {}));
    expect(s.spec.clusterIP).toMatch(/^10\.96\.(\d+)\.\d+$/);
    expect(Number(s.spec.clusterIP.split(".")[2])).toBeGreaterThanOrEqual(1);
    expect(s.spec.clusterIPs).toEqual([s.spec.clusterIP]);
    expect(s.spec).toMatchObject({ ipFamilies: ["IPv4"], ipFamilyPolicy: "SingleStack", internalTrafficPolicy: "Cluster", sessionAffinity: "None" });
    expect(s.status).toEqual({ loadBalancer: {} });
  });

  it("gives NodePort and LoadBalancer ports a node port in 30086-32767", () => {
    const server = api();
    for (const type of ["NodePort", "LoadBalancer"]) {
      const s = server.create(svc(type.toLowerCase(), { type }));
      expect(s.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30086);
      expect(s.spec.ports[0].nodePort).toBeLessThanOrEqual(32767);
      expect(s.spec.externalTrafficPolicy).toBe("Cluster");
    }
  });

  const cases = [
    { name: "honours a free requested address", spec: { clusterIP: "10.96.0.20" }, want: "accepted" },
    {
      name: "refuses an address that is taken",
      spec: { clusterIP: "10.96.0.1" },
      want: 'Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.1"}: failed to allocate IP 10.96.0.1: provided IP is already allocated',
    },
    {
      name: "refuses an address outside the service CIDR",
      spec: { clusterIP: "10.0.0.9" },
      want: 'Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.9"}: failed to allocate IP 10.0.0.9: the provided IP (10.0.0.9) is not in the valid range. The range of valid IPs is 10.96.0.0/16',
    },
    { name: "a headless Service gets no address", spec: { clusterIP: "None" }, want: "accepted" },
    {
      name: "refuses a node port outside the range",
      spec: { type: "NodePort", ports: [{ port: 80, nodePort: 80 }] },
      want: 'Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    },
  ];
  it.each(cases)("$name", ({ spec, want }) => expect(rejection(() => api().create(svc("x", spec)))).toBe(want));

  it("refuses a node port another Service holds, and frees it when that Service is deleted", () => {
    const server = api();
    server.create(svc("a", { type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] }));
    expect(rejection(() => server.create(svc("b", { type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] })))).toBe(
      'Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
    server.delete({ kind: "Service", namespace: "default", name: "a" });
    expect(server.create(svc("b", { type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] })).spec.ports[0].nodePort).toBe(30080);
  });

  it("frees a cluster IP when its Service is deleted", () => {
    const server = api();
    server.create(svc("a", { clusterIP: "10.96.0.50" }));
    server.delete({ kind: "Service", namespace: "default", name: "a" });
    expect(server.create(svc("b", { clusterIP: "10.96.0.50" })).spec.clusterIP).toBe("10.96.0.50");
  });
});

describe("Service allocation on update", () => {
  it("keeps the allocated address and node port when a replace leaves them out", () => {
    const server = api();
    const made = server.create(svc("web", { type: "NodePort" }));
    const replaced = server.update(svc("web", { type: "NodePort" }));
    expect(replaced.spec.clusterIP).toBe(made.spec.clusterIP);
    expect(replaced.spec.ports[0].nodePort).toBe(made.spec.ports[0].nodePort);
  });

  it("refuses to change the cluster IP", () => {
    const server = api();
    server.create(svc("web", {}));
    expect(rejection(() => server.update(svc("web", { clusterIP: "10.96.0.77" })))).toBe(
      'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.77"}: may not change once set',
    );
  });

  it("allocates node ports when the type changes to NodePort and drops them when it changes back", () => {
    const server = api();
    const made = server.create(svc("web", {}));
    const np = server.update({ ...made, spec: { ...made.spec, type: "NodePort" } });
    expect(np.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    const back = server.update({ ...np, spec: { ...np.spec, type: "ClusterIP", externalTrafficPolicy: undefined } });
    expect(back.spec.ports[0].nodePort).toBeUndefined();
    expect(back.spec.clusterIP).toBe(made.spec.clusterIP);
  });
});
