// Graceful termination of a pod being deleted: stop its containers, report the final status,
// then confirm the deletion with a grace-0 delete. Port of pkg/kubelet/kuberuntime/
// kuberuntime_container.go (killContainer) and the status manager's final delete
// (pkg/kubelet/status/status_manager.go, canBeDeleted → Delete with grace 0).
// preStop hooks and a SIGTERM-ignoring process waiting out the grace period slot in here.

import type { Instant } from "../sim/time";
import type { ContainerRecord } from "./runtime-record";
import type { ContainerEvent } from "./containers";

export const killingMessage = (name: string): string => `Stopping container ${name}`;

/**
 * Stops every running container now. Containers exit on SIGTERM at once for now, with 0
 * (Completed), as nginx does.
 */
export function killContainers(records: readonly ContainerRecord[], now: Instant): { containers: ContainerRecord[]; events: ContainerEvent[] } {
  const events: ContainerEvent[] = [];
  const containers = records.map((rec) => {
    if (rec.startedAt === undefined || rec.finishedAt !== undefined) return rec;
    events.push({ type: "Normal", reason: "Killing", message: killingMessage(rec.name), container: rec.name });
    return { ...rec, finishedAt: now as number, exitCode: 0, reason: "Completed" };
  });
  return { containers, events };
}
