// The prober's vocabulary: the three probe types, the results the results manager keeps per
// container (pkg/kubelet/prober/results/results_manager.go), and one worker's resumable state
// (pkg/kubelet/prober/worker.go), kept in the container's runtime record.

export type ProbeType = "liveness" | "readiness" | "startup";

/** results.Result: Unknown is only ever a startup probe's initial value. */
export type ProbeResult = "Success" | "Failure" | "Unknown";

/** What one handler run says (pkg/probe Result): a probe error is thrown away by the worker. */
export type HandlerResult = { readonly result: "Success" | "Failure"; readonly output: string } | { readonly result: "Error"; readonly error: string };

/** The API's v1.Probe, as defaulted (api/defaulting/pod-spec.ts). */
export interface ProbeSpec {
  readonly exec?: { readonly command?: readonly string[] };
  readonly httpGet?: { readonly path?: string; readonly port: number | string; readonly host?: string; readonly scheme?: string };
  readonly tcpSocket?: { readonly port: number | string; readonly host?: string };
  readonly grpc?: { readonly port: number; readonly service?: string };
  readonly initialDelaySeconds?: number;
  readonly periodSeconds?: number;
  readonly timeoutSeconds?: number;
  readonly successThreshold?: number;
  readonly failureThreshold?: number;
  readonly terminationGracePeriodSeconds?: number;
}

/**
 * One worker (one probe of one container instance). A new container instance starts with no
 * worker record: its first tick is at startedAt + initialDelaySeconds, then every periodSeconds.
 */
export interface ProbeWorkerRecord {
  /** The simulated instant of the worker's next tick (doProbe). */
  readonly nextAt: number;
  /** What the results manager holds for this container (initial: liveness Success, readiness Failure, startup Unknown). */
  readonly result: ProbeResult;
  /** worker.lastResult and worker.resultRun: the run of equal results so far. */
  readonly lastResult?: "Success" | "Failure";
  readonly resultRun: number;
  /** After a liveness/startup failure: no more probing until a new container instance. */
  readonly onHold?: true;
}

export type ProbeWorkers = { readonly [T in ProbeType]?: ProbeWorkerRecord };

/** prober.go's probeType.String(), as the Unhealthy events spell it. */
export const PROBE_TYPE_NAME: Readonly<Record<ProbeType, string>> = { liveness: "Liveness", readiness: "Readiness", startup: "Startup" };

/** The results manager's value for a container before its first probe (worker.go newWorker). */
export const INITIAL_RESULT: Readonly<Record<ProbeType, ProbeResult>> = { liveness: "Success", readiness: "Failure", startup: "Unknown" };

export const PROBE_FIELD: Readonly<Record<ProbeType, "livenessProbe" | "readinessProbe" | "startupProbe">> = {
  liveness: "livenessProbe",
  readiness: "readinessProbe",
  startup: "startupProbe",
};
