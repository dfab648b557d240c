// Running a pod's init containers before its app containers. Port of kuberuntime_manager.go
// computePodActions → computeInitContainerActions (v1.32, SidecarContainers on): init
// containers run one at a time in spec order, each to a successful exit before the next
// starts (at the kubelet's next relist); a failed one is re-run with the crash-loop back-off
// unless the pod's restartPolicy is Never, which fails the pod; a sidecar (an init container
// with restartPolicy Always) is started and must be started (its startup probe passed) before
// the next init container, and then keeps running beside the app containers. Once any app
// container has started, the pod is initialized for good.

import type { Rng } from "../sim/random";
import type { Instant } from "../sim/time";
import type { ContainerRecord, NodeRecord } from "./runtime-record";
import type { ContainerSpec, PodRuntime } from "./container-process";
import type { StartResult } from "./containers";
import { startContainers } from "./containers";
import { PLEG_RELIST_MS, shouldRestart } from "./crash-loop";
import { isStarted } from "./probes/manager";

export type InitContainerSpec = ContainerSpec & { restartPolicy?: string };

export interface InitResult extends StartResult {
  /** Every regular init container succeeded and every sidecar has started: app containers may run. */
  readonly initialized: boolean;
  /** A regular init container failed and the pod's restartPolicy is Never: the pod has failed. */
  readonly failed: boolean;
}

/** IsRestartableInitContainer. */
export const isSidecar = (c: { restartPolicy?: string }): boolean => c.restartPolicy === "Always";

const running = (r: ContainerRecord | undefined): boolean => r?.startedAt !== undefined && r.finishedAt === undefined;

/** HasAnyRegularContainerStarted: an app container has been created at least once. */
export function anyAppContainerStarted(appNames: readonly string[], records: readonly ContainerRecord[]): boolean {
  return records.some((r) => appNames.includes(r.name) && (r.containerID !== undefined || (r.restartCount ?? 0) > 0));
}

/**
 * Advances the init containers as far as `now` allows.
 * @example runInitContainers(rt, pod.spec.initContainers, record.containers, nodeRec, now, rng).initialized
 */
export function runInitContainers(
  rt: PodRuntime,
  inits: readonly InitContainerSpec[],
  appNames: readonly string[],
  records: readonly ContainerRecord[],
  node: NodeRecord,
  now: Instant,
  rng: Rng,
): InitResult {
  let state: StartResult = { containers: [...records], node, events: [] };
  const events: StartResult["events"] = [];
  let wakeAt: number | undefined;
  const wake = (t: number | undefined) => {
    if (t !== undefined) wakeAt = Math.min(wakeAt ?? t, t);
  };
  const done = (initialized: boolean, failed = false): InitResult => ({
    containers: state.containers,
    node: state.node,
    events,
    ...(wakeAt !== undefined && { wakeAt }),
    initialized,
    failed,
  });
  const start = (spec: InitContainerSpec) => {
    state = startContainers(rt, [spec], state.containers, state.node, now, rng);
    events.push(...state.events);
    wake(state.wakeAt);
  };
  const find = (name: string) => state.containers.find((r) => r.name === name);

  if (inits.length === 0 || anyAppContainerStarted(appNames, records)) return done(true);
  for (const spec of inits) {
    if (isSidecar(spec)) {
      if (!(running(find(spec.name)) && isStarted(spec, find(spec.name)))) start(spec);
      if (running(find(spec.name)) && isStarted(spec, find(spec.name))) continue;
      return done(false);
    }
    let rec = find(spec.name);
    if (!succeeded(rec)) {
      if (rec?.finishedAt !== undefined && !shouldRestart(rt.pod, rec.exitCode ?? 0, spec.name)) return done(false, true);
      start(spec);
      rec = find(spec.name);
      if (!succeeded(rec)) return done(false);
    }
    // The exit is seen at the next relist; the next init container starts then.
    if (now < rec!.finishedAt! + PLEG_RELIST_MS) {
      wake(rec!.finishedAt! + PLEG_RELIST_MS);
      return done(false);
    }
  }
  return done(true);
}

/** An init container that ran to a successful exit (and is not waiting to be re-run). */
function succeeded(rec: ContainerRecord | undefined): boolean {
  return rec?.finishedAt !== undefined && (rec.exitCode ?? 0) === 0 && rec.waiting === undefined;
}
