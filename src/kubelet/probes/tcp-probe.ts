// The tcpSocket handler: success when something accepts a connection on host (default: the
// pod IP) and port. Port of pkg/probe/tcp/tcp.go: the failure output is Go's dial error.

import type { ProbeContext } from "./context";
import { listenerAt } from "./context";
import { connectionRefused } from "./http-probe";
import { resolveContainerPort } from "./resolve-port";
import type { HandlerResult, ProbeSpec } from "./types";

export function tcpProbe(ctx: ProbeContext, action: NonNullable<ProbeSpec["tcpSocket"]>): HandlerResult {
  const resolved = resolveContainerPort(action.port, ctx.spec.ports);
  if (!resolved.ok) return { result: "Error", error: resolved.error };
  const host = action.host || ctx.rt.podIP;
  if (listenerAt(ctx, host, resolved.port)) return { result: "Success", output: "" };
  return { result: "Failure", output: connectionRefused(host, resolved.port) };
}
