import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { endpointsController, syncService } from "./index";
import { reconcileKubernetesEndpoints } from "./kubernetes-service";
import { pod, service, T0, viewOver } from "./test-objects";

const KEY = "Service/default/web";

/** The written Endpoints as "ready=ip:port,… notReady=ip,…" per subset, or the write op. */
function summary(objects: KubeObject[]): string[] {
  const out = syncService(viewOver(objects), KEY);
  return out.writes.map((w) => {
    if (w.op === "delete") return `delete ${w.ref.kind} ${w.ref.name}`;
    const ep = (w as { object: any }).object;
    const subsets = (ep.subsets ?? []).map((ss: any) => {
      const ports = (ss.ports ?? []).map((p: any) => p.port).join("+");
      const ips = (list: any[] | undefined) => (list ?? []).map((a: any) => a.ip + (a.hostname ? `(${a.hostname})` : "")).join(",");
      return `ready=${ips(ss.addresses)} notReady=${ips(ss.notReadyAddresses)} ports=${ports}`;
    });
    return `${w.op} ${subsets.join(" | ") || "no subsets"}`;
  });
}

describe("endpoints controller", () => {
  const cases: { name: string; objects: KubeObject[]; want: string[] }[] = [
    {
      name: "lists Ready pods as addresses, sorted by IP",
      objects: [service("web"), pod("b", { ip: "10.244.1.9" }), pod("a", { ip: "10.244.1.10" })],
      want: ["create ready=10.244.1.10,10.244.1.9 notReady= ports=8080"],
    },
    {
      name: "puts a pod that is not Ready into notReadyAddresses",
      objects: [service("web"), pod("a", { ip: "10.244.1.2" }), pod("b", { ip: "10.244.1.3", ready: false })],
      want: ["create ready=10.244.1.2 notReady=10.244.1.3 ports=8080"],
    },
    {
      name: "publishNotReadyAddresses lists every pod as ready",
      objects: [service("web", { publishNotReadyAddresses: true }), pod("b", { ip: "10.244.1.3", ready: false })],
      want: ["create ready=10.244.1.3 notReady= ports=8080"],
    },
    {
      name: "leaves out pods without an IP, terminating pods and pods of other apps",
      objects: [service("web"), pod("a"), pod("b", { ip: "10.244.1.3", terminating: true }), pod("c", { ip: "10.244.1.4", labels: { app: "db" } })],
      want: ["create no subsets"],
    },
    {
      name: "leaves out a finished pod that will not restart",
      objects: [service("web"), pod("a", { ip: "10.244.1.2", phase: "Succeeded", restartPolicy: "Never" })],
      want: ["create no subsets"],
    },
    {
      name: "resolves a named targetPort per pod and skips pods without that port",
      objects: [
        service("web", { ports: [{ port: 80, protocol: "TCP", targetPort: "http" }] }),
        pod("a", { ip: "10.244.1.2", ports: [{ name: "http", containerPort: 8081 }] }),
        pod("b", { ip: "10.244.1.3" }),
      ],
      want: ["create ready=10.244.1.2 notReady= ports=8081"],
    },
    {
      name: "groups pods by the ports they resolve to",
      objects: [
        service("web", { ports: [{ port: 80, protocol: "TCP", targetPort: "http" }] }),
        pod("a", { ip: "10.244.1.2", ports: [{ name: "http", containerPort: 8081 }] }),
        pod("b", { ip: "10.244.1.3", ports: [{ name: "http", containerPort: 9090 }] }),
      ],
      want: ["create ready=10.244.1.2 notReady= ports=8081 | ready=10.244.1.3 notReady= ports=9090"],
    },
    {
      name: "sets the hostname of a pod whose subdomain is the Service",
      objects: [service("web", { clusterIP: "None" }), pod("a", { ip: "10.244.1.2", hostname: "web-0", subdomain: "web" }), pod("b", { ip: "10.244.1.3", hostname: "x", subdomain: "other" })],
      want: ["create ready=10.244.1.2(web-0),10.244.1.3 notReady= ports=8080"],
    },
    { name: "a Service without a selector is left to its user", objects: [service("web", { selector: undefined }), pod("a", { ip: "10.244.1.2" })], want: [] },
    { name: "an ExternalName Service gets no Endpoints", objects: [service("web", { type: "ExternalName", externalName: "example.com" })], want: [] },
    {
      name: "a deleted Service's Endpoints are deleted",
      objects: [{ apiVersion: "v1", kind: "Endpoints", metadata: { name: "web", namespace: "default" } } as KubeObject],
      want: ["delete Endpoints web"],
    },
  ];
  it.each(cases)("$name", ({ objects, want }) => expect(summary(objects)).toEqual(want));

  it("moves an address from notReady to ready when the pod turns Ready, and is idempotent", () => {
    const svc = service("web");
    const notReady = syncService(viewOver([svc, pod("a", { ip: "10.244.1.2", ready: false })]), KEY).writes[0] as { object: KubeObject };
    const stored = { ...notReady.object, metadata: { ...notReady.object.metadata, uid: "ep", resourceVersion: "9" } } as KubeObject;
    expect(syncService(viewOver([svc, stored, pod("a", { ip: "10.244.1.2", ready: false })]), KEY).writes).toEqual([]);
    const out = syncService(viewOver([svc, stored, pod("a", { ip: "10.244.1.2", readySince: "2025-01-01T00:00:07Z" })]), KEY);
    const ep = (out.writes[0] as { op: string; object: any });
    expect(ep.op).toBe("update");
    expect(ep.object.subsets).toEqual([{ addresses: [expect.objectContaining({ ip: "10.244.1.2", nodeName: "kubesim-worker" })], ports: [{ port: 8080, protocol: "TCP" }] }]);
    expect(ep.object.metadata.annotations["endpoints.kubernetes.io/last-change-trigger-time"]).toBe("2025-01-01T00:00:07Z");
  });

  it("stamps the earliest change on the first write and clears the stamp when a pod only went away", () => {
    const svc = service("web");
    const pods = [pod("a", { ip: "10.244.1.2", readySince: "2025-01-01T00:00:04Z" }), pod("b", { ip: "10.244.1.3", readySince: "2025-01-01T00:00:06Z" })];
    const first = (syncService(viewOver([svc, ...pods]), KEY).writes[0] as { object: KubeObject }).object;
    expect(first.metadata.annotations).toEqual({ "endpoints.kubernetes.io/last-change-trigger-time": T0 });
    const stored = { ...first, metadata: { ...first.metadata, uid: "ep", resourceVersion: "9", creationTimestamp: "2025-01-01T00:00:10Z", annotations: { "endpoints.kubernetes.io/last-change-trigger-time": "2025-01-01T00:00:06Z" } } } as KubeObject;
    const after = (syncService(viewOver([svc, stored, pods[0]]), KEY).writes[0] as { object: KubeObject }).object;
    expect(after.metadata.annotations).toBeUndefined();
  });

  it("labels the Endpoints of a headless Service and stamps the trigger time", () => {
    const out = syncService(viewOver([service("web", { clusterIP: "None" }, { app: "web" })]), KEY);
    const ep = (out.writes[0] as { object: KubeObject }).object;
    expect(ep.metadata.labels).toEqual({ app: "web", "service.kubernetes.io/headless": "" });
    expect(ep.metadata.annotations).toEqual({ "endpoints.kubernetes.io/last-change-trigger-time": T0 });
  });
});

describe("what wakes a Service for its Endpoints", () => {
  const trigger = endpointsController.wakeOn.find((t) => t.kind === "Endpoints")!;
  const ep = { apiVersion: "v1", kind: "Endpoints", metadata: { name: "web", namespace: "default" } } as KubeObject;
  it.each([
    { name: "not Endpoints written by hand (created)", before: undefined, after: ep, want: false },
    { name: "not Endpoints changed by hand", before: ep, after: { ...ep, subsets: [] } as KubeObject, want: false },
    { name: "their deletion, which puts them back", before: ep, after: undefined, want: true },
  ])("$name", ({ before, after, want }) => {
    expect(trigger.concerns!(before, after)).toBe(want);
    expect(trigger.keysFor((after ?? before)!, viewOver([]))).toEqual(["Service/default/web"]);
  });
});

describe("the kubernetes Service's endpoints", () => {
  const node = { apiVersion: "v1", kind: "Node", metadata: { name: "kubesim-control-plane", labels: { "node-role.kubernetes.io/control-plane": "" } }, status: { addresses: [{ type: "InternalIP", address: "172.18.0.2" }] } } as unknown as KubeObject;
  const kubernetes = service("kubernetes", { selector: undefined, clusterIP: "10.96.0.1", ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }] });

  it("points Endpoints and EndpointSlice `kubernetes` at the control plane's address on 6443", () => {
    const out = reconcileKubernetesEndpoints(viewOver([node, kubernetes]));
    expect(out.writes.map((w) => `${w.op} ${(w as { object: KubeObject }).object.kind}`)).toEqual(["create Endpoints", "create EndpointSlice"]);
    expect((out.writes[0] as { object: any }).object.subsets).toEqual([{ addresses: [{ ip: "172.18.0.2" }], ports: [{ name: "https", port: 6443, protocol: "TCP" }] }]);
  });

  it("writes nothing once they exist", () => {
    const first = reconcileKubernetesEndpoints(viewOver([node, kubernetes]));
    const made = first.writes.map((w) => (w as { object: KubeObject }).object);
    expect(reconcileKubernetesEndpoints(viewOver([node, kubernetes, ...made])).writes).toEqual([]);
  });
});
