import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { formatDiscoveryEndpoints, formatDiscoveryPorts } from "./endpointslice";
import { formatEndpointSlices } from "../describe/service";

const ep = (ip: string, ready = true) => ({ addresses: [ip], conditions: { ready } });

describe("EndpointSlice cells", () => {
  const cases = [
    { name: "no endpoints print <unset>", cell: formatDiscoveryEndpoints(null), want: "<unset>" },
    { name: "every address is listed, ready or not", cell: formatDiscoveryEndpoints([ep("10.244.1.2"), ep("10.244.1.3", false)]), want: "10.244.1.2,10.244.1.3" },
    { name: "more than three addresses end in + N more...", cell: formatDiscoveryEndpoints(["1", "2", "3", "4", "5"].map((n) => ep(`10.244.1.${n}`))), want: "10.244.1.1,10.244.1.2,10.244.1.3 + 2 more..." },
    { name: "no ports print <unset>", cell: formatDiscoveryPorts(null), want: "<unset>" },
    { name: "ports print their numbers", cell: formatDiscoveryPorts([{ name: "http", port: 8080 }, { name: "dns", port: 53 }]), want: "8080,53" },
  ];
  it.each(cases)("$name", ({ cell, want }) => expect(cell).toBe(want));
});

describe("describe service: Endpoints line", () => {
  const slice = (endpoints: unknown[], ports = [{ name: "", port: 8080 }]) => ({ kind: "EndpointSlice", metadata: {}, endpoints, ports }) as unknown as KubeObject;
  const cases = [
    { name: "no slices print <none>", slices: [], want: "<none>" },
    { name: "a slice without ready endpoints prints nothing", slices: [slice([ep("10.244.1.2", false)])], want: "" },
    { name: "ready endpoints with the slice's port", slices: [slice([ep("10.244.1.2"), ep("10.244.1.3", false)])], want: "10.244.1.2:8080" },
    { name: "a port of another name is not this Service port's", slices: [slice([ep("10.244.1.2")], [{ name: "metrics", port: 9090 }])], want: "" },
    { name: "more than three end in + N more...", slices: [slice(["1", "2", "3", "4"].map((n) => ep(`10.244.1.${n}`)))], want: "10.244.1.1:8080,10.244.1.2:8080,10.244.1.3:8080 + 1 more..." },
  ];
  it.each(cases)("$name", ({ slices, want }) => expect(formatEndpointSlices(slices, { name: "", port: 80 })).toBe(want));
});
