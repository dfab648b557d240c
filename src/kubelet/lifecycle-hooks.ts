// Container lifecycle hooks: postStart right after the container starts, preStop before it is
// sent SIGTERM. Port of pkg/kubelet/lifecycle/handlers.go (HandlerRunner.Run: exec, httpGet,
// sleep) and their use in kuberuntime_container.go (startContainer step 4: a failed postStart
// hook kills the container; executePreStopHook: the hook's time comes out of the grace period,
// a failure is only reported). Events carry no hook output, as upstream's do, so secrets in
// it never reach the API.

import type { KubeObject } from "../api/types";
import type { ContainerFsData } from "../runtime/fs";
import { runToCompletion } from "../runtime/shell/process";
import type { Instant } from "../sim/time";
import { instant } from "../sim/time";
import type { ContainerRecord } from "./runtime-record";
import type { PodRuntime } from "./container-process";
import { processHost } from "./container-process";
import type { ProbedContainerSpec } from "./probes/context";
import { httpProbe } from "./probes/http-probe";
import { deepCopy } from "../api/deep-copy";

export interface LifecycleHandler {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port: number | string; host?: string; scheme?: string };
  sleep?: { seconds: number };
}

export type HookedSpec = ProbedContainerSpec & { lifecycle?: { postStart?: LifecycleHandler; preStop?: LifecycleHandler } };

export interface HookResult {
  /** The simulated instant the handler returned. */
  readonly endedAt: number;
  /** The kubelet's error text when the handler failed (logged; events say only "…Hook failed"). */
  readonly error?: string;
  /** The container's filesystem after an exec handler (its writes persist). */
  readonly fs?: ContainerFsData;
}

const podId = (pod: KubeObject): string => `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;

/**
 * Runs a handler in (or against) the container at `now`, for at most `budgetMs` of simulated
 * time (an exec cut off at the budget is a failure, as the grace period ending is).
 */
export function runHook(rt: PodRuntime, spec: HookedSpec, rec: ContainerRecord, containers: readonly ContainerRecord[], handler: LifecycleHandler, now: number, budgetMs: number): HookResult {
  if (handler.exec) {
    const command = handler.exec.command ?? [];
    if (!rec.fs) return { endedAt: now };
    const fs = deepCopy(rec.fs);
    const run = runToCompletion([...command], { ...(rec.env ?? {}) }, processHost(rt.view, rt.pod, fs, rt.volumes, now), budgetMs, { pid: 2 });
    if (run.exitCode === 0) return { endedAt: run.endedAt, fs };
    const output = run.output.map((c) => c.text).join("");
    const stderr = run.output.filter((c) => c.stream === "stderr").map((c) => c.text).join("");
    const err = run.timedOut ? "context deadline exceeded" : `command '${command.join(" ")}' exited with ${run.exitCode}: ${stderr}`;
    return { endedAt: run.endedAt, fs, error: `Exec lifecycle hook ([${command.join(" ")}]) for Container ${JSON.stringify(spec.name)} in Pod ${JSON.stringify(podId(rt.pod))} failed - error: ${err}, message: ${JSON.stringify(output)}` };
  }
  if (handler.httpGet) {
    const ctx = { rt, specs: [spec], containers, record: rec, spec, now: instant(now) as Instant };
    const r = httpProbe(ctx, { ...handler.httpGet, port: handler.httpGet.port } as never);
    // The hook's GET fails only when it cannot be made; any status code will do.
    const failed = r.result !== "Success" && !/^HTTP probe failed with statuscode/.test("output" in r ? (r.output ?? "") : "");
    if (!failed) return { endedAt: now };
    const err = "output" in r && r.output ? r.output : "error" in r ? r.error : "";
    return { endedAt: now, error: `HTTP lifecycle hook (${handler.httpGet.path ?? ""}) for Container ${JSON.stringify(spec.name)} in Pod ${JSON.stringify(podId(rt.pod))} failed - error: ${err}` };
  }
  if (handler.sleep) return { endedAt: now + Math.min(handler.sleep.seconds * 1000, budgetMs) };
  return { endedAt: now };
}

export const POST_START_FAILED = { reason: "FailedPostStartHook", message: "PostStartHook failed" } as const;
export const PRE_STOP_FAILED = { reason: "FailedPreStopHook", message: "PreStopHook failed" } as const;
