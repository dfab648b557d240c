// One probe run and its Unhealthy event. Port of pkg/kubelet/prober/prober.go (probe,
// runProbe): the handler is chosen by which action the probe sets; a failure is recorded as
// Warning Unhealthy "<Type> probe failed: <output>", an error as "<Type> probe errored: <err>"
// (and its result is thrown away by the worker).

import type { ContainerFsData } from "../../runtime/fs";
import type { ContainerEvent } from "../containers";
import type { ProbeContext } from "./context";
import { execProbe } from "./exec-probe";
import { grpcProbe } from "./grpc-probe";
import { httpProbe } from "./http-probe";
import { tcpProbe } from "./tcp-probe";
import type { HandlerResult, ProbeSpec, ProbeType } from "./types";
import { PROBE_TYPE_NAME } from "./types";

export interface ProbeRun {
  /** Undefined when the probe errored (the worker keeps its state). */
  readonly result?: "Success" | "Failure";
  readonly events: ContainerEvent[];
  /** The container's filesystem after an exec probe. */
  readonly fs?: ContainerFsData;
}

export function runProbe(ctx: ProbeContext, type: ProbeType, probe: ProbeSpec): ProbeRun {
  const timeoutSeconds = probe.timeoutSeconds ?? 1;
  let outcome: HandlerResult;
  let fs: ContainerFsData | undefined;
  if (probe.exec) ({ outcome, fs } = execProbe(ctx, probe.exec.command ?? [], timeoutSeconds));
  else if (probe.httpGet) outcome = httpProbe(ctx, probe.httpGet);
  else if (probe.tcpSocket) outcome = tcpProbe(ctx, probe.tcpSocket);
  else if (probe.grpc) outcome = grpcProbe(ctx, probe.grpc, timeoutSeconds);
  else outcome = { result: "Error", error: "missing probe handler" };
  const name = PROBE_TYPE_NAME[type];
  const event = (message: string): ContainerEvent => ({ type: "Warning", reason: "Unhealthy", message, container: ctx.record.name });
  const withFs = fs ? { fs } : {};
  switch (outcome.result) {
    case "Success":
      return { result: "Success", events: [], ...withFs };
    case "Failure":
      return { result: "Failure", events: [event(`${name} probe failed: ${outcome.output}`)], ...withFs };
    case "Error":
      return { events: [event(`${name} probe errored: ${outcome.error}`)], ...withFs };
  }
}
