import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import type { Outcome } from "../types";
import { syncService } from "./index";
import { MAX_ENDPOINTS_PER_SLICE } from "./reconciler";
import { pod, service, viewOver } from "../endpoints/test-objects";

const KEY = "Service/default/web";

/** Each write as "op name: ip(ready/serving/terminating)… ports=…". */
function summary(out: Outcome): string[] {
  return out.writes.map((w) => {
    if (w.op === "delete") return `delete ${w.ref.name}`;
    const s = (w as { object: any }).object;
    const eps = (s.endpoints ?? []).map((e: any) => {
      const c = e.conditions;
      return `${e.addresses[0]}(${c.ready ? "R" : "-"}${c.serving ? "S" : "-"}${c.terminating ? "T" : "-"})`;
    });
    const ports = s.ports === null ? "null" : (s.ports ?? []).map((p: any) => p.port).join("+");
    return `${w.op} ${s.metadata.name ?? s.metadata.generateName}: ${eps.join(",") || "none"} ports=${ports}`;
  });
}

/** A stored managed slice of Service web, as the controller would have made it. */
function slice(name: string, endpoints: KubeObject[]): KubeObject {
  const out = syncService(viewOver([service("web"), ...endpoints]), KEY);
  const made = (out.writes.find((w) => w.op === "create") as { object: any } | undefined)?.object;
  return { ...made, metadata: { ...made.metadata, name, uid: `uid-${name}` } } as KubeObject;
}

describe("endpointslice controller", () => {
  const cases: { name: string; objects: () => KubeObject[]; want: string[] }[] = [
    {
      name: "creates one slice for the matching pods, ready ones ready and serving",
      objects: () => [service("web"), pod("a", { ip: "10.244.1.2" }), pod("b", { ip: "10.244.1.3", ready: false })],
      want: ["create web-: 10.244.1.2(RS-),10.244.1.3(---) ports=8080"],
    },
    {
      name: "keeps a terminating pod in the slice, not ready but still serving",
      objects: () => [service("web"), pod("a", { ip: "10.244.1.2", terminating: true })],
      want: ["create web-: 10.244.1.2(-ST) ports=8080"],
    },
    {
      name: "publishNotReadyAddresses marks every endpoint ready",
      objects: () => [service("web", { publishNotReadyAddresses: true }), pod("a", { ip: "10.244.1.2", ready: false })],
      want: ["create web-: 10.244.1.2(RS-) ports=8080"],
    },
    {
      name: "a Service without pods gets a placeholder slice with no ports",
      objects: () => [service("web"), pod("a")],
      want: ["create web-: none ports=null"],
    },
    {
      name: "an existing placeholder is kept while there are still no pods",
      objects: () => [service("web"), slice("web-ph", [])],
      want: [],
    },
    {
      name: "the placeholder is replaced by a slice once a pod has an IP",
      objects: () => [service("web"), slice("web-ph", []), pod("a", { ip: "10.244.1.2" })],
      want: ["delete web-ph", "create web-: 10.244.1.2(RS-) ports=8080"],
    },
    {
      name: "a pod turning unready updates its endpoint in place",
      objects: () => [service("web"), slice("web-abcde", [pod("a", { ip: "10.244.1.2" })]), pod("a", { ip: "10.244.1.2", ready: false })],
      want: ["update web-abcde: 10.244.1.2(---) ports=8080"],
    },
    {
      name: "a new pod joins the existing slice",
      objects: () => [service("web"), slice("web-abcde", [pod("a", { ip: "10.244.1.2" })]), pod("a", { ip: "10.244.1.2" }), pod("b", { ip: "10.244.1.3" })],
      want: ["update web-abcde: 10.244.1.2(RS-),10.244.1.3(RS-) ports=8080"],
    },
    {
      name: "a converged slice needs no write",
      objects: () => [service("web"), slice("web-abcde", [pod("a", { ip: "10.244.1.2" })]), pod("a", { ip: "10.244.1.2" })],
      want: [],
    },
    {
      name: "the last pod leaving deletes the slice and brings back a placeholder",
      objects: () => [service("web"), slice("web-abcde", [pod("a", { ip: "10.244.1.2" })])],
      want: ["delete web-abcde", "create web-: none ports=null"],
    },
    {
      name: "a named targetPort splits pods into one slice per resolved port",
      objects: () => [
        service("web", { ports: [{ port: 80, protocol: "TCP", targetPort: "http" }] }),
        pod("a", { ip: "10.244.1.2", ports: [{ name: "http", containerPort: 8081 }] }),
        pod("b", { ip: "10.244.1.3", ports: [{ name: "http", containerPort: 9090 }] }),
      ],
      want: ["create web-: 10.244.1.2(RS-) ports=8081", "create web-: 10.244.1.3(RS-) ports=9090"],
    },
    {
      name: "the slices of a deleted Service are deleted",
      objects: () => [slice("web-abcde", [pod("a", { ip: "10.244.1.2" })])],
      want: ["delete web-abcde"],
    },
  ];
  it.each(cases)("$name", ({ objects, want }) => expect(summary(syncService(viewOver(objects()), KEY))).toEqual(want));

  it("labels, owns and annotates a new slice as upstream does", () => {
    const out = syncService(viewOver([service("web", { clusterIP: "None" }, { tier: "front" }), pod("a", { ip: "10.244.1.2", hostname: "web-0", subdomain: "web" })]), KEY);
    const s = (out.writes[0] as { object: any }).object;
    expect(s.metadata.labels).toEqual({
      tier: "front",
      "service.kubernetes.io/headless": "",
      "kubernetes.io/service-name": "web",
      "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io",
    });
    expect(s.metadata.ownerReferences).toEqual([{ apiVersion: "v1", kind: "Service", name: "web", uid: "uid-svc-web", controller: true, blockOwnerDeletion: true }]);
    expect(s.addressType).toBe("IPv4");
    expect(s.endpoints[0]).toMatchObject({ hostname: "web-0", nodeName: "kubesim-worker", targetRef: { kind: "Pod", name: "a", namespace: "default", uid: "uid-a" } });
    expect(s.ports).toEqual([{ name: "", port: 8080, protocol: "TCP" }]);
  });

  it(`puts at most ${MAX_ENDPOINTS_PER_SLICE} endpoints in one slice`, () => {
    const pods = Array.from({ length: 150 }, (_, i) => pod(`p${String(i).padStart(3, "0")}`, { ip: `10.244.${1 + Math.floor(i / 200)}.${i + 2}` }));
    const out = syncService(viewOver([service("web"), ...pods]), KEY);
    expect(out.writes.map((w) => ((w as { object: any }).object.endpoints ?? []).length)).toEqual([100, 50]);
  });
});
