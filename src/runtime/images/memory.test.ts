import { describe, expect, it } from "vitest";
import { imageProcessFor } from "./behaviour";
import { allocatedMemoryBytes, parseStressSize } from "./memory";

describe("parseStressSize reads sizes as stress does (powers of 1024)", () => {
  const cases = [
    { name: "a bare number is bytes", text: "4096", want: 4096 },
    { name: "M is mebibytes", text: "250M", want: 250 * 2 ** 20 },
    { name: "suffixes are case-insensitive", text: "150m", want: 150 * 2 ** 20 },
    { name: "g is gibibytes", text: "1g", want: 2 ** 30 },
    { name: "k is kibibytes", text: "8K", want: 8192 },
    { name: "an unknown suffix is malformed", text: "10Mi", want: undefined },
    { name: "a non-number is malformed", text: "lots", want: undefined },
  ];
  it.each(cases)("$name", ({ text, want }) => expect(parseStressSize(text)).toBe(want));
});

describe("allocatedMemoryBytes", () => {
  const stress = (args: string[], command = ["stress"]) => imageProcessFor("polinux/stress", { command, args });
  const cases = [
    { name: "the docs' memory-demo-2 holds 250M", proc: stress(["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]), want: 250 * 2 ** 20 },
    { name: "the docs' memory-demo holds 150M", proc: stress(["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"]), want: 150 * 2 ** 20 },
    { name: "two workers hold twice as much", proc: stress(["--vm", "2", "--vm-bytes", "10M"]), want: 20 * 2 ** 20 },
    { name: "--flag=value works too", proc: stress(["--vm=1", "--vm-bytes=64M"]), want: 64 * 2 ** 20 },
    { name: "without --vm-bytes a worker takes stress's default 256M", proc: stress(["--vm", "1"]), want: 256 * 2 ** 20 },
    { name: "without --vm stress allocates nothing", proc: stress(["--cpu", "1"]), want: 0 },
    { name: "the full path of the binary is the same program", proc: stress(["--vm", "1", "--vm-bytes", "1M"], ["/usr/bin/stress"]), want: 2 ** 20 },
    { name: "nginx allocates nothing the simulation models", proc: imageProcessFor("nginx", {}), want: 0 },
    { name: "a shell allocates nothing", proc: imageProcessFor("busybox", { command: ["sh", "-c", "sleep 10"] }), want: 0 },
  ];
  it.each(cases)("$name", ({ proc, want }) => expect(allocatedMemoryBytes(proc)).toBe(want));

  it("stress runs as a model that listens on no port", () => {
    const proc = stress(["--vm", "1"]);
    expect(proc.kind).toBe("model");
    expect(proc.kind === "model" && proc.ports).toEqual([]);
  });
});
