import { describe, expect, it } from "vitest";
import { validateEndpointSlice, validateEndpoints } from "./endpoints";

const paths = (issues: { path: string; type: string }[]) => issues.map((i) => `${i.type} ${i.path}`);
const subset = (ips: string[], ports: object[] = [{ port: 80, protocol: "TCP" }]) => ({ subsets: [{ addresses: ips.map((ip) => ({ ip })), ports }] });

describe("validateEndpoints", () => {
  it.each([
    { name: "accepts an IPv4 and an IPv6 address", ep: subset(["10.1.1.1", "2001:db8::1"]), want: [] },
    { name: "accepts IPv4 parts with leading zeros (ParseIPSloppy)", ep: subset(["010.001.001.001"]), want: [] },
    { name: "refuses a name for an IP", ep: subset(["db"]), want: ["Invalid subsets[0].addresses[0].ip"] },
    {
      name: "refuses the unspecified, loopback, link-local and link-local multicast ranges",
      ep: subset(["0.0.0.0", "::1", "169.254.1.1", "224.0.0.5", "fe80::1"]),
      want: [0, 1, 2, 3, 4].map((i) => `Invalid subsets[0].addresses[${i}].ip`),
    },
    { name: "needs addresses or notReadyAddresses", ep: { subsets: [{ ports: [{ port: 80, protocol: "TCP" }] }] }, want: ["Required subsets[0]"] },
    { name: "takes notReadyAddresses alone", ep: { subsets: [{ notReadyAddresses: [{ ip: "10.1.1.1" }] }] }, want: [] },
    {
      name: "names every port when there are several",
      ep: subset(["10.1.1.1"], [{ port: 80, protocol: "TCP" }, { name: "b", port: 81, protocol: "TCP" }]),
      want: ["Required subsets[0].ports[0].name"],
    },
    { name: "refuses a port out of range and an unknown protocol", ep: subset(["10.1.1.1"], [{ port: 0, protocol: "HTTP" }]), want: ["Invalid subsets[0].ports[0].port", "NotSupported subsets[0].ports[0].protocol"] },
  ])("$name", ({ ep, want }) => expect(paths(validateEndpoints(ep))).toEqual(want));
});

describe("validateEndpointSlice", () => {
  const slice = (addressType: string | undefined, addresses: string[][], ports: object[] = []) => ({ addressType, endpoints: addresses.map((a) => ({ addresses: a })), ports });
  it.each([
    { name: "accepts IPv4 addresses", es: slice("IPv4", [["10.1.1.1"]]), want: [] },
    { name: "requires an addressType", es: slice(undefined, []), want: ["Required addressType"] },
    { name: "refuses an unknown addressType, leaving its addresses unchecked", es: slice("IP", [["x"]]), want: ["NotSupported addressType"] },
    { name: "reads addresses as its type: an IPv6 one in an IPv4 slice", es: slice("IPv4", [["2001:db8::1"]]), want: ["Invalid endpoints[0].addresses[0]"] },
    { name: "an IPv4 one in an IPv6 slice", es: slice("IPv6", [["10.1.1.1"]]), want: ["Invalid endpoints[0].addresses[0]"] },
    { name: "no special ranges", es: slice("IPv4", [["127.0.0.1"]]), want: ["Invalid endpoints[0].addresses[0]"] },
    { name: "FQDN addresses pass (IsFullyQualifiedDomainName is not ported)", es: slice("FQDN", [["db.example.com"]]), want: [] },
    { name: "at least one address per endpoint", es: slice("IPv4", [[]]), want: ["Required endpoints[0].addresses"] },
    { name: "ports: range and protocol", es: slice("IPv4", [], [{ name: "", port: 70000, protocol: "TCP" }, { name: "x", protocol: "ICMP" }]), want: ["Invalid ports[0].port", "NotSupported ports[1].protocol"] },
  ])("$name", ({ es, want }) => expect(paths(validateEndpointSlice(es))).toEqual(want));
});
