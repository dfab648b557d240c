// Starting a pod's regular containers, one at a time in spec order, as
// kubeGenericRuntimeManager.SyncPod does: ensure the image (which may take simulated time),
// then create and start. Port of pkg/kubelet/kuberuntime/kuberuntime_container.go
// (startContainer) and pkg/kubelet/images/image_manager.go (EnsureImageExists).
// Init containers, restarts with back-off and postStart hooks slot in here later.

import type { Rng } from "../sim/random";
import type { Instant } from "../sim/time";
import type { ContainerRecord, NodeRecord } from "./runtime-record";
import {
  alreadyPresentMessage,
  imageSize,
  neverPullMessage,
  pullDurationMs,
  pulledMessage,
  pullingMessage,
  pullPolicyOf,
  qualifiedImage,
  repullDurationMs,
} from "./image-pull";

export type ContainerEvent = { type: "Normal" | "Warning"; reason: string; message: string; container: string };

export const createdMessage = (name: string): string => `Created container ${name}`;
export const startedMessage = (name: string): string => `Started container ${name}`;

type Container = { name: string; image?: string; imagePullPolicy?: string };

export interface StartResult {
  readonly containers: ContainerRecord[];
  readonly node: NodeRecord;
  readonly events: ContainerEvent[];
  /** When a pull in progress finishes: the kubelet must come back then. */
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
 * containers after it (the pod's sync waits on it), and pulls on one node run one at a time.
 */
export function startContainers(specs: readonly Container[], records: readonly ContainerRecord[], node: NodeRecord, now: Instant, rng: Rng): StartResult {
  const containers = [...records];
  const events: ContainerEvent[] = [];
  let images = node.images;
  let pullFreeAt = node.pullFreeAt;
  const emit = (c: Container, type: ContainerEvent["type"], reason: string, message: string) => events.push({ type, reason, message, container: c.name });
  for (const c of specs) {
    let i = containers.findIndex((r) => r.name === c.name);
    if (i < 0) i = containers.push({ name: c.name }) - 1;
    let rec = containers[i];
    if (rec.startedAt !== undefined) continue;
    const image = c.image ?? "";
    const ref = qualifiedImage(image);
    if (!rec.imageReady && rec.pull) {
      if (rec.pull.doneAt > now) return { containers, node: { ...node, images, pullFreeAt }, events, wakeAt: rec.pull.doneAt };
      emit(c, "Normal", "Pulled", pulledMessage(image, rec.pull.doneAt - rec.pull.startedAt, rec.pull.doneAt - rec.pull.requestedAt, imageSize(image)));
      rec = { name: rec.name, imageReady: true };
    } else if (!rec.imageReady) {
      const policy = pullPolicyOf(c);
      const present = images[ref] !== undefined && images[ref] <= now;
      if (policy !== "Always" && present) {
        emit(c, "Normal", "Pulled", alreadyPresentMessage(image));
        rec = { name: rec.name, imageReady: true };
      } else if (policy === "Never") {
        // Checked again on every sync (another pod may bring the image); reported once.
        if (rec.waiting?.reason !== "ErrImageNeverPull") emit(c, "Warning", "ErrImageNeverPull", neverPullMessage(image));
        containers[i] = { ...rec, waiting: { reason: "ErrImageNeverPull", message: neverPullMessage(image) } };
        break;
      } else {
        // Layers already on the node (or arriving with a pull in flight) make the pull quick.
        const size = imageSize(image);
        const took = images[ref] !== undefined ? repullDurationMs(size) : pullDurationMs(size);
        const startedAt = Math.max(now, pullFreeAt);
        const doneAt = startedAt + took;
        pullFreeAt = doneAt;
        images = { ...images, [ref]: Math.min(images[ref] ?? doneAt, doneAt) };
        emit(c, "Normal", "Pulling", pullingMessage(image));
        containers[i] = { ...rec, pull: { requestedAt: now, startedAt, doneAt } };
        return { containers, node: { ...node, images, pullFreeAt }, events, wakeAt: doneAt };
      }
    }
    emit(c, "Normal", "Created", createdMessage(c.name));
    emit(c, "Normal", "Started", startedMessage(c.name));
    containers[i] = { name: rec.name, imageReady: true, containerID: newContainerID(rng), startedAt: now };
  }
  return { containers, node: { ...node, images, pullFreeAt }, events };
}
