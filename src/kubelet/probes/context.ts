// What a probe run can see: the pod being synced (its runtime, its containers' records as this
// sync left them) and the one container instance being probed. The records are this sync's
// (not the view's), so a container started or stopped a moment ago is seen as it is now.

import type { Instant } from "../../sim/time";
import type { ContainerRecord } from "../runtime-record";
import type { ContainerSpec, PodRuntime } from "../container-process";
import type { ProbeSpec } from "./types";

export type ProbedContainerSpec = ContainerSpec & {
  ports?: { name?: string; containerPort: number }[];
  livenessProbe?: ProbeSpec;
  readinessProbe?: ProbeSpec;
  startupProbe?: ProbeSpec;
};

export interface ProbeContext {
  readonly rt: PodRuntime;
  readonly specs: readonly ProbedContainerSpec[];
  /** Every container instance of the pod, after this sync's starts and steps. */
  readonly containers: readonly ContainerRecord[];
  /** The instance probed, and its spec. */
  readonly record: ContainerRecord;
  readonly spec: ProbedContainerSpec;
  readonly now: Instant;
}

export const isRunning = (r: ContainerRecord): boolean => r.startedAt !== undefined && r.finishedAt === undefined;

/** The pod's own address: its containers share one network namespace. */
export const isOwnAddress = (ctx: ProbeContext, host: string): boolean => host === ctx.rt.podIP || host === "localhost" || host === "127.0.0.1";

/**
 * The running container of the pod at `host` that listens on `port`, if any: the pod's own
 * containers share its network namespace; another pod's address is looked up in the view.
 */
export function listenerAt(ctx: ProbeContext, host: string, port: number): { record: ContainerRecord; spec: ProbedContainerSpec; podIP: string } | undefined {
  const listens = (r: ContainerRecord) => isRunning(r) && (r.ports ?? []).includes(port);
  if (isOwnAddress(ctx, host)) {
    const record = ctx.containers.find(listens);
    const spec = record && ctx.specs.find((s) => s.name === record.name);
    return record && spec ? { record, spec, podIP: ctx.rt.podIP } : undefined;
  }
  const other = ctx.rt.view.list("Pod").find((p) => p.status?.podIP === host && p.spec?.hostNetwork !== true);
  const rec = other && (ctx.rt.view.runtime(other.metadata.uid ?? "") as { containers?: readonly ContainerRecord[] } | undefined);
  const record = rec?.containers?.find(listens);
  const spec = record && ((other?.spec?.containers ?? []) as ProbedContainerSpec[]).find((s) => s.name === record.name);
  return record && spec ? { record, spec, podIP: host } : undefined;
}
