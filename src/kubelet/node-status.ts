// What a kubelet posts about its node when it (re)starts: the healthy conditions, and the
// Node events it records on start-up. Port of the condition setters in
// pkg/kubelet/nodestatus/setters.go (MemoryPressureCondition, DiskPressureCondition,
// PIDPressureCondition, ReadyCondition) and the start-up events of pkg/kubelet/kubelet.go (v1.32).

import type { Condition, KubeObject } from "../api/types";
import type { EventNote } from "../controllers/types";
import type { Instant } from "../sim/time";
import { toRFC3339 } from "../sim/time";

const HEALTHY: readonly (readonly [type: string, status: "True" | "False", reason: string, message: string])[] = [
  ["MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"],
  ["DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"],
  ["PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"],
  ["Ready", "True", "KubeletReady", "kubelet is posting ready status"],
];

/** The conditions a healthy kubelet posts now: heartbeat now, transition now only where the status changed. */
export function healthyConditions(previous: readonly Condition[], now: Instant): Condition[] {
  const at = toRFC3339(now);
  return HEALTHY.map(([type, status, reason, message]) => {
    const old = previous.find((c) => c.type === type);
    const lastTransitionTime = old && old.status === status ? old.lastTransitionTime : at;
    return { type, status, lastHeartbeatTime: at, lastTransitionTime, reason, message };
  });
}

/** The kubelet's Node events when it posts Ready again after being Unknown or NotReady. */
export function nodeReadyEvent(node: KubeObject): EventNote {
  const name = node.metadata.name ?? "";
  return { regarding: node, type: "Normal", reason: "NodeReady", message: `Node ${name} status is now: NodeReady`, source: "kubelet", host: name };
}

/** A new kubelet's start-up events and the node controller's registration, in the order a kind node shows them. */
export function registrationEvents(node: KubeObject): EventNote[] {
  const name = node.metadata.name ?? "";
  const kubelet = (reason: string, message: string): EventNote => ({ regarding: node, type: "Normal", reason, message, source: "kubelet", host: name });
  const status = (reason: string) => kubelet(reason, `Node ${name} status is now: ${reason}`);
  return [
    kubelet("Starting", "Starting kubelet."),
    status("NodeHasSufficientMemory"),
    status("NodeHasNoDiskPressure"),
    status("NodeHasSufficientPID"),
    kubelet("NodeAllocatableEnforced", "Updated Node Allocatable limit across pods"),
    { regarding: node, type: "Normal", reason: "RegisteredNode", message: `Node ${name} event: Registered Node ${name} in Controller`, source: "node-controller" },
    status("NodeReady"),
  ];
}
