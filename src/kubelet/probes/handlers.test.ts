import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { Store } from "../../api/store/store";
import { viewOf } from "../../api/store/view";
import { instant } from "../../sim/time";
import { emptyTree, treeFromFiles } from "../../runtime/fs";
import { startProcess } from "../../runtime/shell/process";
import type { ContainerRecord } from "../runtime-record";
import type { ProbeContext, ProbedContainerSpec } from "./context";
import { runProbe } from "./run-probe";
import type { ProbeSpec, ProbeType } from "./types";
import { resolveContainerPort } from "./resolve-port";

const T0 = instant(Date.UTC(2025, 0, 1, 10, 0, 0));
const POD_IP = "10.244.1.5";

const pod: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "default", uid: "uid-p" }, spec: { containers: [] }, status: { phase: "Running", podIP: POD_IP } };

/** A pod with a busybox shell container "sh" (files given) and, optionally, an image-model container. */
function context(opts: { files?: Record<string, string>; server?: { spec: ProbedContainerSpec; ports: number[]; startedAt: number }; ports?: ProbedContainerSpec["ports"]; secondsAfterStart?: number }): ProbeContext {
  const shSpec: ProbedContainerSpec = { name: "sh", image: "busybox", command: ["sh", "-c", "sleep 3600"], ports: opts.ports };
  const shRec: ContainerRecord = {
    name: "sh",
    startedAt: T0,
    env: { PATH: "/bin" },
    fs: { image: treeFromFiles(opts.files ?? {}, ["/tmp", "/bin"]), writable: emptyTree(), mounts: [] },
    process: startProcess(["sh", "-c", "sleep 3600"], {}),
  };
  const specs = [shSpec];
  const containers = [shRec];
  if (opts.server) {
    specs.push(opts.server.spec);
    containers.push({ name: opts.server.spec.name, startedAt: opts.server.startedAt, env: {}, ports: opts.server.ports });
  }
  const view = viewOf(new Store([pod]), new Map());
  return {
    rt: { view, pod, node: pod, podIP: POD_IP, hostIP: "172.18.0.3", volumes: {} },
    specs,
    containers,
    record: shRec,
    spec: shSpec,
    now: instant(T0 + (opts.secondsAfterStart ?? 0) * 1000),
  };
}

const liveness = { spec: { name: "liveness", image: "registry.k8s.io/e2e-test-images/agnhost:2.40", args: ["liveness"] }, ports: [8080], startedAt: T0 };
const goproxy = { spec: { name: "goproxy", image: "registry.k8s.io/goproxy:0.1", ports: [{ containerPort: 8080 }] }, ports: [8080], startedAt: T0 };

const cases: { name: string; ctx: ProbeContext; type?: ProbeType; probe: ProbeSpec; want: string }[] = [
  { name: "exec succeeds when the command exits 0", ctx: context({ files: { "/tmp/healthy": "" } }), probe: { exec: { command: ["cat", "/tmp/healthy"] } }, want: "Success" },
  {
    name: "exec fails with the command's output when it exits non-zero",
    ctx: context({}),
    probe: { exec: { command: ["cat", "/tmp/healthy"] } },
    want: "Failure | Warning Unhealthy Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n",
  },
  { name: "exec fails with the runtime's text when the command outlives timeoutSeconds", ctx: context({}), probe: { exec: { command: ["sleep", "5"] }, timeoutSeconds: 1 }, want: 'Failure | Warning Unhealthy Liveness probe failed: command "sleep 5" timed out' },
  { name: "exec succeeds when the command ends within timeoutSeconds", ctx: context({}), probe: { exec: { command: ["sh", "-c", "sleep 1; exit 0"] }, timeoutSeconds: 2 }, want: "Success" },
  { name: "exec names the probe type in the event", ctx: context({}), type: "readiness", probe: { exec: { command: ["sh", "-c", "exit 1"] } }, want: "Failure | Warning Unhealthy Readiness probe failed: " },
  { name: "httpGet succeeds on a 200 from the listening container", ctx: context({ server: liveness, secondsAfterStart: 5 }), probe: { httpGet: { path: "/healthz", port: 8080 } }, want: "Success" },
  {
    name: "httpGet fails with the status code on a 500",
    ctx: context({ server: liveness, secondsAfterStart: 11 }),
    type: "startup",
    probe: { httpGet: { path: "/healthz", port: 8080 } },
    want: "Failure | Warning Unhealthy Startup probe failed: HTTP probe failed with statuscode: 500",
  },
  { name: "httpGet treats a 404 as a failure", ctx: context({ server: liveness }), probe: { httpGet: { path: "/nope", port: 8080 } }, want: "Failure | Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 404" },
  {
    name: "httpGet is refused when nothing listens on the port",
    ctx: context({}),
    probe: { httpGet: { path: "/healthz", port: 8080 } },
    want: 'Failure | Warning Unhealthy Liveness probe failed: Get "http://10.244.1.5:8080/healthz": dial tcp 10.244.1.5:8080: connect: connection refused',
  },
  { name: "httpGet resolves a named port against the container's ports", ctx: context({ server: liveness, ports: [{ name: "liveness-port", containerPort: 8080 }] }), probe: { httpGet: { path: "/healthz", port: "liveness-port" } }, want: "Success" },
  { name: "httpGet errors on a port name the container does not declare", ctx: context({ server: liveness }), probe: { httpGet: { path: "/", port: "http" } }, want: 'Error | Warning Unhealthy Liveness probe errored: strconv.Atoi: parsing "http": invalid syntax' },
  { name: "tcpSocket succeeds when a container of the pod listens", ctx: context({ server: goproxy }), probe: { tcpSocket: { port: 8080 } }, want: "Success" },
  { name: "tcpSocket is refused when nothing listens", ctx: context({ server: goproxy }), probe: { tcpSocket: { port: 3306 } }, want: "Failure | Warning Unhealthy Liveness probe failed: dial tcp 10.244.1.5:3306: connect: connection refused" },
  { name: "grpc succeeds when something listens", ctx: context({ server: goproxy }), probe: { grpc: { port: 8080 } }, want: "Success" },
  {
    name: "grpc times out connecting when nothing listens",
    ctx: context({}),
    probe: { grpc: { port: 2379 } },
    want: 'Failure | Warning Unhealthy Liveness probe failed: timeout: failed to connect service "10.244.1.5:2379" within 1s: context deadline exceeded',
  },
];

describe("probe handlers", () => {
  it.each(cases)("$name", ({ ctx, type, probe, want }) => {
    const run = runProbe(ctx, type ?? "liveness", probe);
    const got = [run.result ?? "Error", ...run.events.map((e) => `${e.type} ${e.reason} ${e.message}`)].join(" | ");
    expect(got).toBe(want);
  });

  it("keeps an exec probe's writes in the container's filesystem", () => {
    const run = runProbe(context({}), "liveness", { exec: { command: ["touch", "/tmp/probed"] } });
    expect(run.result).toBe("Success");
    expect(run.fs?.writable.files["tmp/probed"]).toBe("");
  });
});

describe("resolveContainerPort", () => {
  const ports = [{ name: "http", containerPort: 80 }];
  it.each([
    { name: "takes a number as it is", param: 8080, want: "8080" },
    { name: "resolves a named container port", param: "http", want: "80" },
    { name: "reads a number written as a string", param: "9090", want: "9090" },
    { name: "rejects a name the container lacks", param: "grpc", want: 'strconv.Atoi: parsing "grpc": invalid syntax' },
    { name: "rejects port 0", param: 0, want: "invalid port number: 0" },
  ])("$name", ({ param, want }) => {
    const r = resolveContainerPort(param, ports);
    expect(r.ok ? String(r.port) : r.error).toBe(want);
  });
});
