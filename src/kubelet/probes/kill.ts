// Killing a container that failed its liveness or startup probe. Port of
// pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions (the Killing message:
// "Container <c> failed liveness probe, will be restarted") and kuberuntime_container.go
// killContainer/setTerminationGracePeriod (the probe's terminationGracePeriodSeconds, else the
// pod's; never under 2s). The container keeps running until it exits: a shell as PID 1 has no
// SIGTERM handler, so the kernel ignores SIGTERM and SIGKILL ends it at the end of the grace
// period (exit 137); an image's server exits on SIGTERM.

import type { KubeObject } from "../../api/types";
import { catalogImageFor } from "../../runtime/images/behaviour";
import type { ContainerEvent } from "../containers";
import type { ContainerRecord } from "../runtime-record";
import { SIGTERM_EXIT_MS } from "../termination";
import type { ProbeSpec } from "./types";

/** The kubelet never gives a container less than this to stop. */
const MIN_GRACE_MS = 2000;
/** Exit status of a process killed by SIGKILL (128 + 9). */
export const SIGKILL_EXIT_CODE = 137;

/**
 * Go servers running as PID 1 (agnhost, the liveness server, goproxy): the Go runtime's SIGTERM
 * handler re-raises the signal with the default action, which the kernel ignores for PID 1,
 * and then exits with status 2 (runtime.dieFromSignal).
 */
const GO_SERVERS = new Set(["registry.k8s.io/e2e-test-images/agnhost", "registry.k8s.io/liveness", "registry.k8s.io/goproxy"]);

export function sigtermExitCode(image: string): number {
  return GO_SERVERS.has(catalogImageFor(image)?.repository ?? "") ? 2 : 0;
}

export const probeKillMessage = (container: string, type: "liveness" | "startup", restart: boolean): string =>
  `Container ${container} failed ${type} probe${restart ? ", will be restarted" : ""}`;

/** SIGTERM now: the record learns when the process will be gone, and with which status. */
export function requestProbeKill(pod: KubeObject, spec: { name: string; image?: string }, probe: ProbeSpec, type: "liveness" | "startup", rec: ContainerRecord, now: number): { record: ContainerRecord; event: ContainerEvent } {
  const graceSeconds = probe.terminationGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  const restart = (pod.spec?.restartPolicy ?? "Always") !== "Never";
  return requestKill(spec, rec, now, graceSeconds, probeKillMessage(spec.name, type, restart));
}

/**
 * killContainer for a container that goes on living (a failed probe or postStart hook): SIGTERM
 * now, SIGKILL at the end of the grace period; `message` is the Killing event's text.
 */
export function requestKill(spec: { name: string; image?: string }, rec: ContainerRecord, now: number, graceSeconds: number, message: string): { record: ContainerRecord; event: ContainerEvent } {
  const graceMs = Math.max(graceSeconds * 1000, MIN_GRACE_MS);
  const ignoresSigterm = rec.process !== undefined;
  const exitsAt = now + (ignoresSigterm ? graceMs : Math.min(SIGTERM_EXIT_MS, graceMs));
  const stopExitCode = ignoresSigterm || SIGTERM_EXIT_MS >= graceMs ? SIGKILL_EXIT_CODE : sigtermExitCode(spec.image ?? "");
  return {
    record: { ...rec, stopRequestedAt: now, exitsAt, stopExitCode },
    event: { type: "Normal", reason: "Killing", message, container: spec.name },
  };
}

/** A running container whose stop has come due exits at exitsAt with the status chosen at the kill. */
export function finishStop(rec: ContainerRecord, now: number): ContainerRecord {
  if (rec.exitsAt === undefined || rec.stopExitCode === undefined || rec.finishedAt !== undefined || now < rec.exitsAt) return rec;
  const { process: _gone, ...rest } = rec;
  const code = rec.stopExitCode;
  return { ...rest, finishedAt: rec.exitsAt, exitCode: code, reason: code === 0 ? "Completed" : "Error" };
}
