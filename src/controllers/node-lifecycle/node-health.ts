// Node health as the node lifecycle controller sees it: when a kubelet that stopped posting
// status runs out of grace, and the conditions it then reports for it.
// Port of tryUpdateNodeHealth in pkg/controller/nodelifecycle/node_lifecycle_controller.go (v1.32).

import type { Condition, KubeObject } from "../../api/types";
import type { Duration, Instant } from "../../sim/time";
import { seconds, toRFC3339 } from "../../sim/time";

/** --node-monitor-grace-period: 50s since 1.32 (40s before). */
export const NODE_MONITOR_GRACE_PERIOD: Duration = seconds(50);

/** The conditions the controller turns Unknown when the kubelet is silent (Ready and the pressures). */
const MONITORED = ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"];

export function readyStatus(node: KubeObject): string | undefined {
  return ((node.status?.conditions ?? []) as Condition[]).find((c) => c.type === "Ready")?.status;
}

/** When a kubelet that stopped at `stoppedAt` is declared gone. */
export function graceExpiresAt(stoppedAt: number): Instant {
  return (stoppedAt + NODE_MONITOR_GRACE_PERIOD) as Instant;
}

/**
 * The conditions after the grace period: every monitored condition becomes Unknown with reason
 * NodeStatusUnknown; lastHeartbeatTime stays at the kubelet's last post.
 */
export function unknownConditions(conditions: readonly Condition[], now: Instant): Condition[] {
  return conditions.map((c) =>
    MONITORED.includes(c.type) && c.status !== "Unknown"
      ? { ...c, status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status.", lastTransitionTime: toRFC3339(now) }
      : c,
  );
}
