// The container block of describe pod, line by line as kubectl's describe.go writes it (before
// the tabwriter aligns it: "\t" marks where a column starts).
import { describe, expect, it } from "vitest";
import { PrefixWriter } from "./render";
import { describeContainers, describeProbe, type EnvResolver } from "./containers";

/** What describeContainers wrote for one container, as raw lines (levels as two spaces each). */
function block(container: Record<string, unknown>, status?: Record<string, unknown>, resolve?: EnvResolver): string[] {
  const w = new PrefixWriter();
  describeContainers(w, "Containers", [{ name: "app", image: "busybox", ...container }], status ? [{ name: "app", ...status }] : undefined, "", resolve);
  return w["text"].split("\n").slice(1, -1);
}

const has = (container: Record<string, unknown>, status?: Record<string, unknown>, resolve?: EnvResolver) => block(container, status, resolve).join("\n");

describe("describeProbe prints kubectl's one-line probe", () => {
  const t = { initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 };
  const cases = [
    { name: "exec as a Go slice", probe: { exec: { command: ["cat", "/tmp/healthy"] }, ...t }, want: "exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3" },
    { name: "http-get with the scheme lower-cased and an empty host", probe: { httpGet: { path: "/healthz", port: 8080, scheme: "HTTP" }, ...t, initialDelaySeconds: 3, periodSeconds: 3 }, want: "http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1 #failure=3" },
    { name: "http-get to a named port over HTTPS", probe: { httpGet: { path: "/", port: "web", scheme: "HTTPS" }, ...t }, want: "http-get https://:web/ delay=5s timeout=1s period=5s #success=1 #failure=3" },
    { name: "http-get adds the slash a relative path lacks", probe: { httpGet: { path: "healthz", port: 80, scheme: "HTTP", host: "10.0.0.1" }, ...t }, want: "http-get http://10.0.0.1:80/healthz delay=5s timeout=1s period=5s #success=1 #failure=3" },
    { name: "tcp-socket with an empty host", probe: { tcpSocket: { port: 8080 }, ...t, initialDelaySeconds: 15, periodSeconds: 10 }, want: "tcp-socket :8080 delay=15s timeout=1s period=10s #success=1 #failure=3" },
    { name: "grpc with its service", probe: { grpc: { port: 2379, service: "" }, ...t }, want: "grpc <pod>:2379  delay=5s timeout=1s period=5s #success=1 #failure=3" },
    { name: "unknown without a handler", probe: { ...t }, want: "unknown delay=5s timeout=1s period=5s #success=1 #failure=3" },
  ];
  it.each(cases)("$name", ({ probe, want }) => expect(describeProbe(probe)).toBe(want));
});

describe("describeContainers", () => {
  const started = "2025-01-01T00:00:05Z";
  const cases = [
    { name: "a template container has no ID, state or restart lines", c: {}, want: ["  app:", "    Image:\tbusybox", "    Port:\t<none>", "    Host Port:\t<none>", "    Environment:\t<none>", "    Mounts:\t<none>"] },
    {
      name: "a container with a status has its IDs, state, readiness and restarts",
      c: {},
      s: { containerID: "containerd://abc", imageID: "docker.io/library/busybox@sha256:1", ready: true, restartCount: 2, state: { running: { startedAt: started } } },
      want: ["  app:", "    Container ID:\tcontainerd://abc", "    Image:\tbusybox", "    Image ID:\tdocker.io/library/busybox@sha256:1", "    Port:\t<none>", "    Host Port:\t<none>", "    State:\tRunning", "      Started:\tWed, 01 Jan 2025 00:00:05 +0000", "    Ready:\tTrue", "    Restart Count:\t2", "    Environment:\t<none>", "    Mounts:\t<none>"],
    },
  ];
  it.each(cases)("$name", ({ c, s, want }) => expect(block(c, s)).toEqual(want));

  const lines = [
    { name: "one port, without its name (kubectl 1.32 does not print port names)", c: { ports: [{ containerPort: 80, protocol: "TCP", name: "http" }] }, want: "    Port:\t80/TCP\n    Host Port:\t0/TCP\n" },
    { name: "several ports and host ports", c: { ports: [{ containerPort: 80, protocol: "TCP", hostPort: 8080 }, { containerPort: 53, protocol: "UDP" }] }, want: "    Ports:\t80/TCP, 53/UDP\n    Host Ports:\t8080/TCP, 0/UDP" },
    { name: "command and args one element a line, split on newlines", c: { command: ["sh", "-c"], args: ["echo a\necho b"] }, want: "    Command:\n      sh\n      -c\n    Args:\n      echo a\n      echo b" },
    { name: "a container's seccomp profile", c: { securityContext: { seccompProfile: { type: "Localhost", localhostProfile: "p.json" } } }, want: "    SeccompProfile:\tLocalhost\n      LocalhostProfile:\tp.json" },
    { name: "limits then requests, sorted, in canonical form", c: { resources: { limits: { memory: "1024Mi", cpu: "0.5" }, requests: { memory: "64Mi", cpu: "100m" } } }, want: "    Limits:\n      cpu:\t500m\n      memory:\t1Gi\n    Requests:\n      cpu:\t100m\n      memory:\t64Mi" },
    { name: "liveness, readiness and startup probes in that order", c: { startupProbe: { tcpSocket: { port: 1 } }, readinessProbe: { tcpSocket: { port: 2 } }, livenessProbe: { tcpSocket: { port: 3 } } }, want: "    Liveness:\ttcp-socket :3 delay=0s timeout=0s period=0s #success=0 #failure=0\n    Readiness:\ttcp-socket :2 delay=0s timeout=0s period=0s #success=0 #failure=0\n    Startup:\ttcp-socket :1 delay=0s timeout=0s period=0s #success=0 #failure=0" },
    { name: "a plain env value, and a multi-line one", c: { env: [{ name: "A", value: "1" }, { name: "B", value: "x\ny" }] }, want: "    Environment:\n      A:\t1\n      B:\tx\n      \ty" },
    { name: "a field reference, resolved, with its apiVersion", c: { env: [{ name: "POD", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.name" } } }] }, resolve: () => "web-1", want: "      POD:\tweb-1 (v1:metadata.name)" },
    { name: "a config map key", c: { env: [{ name: "K", valueFrom: { configMapKeyRef: { name: "c", key: "k" } } }] }, want: "      K:\t<set to the key 'k' of config map 'c'>\tOptional: false" },
    { name: "an optional secret key", c: { env: [{ name: "P", valueFrom: { secretKeyRef: { name: "s", key: "p", optional: true } } }] }, want: "      P:\t<set to the key 'p' in secret 's'>\tOptional: true" },
    { name: "a resource field divided by its divisor", c: { resources: { limits: { memory: "128Mi" } }, env: [{ name: "M", valueFrom: { resourceFieldRef: { resource: "limits.memory", divisor: "1Mi" } } }] }, want: "      M:\t128 (limits.memory)" },
    { name: "a cpu request in millicores by divisor 1m", c: { resources: { requests: { cpu: "125m" } }, env: [{ name: "C", valueFrom: { resourceFieldRef: { resource: "requests.cpu", divisor: "1m" } } }] }, want: "      C:\t125 (requests.cpu)" },
    { name: "a cpu limit rounded up to whole cores without a divisor", c: { resources: { limits: { cpu: "250m" } }, env: [{ name: "C", valueFrom: { resourceFieldRef: { resource: "limits.cpu" } } }] }, want: "      C:\t1 (limits.cpu)" },
    { name: "an unset limit is the node's allocatable", c: { env: [{ name: "C", valueFrom: { resourceFieldRef: { resource: "limits.cpu" } } }] }, want: "      C:\tnode allocatable (limits.cpu)" },
    { name: "envFrom before Environment, with a prefix", c: { envFrom: [{ configMapRef: { name: "game" } }, { prefix: "S_", secretRef: { name: "creds", optional: true } }] }, want: "    Environment Variables from:\n      game\tConfigMap\tOptional: false\n      creds\tSecret with prefix 'S_'\tOptional: true\n    Environment:\t<none>" },
    { name: "mounts sorted by path, ro/rw and the subPath", c: { volumeMounts: [{ name: "b", mountPath: "/z", readOnly: true }, { name: "a", mountPath: "/a", subPath: "conf" }] }, want: "    Mounts:\n      /a from a (rw,path=\"conf\")\n      /z from b (ro)" },
  ];
  it.each(lines)("$name", ({ c, resolve, want }) => expect(has(c, undefined, resolve)).toContain(want));

  const states = [
    { name: "waiting with its reason", s: { state: { waiting: { reason: "CrashLoopBackOff" } } }, want: "    State:\tWaiting\n      Reason:\tCrashLoopBackOff\n    Ready:\tFalse" },
    { name: "no state at all reads Waiting", s: { state: {} }, want: "    State:\tWaiting\n    Ready:" },
    {
      name: "terminated with reason, message, exit code, signal and times",
      s: { state: { terminated: { reason: "Error", message: "boom", exitCode: 137, signal: 9, startedAt: started, finishedAt: "2025-01-01T00:01:00Z" } } },
      want: "    State:\tTerminated\n      Reason:\tError\n      Message:\tboom\n      Exit Code:\t137\n      Signal:\t9\n      Started:\tWed, 01 Jan 2025 00:00:05 +0000\n      Finished:\tWed, 01 Jan 2025 00:01:00 +0000",
    },
    {
      name: "the last state when it is a termination (an OOM kill)",
      s: { state: { running: { startedAt: started } }, lastState: { terminated: { reason: "OOMKilled", exitCode: 137, startedAt: started, finishedAt: started } }, restartCount: 1 },
      want: "    State:\tRunning\n      Started:\tWed, 01 Jan 2025 00:00:05 +0000\n    Last State:\tTerminated\n      Reason:\tOOMKilled\n      Exit Code:\t137\n      Started:\tWed, 01 Jan 2025 00:00:05 +0000\n      Finished:\tWed, 01 Jan 2025 00:00:05 +0000\n    Ready:\tFalse\n    Restart Count:\t1",
    },
  ];
  it.each(states)("$name", ({ s, want }) => expect(has({}, s)).toContain(want));

  it("prints no Last State when the last state is empty", () => expect(has({}, { state: { running: { startedAt: started } }, lastState: {} })).not.toContain("Last State"));
});
