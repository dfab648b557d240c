// The httpGet handler: a GET to host (default: the pod IP), port and path, answered by the
// listening container's image model. Port of pkg/kubelet/prober/prober.go (runProbe,
// formatURL) and pkg/probe/http/http.go (DoHTTPProbe): 200–399 succeeds (a redirect is a
// warning, still a success), anything else fails with the status code; a port nobody listens
// on is Go's dial error.

import { instant } from "../../sim/time";
import { expandCommand } from "../../runtime/env";
import { httpAnswer, imageProcessFor } from "../../runtime/images/behaviour";
import { clusterNetwork } from "../../runtime/net";
import type { ProbeContext, ProbedContainerSpec } from "./context";
import { isOwnAddress, listenerAt } from "./context";
import type { ContainerRecord } from "../runtime-record";
import { resolveContainerPort } from "./resolve-port";
import type { HandlerResult, ProbeSpec } from "./types";

export const httpStatusFailure = (status: number): string => `HTTP probe failed with statuscode: ${status}`;
export const connectionRefused = (host: string, port: number): string => `dial tcp ${host}:${port}: connect: connection refused`;

export function httpProbe(ctx: ProbeContext, action: NonNullable<ProbeSpec["httpGet"]>): HandlerResult {
  const resolved = resolveContainerPort(action.port, ctx.spec.ports);
  if (!resolved.ok) return { result: "Error", error: resolved.error };
  const port = resolved.port;
  const scheme = (action.scheme ?? "HTTP").toLowerCase();
  const host = action.host || ctx.rt.podIP;
  const rawPath = action.path ?? "/";
  const path = rawPath.startsWith("/") ? rawPath : `/${rawPath}`;
  const url = `${scheme}://${host}:${port}${path}`;
  const answer = answerOf(ctx, host, port, path);
  if (answer === "refused") return { result: "Failure", output: `Get "${url}": ${connectionRefused(host, port)}` };
  // The image models speak plain HTTP only.
  if (scheme === "https") return { result: "Failure", output: `Get "${url}": http: server gave HTTP response to HTTPS client` };
  if (answer === "not-http") return { result: "Failure", output: `Get "${url}": EOF` };
  if (answer.status >= 200 && answer.status < 400) return { result: "Success", output: answer.body };
  return { result: "Failure", output: httpStatusFailure(answer.status) };
}

function answerOf(ctx: ProbeContext, host: string, port: number, path: string): { status: number; body: string } | "refused" | "not-http" {
  const listener = listenerAt(ctx, host, port);
  if (listener) return modelAnswer(ctx, listener.record, listener.spec, listener.podIP, port, path) ?? "not-http";
  if (isOwnAddress(ctx, host)) return "refused";
  // A Service address or a name: through the cluster network (kube-proxy, DNS).
  const viaNetwork = clusterNetwork(ctx.rt.view, ctx.rt.pod, ctx.now).httpGet(`http://${host}:${port}${path}`);
  return viaNetwork ?? "refused";
}

/** The image model's answer, with the process's identity as the kubelet started it. */
function modelAnswer(ctx: ProbeContext, rec: ContainerRecord, spec: ProbedContainerSpec, podIP: string, port: number, path: string) {
  const env = { ...(rec.env ?? {}) };
  const envList = Object.entries(env).map(([name, value]) => ({ name, value }));
  const proc = imageProcessFor(spec.image ?? "", {
    command: spec.command && expandCommand(spec.command, envList),
    args: spec.args && expandCommand(spec.args, envList),
    declaredPorts: (spec.ports ?? []).map((p) => p.containerPort),
    stdin: spec.stdin === true,
  });
  if (proc.kind !== "model") return undefined;
  const hostname = (ctx.rt.pod.spec?.hostname as string | undefined) ?? ctx.rt.pod.metadata.name ?? "";
  return httpAnswer(proc, port, path, { startedAt: instant(rec.startedAt ?? ctx.now), hostname, podIP, env }, ctx.now);
}
