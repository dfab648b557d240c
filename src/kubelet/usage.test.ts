import { describe, expect, it } from "vitest";
import { KubeletHarness, boundPod, kat } from "../../test/builders/kubelet-harness";
import { setUsage, usageOf } from "./usage";
import { crashContainer } from "./crash-container";

const MI = 2 ** 20;
const pod = () =>
  boundPod("web", [
    { name: "a", image: "nginx" },
    { name: "b", image: "polinux/stress", command: ["stress"], args: ["--vm", "1", "--vm-bytes", "150M"] },
  ]);

function running(): KubeletHarness {
  const h = new KubeletHarness([pod()], ["nginx", "polinux/stress"]);
  h.sync("web", kat(0));
  h.sync("web", kat(1000));
  return h;
}

describe("setUsage and usageOf", () => {
  it("sets nothing on a pod the kubelet has not set up", () => {
    const h = new KubeletHarness([pod()], ["nginx"]);
    expect(setUsage(h.view, h.pod("web"), [], { cpuMilli: 500 }, kat(0))).toEqual([]);
  });

  const cases = [
    { name: "loads every container when none is named", containers: [], load: { cpuMilli: 500 }, want: { a: { cpuMilli: 500, memoryBytes: 0 }, b: { cpuMilli: 500, memoryBytes: 150 * MI } } },
    { name: "loads only the named container", containers: ["a"], load: { memoryBytes: 64 * MI }, want: { a: { cpuMilli: 0, memoryBytes: 64 * MI }, b: { cpuMilli: 0, memoryBytes: 150 * MI } } },
    { name: "never reports less memory than the image's program holds", containers: ["b"], load: { memoryBytes: 10 * MI }, want: { a: { cpuMilli: 0, memoryBytes: 0 }, b: { cpuMilli: 0, memoryBytes: 150 * MI } } },
  ];
  it.each(cases)("$name", ({ containers, load, want }) => {
    const h = running();
    h.apply(setUsage(h.view, h.pod("web"), containers, load, kat(5000)));
    expect({ a: usageOf(h.view, h.pod("web"), "a"), b: usageOf(h.view, h.pod("web"), "b") }).toEqual(want);
  });

  it("keeps the other resource when one is changed, and dates the change", () => {
    const h = running();
    h.apply(setUsage(h.view, h.pod("web"), ["a"], { cpuMilli: 250, memoryBytes: MI }, kat(5000)));
    h.apply(setUsage(h.view, h.pod("web"), ["a"], { cpuMilli: 750 }, kat(9000)));
    expect(h.record("web").usage).toEqual({ a: { cpuMilli: 750, memoryBytes: MI, since: kat(9000) } });
  });

  it("outlives a container restart (the load belongs to the pod)", () => {
    const h = running();
    h.apply(setUsage(h.view, h.pod("web"), ["a"], { cpuMilli: 250 }, kat(5000)));
    const killed = crashContainer(h.view, h.pod("web"), "a", 137, kat(6000));
    if (killed.ok) h.apply(killed.runtime);
    h.sync("web", kat(7000));
    expect(h.pod("web").status!.containerStatuses[0].restartCount).toBe(1);
    expect(usageOf(h.view, h.pod("web"), "a").cpuMilli).toBe(250);
  });
});
