import { describe, expect, it } from "vitest";
import { Store } from "../../api/store/store";
import { viewOf } from "../../api/store/view";
import { instant } from "../../sim/time";
import { clusterNetwork } from "./cluster-network";
import { searchCandidates } from "./dns";
import { pod, service } from "./test-objects";

const objects = [
  service("nginx", { clusterIP: "10.96.100.5", selector: { app: "nginx" }, ports: [{ port: 80 }] }),
  service("db", { clusterIP: "10.96.7.7", selector: { app: "db" }, ports: [{ port: 5432 }] }, "prod"),
  service("web", { clusterIP: "None", selector: { app: "web" }, ports: [{ port: 80 }] }),
  service("empty", { clusterIP: "None", selector: { app: "nothing" }, ports: [{ port: 80 }] }),
  service("pending", { selector: { app: "nginx" }, ports: [{ port: 80 }] }),
  service("ext", { type: "ExternalName", externalName: "example.com" }),
  pod("web-0", { ip: "10.244.0.10", labels: { app: "web" }, hostname: "web-0", subdomain: "web" }),
  pod("web-1", { ip: "10.244.0.11", labels: { app: "web" }, hostname: "web-1", subdomain: "web" }),
  pod("web-2", { ip: "10.244.0.12", labels: { app: "web" }, hostname: "web-2", subdomain: "web", ready: false }),
  pod("client", { ip: "10.244.0.20" }),
  pod("client", { ip: "10.244.0.21", ns: "prod" }),
];
const view = viewOf(new Store(objects), new Map());
const from = (ns: string) => objects.find((o) => o.metadata.name === "client" && o.metadata.namespace === ns)!;

describe("resolve", () => {
  const cases: { name: string; ns: string; query: string; want: string[] | undefined }[] = [
    { name: "a bare Service name resolves in the asking pod's namespace", ns: "default", query: "nginx", want: ["10.96.100.5"] },
    { name: "svc.ns resolves through the svc.cluster.local search domain", ns: "default", query: "db.prod", want: ["10.96.7.7"] },
    { name: "svc.ns.svc resolves through the cluster.local search domain", ns: "default", query: "db.prod.svc", want: ["10.96.7.7"] },
    { name: "the full name resolves", ns: "default", query: "db.prod.svc.cluster.local", want: ["10.96.7.7"] },
    { name: "the full name with a trailing dot resolves", ns: "default", query: "db.prod.svc.cluster.local.", want: ["10.96.7.7"] },
    { name: "names are case-insensitive", ns: "default", query: "NGINX.Default", want: ["10.96.100.5"] },
    { name: "a bare name from another namespace's Service is not found", ns: "prod", query: "nginx", want: undefined },
    { name: "a bare name finds the Service of the asking pod's own namespace", ns: "prod", query: "db", want: ["10.96.7.7"] },
    { name: "kubernetes.default is the API server's Service", ns: "prod", query: "kubernetes.default", want: ["10.96.0.1"] },
    { name: "a headless Service answers with its ready pods' IPs", ns: "default", query: "web", want: ["10.244.0.10", "10.244.0.11"] },
    { name: "a headless Service with no ready pods has no records", ns: "default", query: "empty", want: undefined },
    { name: "a StatefulSet pod name resolves to that pod", ns: "default", query: "web-1.web.default.svc.cluster.local", want: ["10.244.0.11"] },
    { name: "a StatefulSet pod name resolves through the search list", ns: "default", query: "web-0.web", want: ["10.244.0.10"] },
    { name: "a StatefulSet pod that is not ready has no record", ns: "default", query: "web-2.web", want: undefined },
    { name: "a pod name under a non-headless Service has no record", ns: "default", query: "web-0.nginx", want: undefined },
    { name: "a pod A record answers its dashed address", ns: "default", query: "10-244-0-10.default.pod.cluster.local", want: ["10.244.0.10"] },
    { name: "a pod A record with a malformed address is not found", ns: "default", query: "10-244-0-999.default.pod.cluster.local", want: undefined },
    { name: "a Service without a cluster IP yet has no record", ns: "default", query: "pending", want: undefined },
    { name: "an ExternalName Service is not simulated", ns: "default", query: "ext", want: undefined },
    { name: "an unknown name is not found", ns: "default", query: "nosuch", want: undefined },
    { name: "an internet name is not found", ns: "default", query: "example.com", want: undefined },
  ];
  it.each(cases)("$name", ({ ns, query, want }) => {
    expect(clusterNetwork(view, from(ns), instant(0)).resolve(query)).toEqual(want);
  });
});

describe("searchCandidates", () => {
  const cases = [
    { name: "a name with fewer than five dots tries the search list first", query: "a.b", want: ["a.b.ns.svc.cluster.local", "a.b.svc.cluster.local", "a.b.cluster.local", "a.b"] },
    { name: "a name with five dots is tried as is first", query: "a.b.c.d.e.f", want: ["a.b.c.d.e.f", "a.b.c.d.e.f.ns.svc.cluster.local", "a.b.c.d.e.f.svc.cluster.local", "a.b.c.d.e.f.cluster.local"] },
    { name: "a name ending in a dot is only tried as is", query: "a.b.", want: ["a.b"] },
  ];
  it.each(cases)("$name", ({ query, want }) => {
    expect(searchCandidates(query, "ns")).toEqual(want);
  });
});
