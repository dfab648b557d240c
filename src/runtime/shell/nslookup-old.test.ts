// busybox 1.28's nslookup, which the docs' init-container and StatefulSet examples run.

import { describe, expect, it } from "vitest";
import { runToCompletion } from "./process";
import { FakeNetwork, testHost } from "./test-host";

class PtrNetwork extends FakeNetwork {
  reverse(ip: string): string | undefined {
    return { "10.96.0.10": "kube-dns.kube-system.svc.cluster.local", "10.96.0.1": "kubernetes.default.svc.cluster.local" }[ip];
  }
}

const SERVER = "Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n";

describe("nslookup in busybox 1.28", () => {
  it.each([
    { what: "a Service: its address with its PTR name", name: "kubernetes.default", stdout: `${SERVER}Name:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n`, stderr: "", code: 0 },
    { what: "a StatefulSet pod: its address", name: "web-0.nginx", stdout: `${SERVER}Name:      web-0.nginx\nAddress 1: 10.244.1.6\n`, stderr: "", code: 0 },
    { what: "an unknown name: can't resolve, status 1", name: "myservice.default.svc.cluster.local", stdout: SERVER, stderr: "nslookup: can't resolve 'myservice.default.svc.cluster.local'\n", code: 1 },
  ])("$what", ({ name, stdout, stderr, code }) => {
    const host = { ...testHost({ files: { "/bin/busybox": "BusyBox v1.28.4 multi-call binary.\n" } }), net: new PtrNetwork({ "kubernetes.default": ["10.96.0.1"], "web-0.nginx": ["10.244.1.6"] }) };
    const run = runToCompletion(["nslookup", name], {}, host);
    const text = (s: string) => run.output.filter((o) => o.stream === s).map((o) => o.text).join("");
    expect([text("stdout"), text("stderr"), run.exitCode]).toEqual([stdout, stderr, code]);
  });
});
