import { describe, expect, it } from "vitest";
import { allocatePodIP, hostIPOf } from "./pod-ips";
import { node } from "../../test/builders/node";

describe("allocatePodIP", () => {
  const cases = [
    { name: "starts at .2, after the bridge's .1", cidr: "10.244.1.0/24", taken: [], want: "10.244.1.2" },
    { name: "takes the lowest free address", cidr: "10.244.1.0/24", taken: ["10.244.1.2", "10.244.1.4"], want: "10.244.1.3" },
    { name: "never hands out the broadcast address", cidr: "10.244.1.0/30", taken: ["10.244.1.2"], want: undefined },
    { name: "works for ranges wider than a /24", cidr: "10.244.0.0/16", taken: [], want: "10.244.0.2" },
  ];
  it.each(cases)("$name", ({ cidr, taken, want }) => expect(allocatePodIP(cidr, new Set(taken))).toBe(want));

  it("reads the host IP from the node's InternalIP", () => expect(hostIPOf(node("n", 2).build())).toBe("172.18.0.4"));
});
