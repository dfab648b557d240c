import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { buildService, parsePorts } from "./service";
import { createService, mapBasedSelectorForObject, portsForObject, protocolsForObject, type ExposeOptions } from "./expose";

describe("create service: parsePorts", () => {
  const cases = [
    { name: "a bare port targets itself", spec: "80", want: { port: 80, targetPort: 80 } },
    { name: "port:number targets the number", spec: "80:8080", want: { port: 80, targetPort: 8080 } },
    { name: "port:name targets the named port", spec: "80:http", want: { port: 80, targetPort: "http" } },
    { name: "a port that is not a number is ParseUint's error", spec: "abc", want: 'strconv.ParseUint: parsing "abc": invalid syntax' },
    { name: "a port above 65535 is out of range", spec: "70000", want: 'strconv.ParseUint: parsing "70000": value out of range' },
    { name: "a target out of range is refused", spec: "80:0", want: "must be between 1 and 65535, inclusive" },
    { name: "a bad target name is refused", spec: "80:Bad_", want: "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)" },
  ];
  it.each(cases)("$name", ({ spec, want }) => {
    let got: unknown;
    try {
      got = parsePorts(spec);
    } catch (err) {
      got = (err as Error).message;
    }
    expect(got).toEqual(want);
  });

  it("names each port after its specifier and labels and selects app=<name>", () => {
    const svc = buildService({ name: "x", type: "NodePort", tcp: ["80:8080"], nodePort: 30080 });
    expect(svc.spec).toEqual({ type: "NodePort", selector: { app: "x" }, ports: [{ name: "80-8080", port: 80, protocol: "TCP", targetPort: 8080, nodePort: 30080 }] });
    expect(svc.metadata.labels).toEqual({ app: "x" });
  });
});

const deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", labels: { app: "web" } },
  spec: {
    selector: { matchLabels: { app: "web" } },
    template: { spec: { containers: [{ name: "c", ports: [{ containerPort: 80 }, { containerPort: 53, protocol: "UDP" }] }] } },
  },
} as unknown as KubeObject;

const base: ExposeOptions = { name: "web", selector: "app=web", labels: "", port: "", ports: "", protocol: "", protocols: "", targetPort: "", type: "", externalIP: "", loadBalancerIP: "", sessionAffinity: "", clusterIP: "" };

describe("expose", () => {
  it("introspects a Deployment's selector, ports and protocols", () => {
    expect(mapBasedSelectorForObject(deployment)).toBe("app=web");
    expect(portsForObject(deployment)).toEqual(["80", "53"]);
    expect(protocolsForObject(deployment)).toBe("80/TCP,53/UDP");
  });

  it("refuses a selector with matchExpressions", () => {
    const d = { ...deployment, spec: { ...deployment.spec, selector: { matchExpressions: [{ key: "a", operator: "Exists" }] } } } as KubeObject;
    expect(() => mapBasedSelectorForObject(d)).toThrow(/couldn't convert expressions/);
  });

  const cases: { name: string; o: Partial<ExposeOptions>; want: unknown }[] = [
    { name: "one port: unnamed, targeting itself", o: { port: "80", protocols: "80/TCP" }, want: [{ port: 80, protocol: "TCP", targetPort: 80 }] },
    {
      name: "several introspected ports are named port-N with their own protocols",
      o: { ports: "80,53", protocols: "80/TCP,53/UDP" },
      want: [
        { name: "port-1", port: 80, protocol: "TCP", targetPort: 80 },
        { name: "port-2", port: 53, protocol: "UDP", targetPort: 53 },
      ],
    },
    { name: "--target-port applies to every port", o: { port: "8080", targetPort: "http" }, want: [{ port: 8080, protocol: "TCP", targetPort: "http" }] },
    { name: "--protocol wins over the introspected one", o: { port: "53", protocol: "UDP", protocols: "53/TCP" }, want: [{ port: 53, protocol: "UDP", targetPort: 53 }] },
  ];
  it.each(cases)("$name", ({ o, want }) => expect(createService({ ...base, ...o }).spec.ports).toEqual(want));

  it("sets the type, and ClusterIP for a headless request", () => {
    expect(createService({ ...base, port: "80", type: "NodePort" }).spec.type).toBe("NodePort");
    expect(createService({ ...base, clusterIP: "None", type: "NodePort" }).spec).toMatchObject({ type: "ClusterIP", clusterIP: "None" });
  });
});
