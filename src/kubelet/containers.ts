// Starting a pod's regular containers, one at a time in spec order, as
// kubeGenericRuntimeManager.SyncPod does: ensure the image (which may take simulated time),
// then create and start. Port of pkg/kubelet/kuberuntime/kuberuntime_container.go
// (startContainer) and pkg/kubelet/images/image_manager.go (EnsureImageExists).
// Init containers, restarts with back-off and postStart hooks slot in here later.

import type { Rng } from "../sim/random";
import type { Instant } from "../sim/time";
import type { ContainerRecord, NodeRecord } from "./runtime-record";
import type { Container } from "./ensure-image";
import { ensureImage } from "./ensure-image";

export type ContainerEvent = { type: "Normal" | "Warning"; reason: string; message: string; container: string };

export const createdMessage = (name: string): string => `Created container ${name}`;
export const startedMessage = (name: string): string => `Started container ${name}`;

export interface StartResult {
  readonly containers: ContainerRecord[];
  readonly node: NodeRecord;
  readonly events: ContainerEvent[];
  /** When time alone changes the answer (a pull ends, a back-off ends): come back then. */
  readonly wakeAt?: number;
}

/** containerd's IDs: 64 hex digits, drawn from the seeded rng. */
export function newContainerID(rng: Rng): string {
  let hex = "";
  for (let i = 0; i < 64; i++) hex += rng.int(16).toString(16);
  return `containerd://${hex}`;
}

/**
 * Advances every not-yet-started container as far as `now` allows. A pull blocks the
 * containers after it (the pod's sync waits on the serialized puller); a container whose
 * image cannot be had (ErrImagePull, back-off, Never) is skipped and the next one tried, as
 * kuberuntime's SyncPod does.
 */
export function startContainers(specs: readonly Container[], records: readonly ContainerRecord[], node: NodeRecord, now: Instant, rng: Rng): StartResult {
  const containers = [...records];
  const events: ContainerEvent[] = [];
  let puller = { images: node.images, pullFreeAt: node.pullFreeAt };
  let wakeAt: number | undefined;
  const result = (): StartResult => ({ containers, node: { ...node, ...puller }, events, ...(wakeAt !== undefined && { wakeAt }) });
  for (const c of specs) {
    let i = containers.findIndex((r) => r.name === c.name);
    if (i < 0) i = containers.push({ name: c.name }) - 1;
    const rec = containers[i];
    if (rec.startedAt !== undefined) continue;
    if (!rec.imageReady) {
      const ensured = ensureImage(c, rec, puller, now);
      events.push(...ensured.events);
      puller = ensured.puller;
      containers[i] = ensured.record;
      if (ensured.wakeAt !== undefined) wakeAt = Math.min(wakeAt ?? ensured.wakeAt, ensured.wakeAt);
      if (ensured.state === "pulling") return result();
      if (ensured.state === "failed") continue;
    }
    events.push({ type: "Normal", reason: "Created", message: createdMessage(c.name), container: c.name });
    events.push({ type: "Normal", reason: "Started", message: startedMessage(c.name), container: c.name });
    containers[i] = { name: rec.name, imageReady: true, containerID: newContainerID(rng), startedAt: now };
  }
  return result();
}
