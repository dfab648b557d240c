import { describe, expect, it } from "vitest";
import { createRng } from "../../sim/random";
import { allocateBit, calculateRangeOffset } from "./bitmap-strategy";
import { allocateNextIP, checkIP } from "./cluster-ip";
import { allocateNextPort, checkPort } from "./node-port";
import { ipToNumber, numberToIP } from "./ip-range";

describe("calculateRangeOffset", () => {
  const cases = [
    { name: "a /16 service CIDR keeps the first 256 addresses static", size: 65536, lo: 16, hi: 256, step: 16, want: 256 },
    { name: "a /24 keeps the minimum of 16", size: 256, lo: 16, hi: 256, step: 16, want: 16 },
    { name: "a /28 is too small for a static band", size: 8, lo: 16, hi: 256, step: 16, want: 0 },
    { name: "the default node port range keeps 86 static ports", size: 2768, lo: 16, hi: 128, step: 32, want: 86 },
  ];
  it.each(cases)("$name", ({ size, lo, hi, step, want }) => expect(calculateRangeOffset(size, lo, hi, step)).toBe(want));
});

describe("allocateBit", () => {
  const cases = [
    { name: "takes the upper band while it has room", used: [] as number[], max: 8, offset: 4, want: [4, 5, 6, 7] },
    { name: "falls back to the static band when the upper band is full", used: [4, 5, 6, 7], max: 8, offset: 4, want: [0, 1, 2, 3] },
    { name: "answers nothing when every offset is taken", used: [0, 1, 2, 3], max: 4, offset: 0, want: [] },
  ];
  it.each(cases)("$name", ({ used, max, offset, want }) => {
    const got = allocateBit((i) => used.includes(i), max, offset, createRng(7));
    if (want.length === 0) expect(got).toBeUndefined();
    else expect(want).toContain(got);
  });
});

describe("cluster IPs", () => {
  it("allocates above 10.96.0.255 and never a taken address", () => {
    const rng = createRng(1);
    const used = new Set(["10.96.0.1"]);
    for (let i = 0; i < 200; i++) {
      const ip = allocateNextIP(used, rng);
      expect(used.has(ip)).toBe(false);
      expect(ipToNumber(ip)!).toBeGreaterThanOrEqual(ipToNumber("10.96.1.1")!);
      expect(ipToNumber(ip)!).toBeLessThanOrEqual(ipToNumber("10.96.255.254")!);
      used.add(ip);
    }
  });
  it("gives the same address for the same seed", () => {
    expect(allocateNextIP(new Set(), createRng(42))).toBe(allocateNextIP(new Set(), createRng(42)));
  });
  const cases = [
    { name: "a free address in the static band is accepted", ip: "10.96.0.20", want: undefined },
    { name: "a taken address is refused", ip: "10.96.0.1", want: "provided IP is already allocated" },
    { name: "an address outside the CIDR is refused with the range", ip: "10.0.0.5", want: "the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/16" },
    { name: "the broadcast address is outside the usable range", ip: "10.96.255.255", want: "the provided IP (10.96.255.255) is not in the valid range. The range of valid IPs is 10.96.0.0/16" },
  ];
  it.each(cases)("$name", ({ ip, want }) => expect(checkIP(ip, new Set(["10.96.0.1"]))).toBe(want));
  it("round-trips addresses through numbers", () => expect(numberToIP(ipToNumber("10.96.143.27")!)).toBe("10.96.143.27"));
});

describe("node ports", () => {
  it("allocates from 30086 up and never a taken port", () => {
    const rng = createRng(3);
    const used = new Set<number>();
    for (let i = 0; i < 300; i++) {
      const port = allocateNextPort(used, rng);
      expect(used.has(port)).toBe(false);
      expect(port).toBeGreaterThanOrEqual(30086);
      expect(port).toBeLessThanOrEqual(32767);
      used.add(port);
    }
  });
  const cases = [
    { name: "a free port in range is accepted", port: 30080, want: undefined },
    { name: "a taken port is refused", port: 30001, want: "provided port is already allocated" },
    { name: "a port below the range is refused with the range", port: 80, want: "provided port is not in the valid range. The range of valid ports is 30000-32767" },
    { name: "a port above the range is refused", port: 32768, want: "provided port is not in the valid range. The range of valid ports is 30000-32767" },
  ];
  it.each(cases)("$name", ({ port, want }) => expect(checkPort(port, new Set([30001]))).toBe(want));
});
