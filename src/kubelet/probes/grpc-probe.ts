// The grpc handler. The image models do not speak gRPC health checking, so a port something
// listens on counts as SERVING; a closed port keeps grpc's blocking dial retrying until the
// timeout. Port of pkg/probe/grpc/grpc.go (the "timeout: failed to connect service" text;
// unverified against a 1.32 cluster, cluster-behavior.md Appendix C #5).

import type { ProbeContext } from "./context";
import { listenerAt } from "./context";
import type { HandlerResult, ProbeSpec } from "./types";

export function grpcProbe(ctx: ProbeContext, action: NonNullable<ProbeSpec["grpc"]>, timeoutSeconds: number): HandlerResult {
  const addr = `${ctx.rt.podIP}:${action.port}`;
  if (listenerAt(ctx, ctx.rt.podIP, action.port)) return { result: "Success", output: "" };
  return { result: "Failure", output: `timeout: failed to connect service ${JSON.stringify(addr)} within ${timeoutSeconds}s: context deadline exceeded` };
}
