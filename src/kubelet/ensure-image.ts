// Making sure one container's image is on the node before it is created: the pull policy,
// the serialized puller, failed pulls and their back-off. Port of
// pkg/kubelet/images/image_manager.go (EnsureImageExists, v1.32) and of the error events
// startContainer adds (pkg/kubelet/kuberuntime/kuberuntime_container.go: "Error: <reason>").

import type { Instant } from "../sim/time";
import { resolveImage } from "../runtime/images/resolve";
import type { ContainerRecord, NodeRecord } from "./runtime-record";
import type { ContainerEvent } from "./containers";
import { backOffEndsAt, isInBackOffSinceUpdate, nextBackOff } from "./image-pull-backoff";
import {
  alreadyPresentMessage,
  backOffPullMessage,
  backOffWaitingMessage,
  FAILED_PULL_MS,
  failedToPullMessage,
  imageSize,
  invalidImageNameMessage,
  neverPullMessage,
  pullDurationMs,
  pulledMessage,
  pullingMessage,
  pullPolicyOf,
  repullDurationMs,
  startErrorMessage,
} from "./image-pull";

/**
 * After a failed sync the pod worker runs again at the next PLEG relist (1s), which is when
 * it finds the image in back-off: so ErrImagePull shows for a second, then ImagePullBackOff.
 */
export const RESYNC_AFTER_PULL_ERROR_MS = 1000;

export type Container = { name: string; image?: string; imagePullPolicy?: string };

/** The node's image state the puller works on. */
export type Puller = Pick<NodeRecord, "images" | "pullFreeAt">;

export interface Ensured {
  readonly record: ContainerRecord;
  readonly puller: Puller;
  readonly events: readonly ContainerEvent[];
  /** ready: create the container now; pulling: the sync waits on the puller; failed: skip it. */
  readonly state: "ready" | "pulling" | "failed";
  /** When time alone changes this container's answer. */
  readonly wakeAt?: number;
}

/**
 * EnsureImageExists for a container whose image is not yet ready. Never mutates its inputs.
 * Example (nginx:1.161, a fresh node, now T): Pulling at T; at T+500ms Failed ×2 and
 * ErrImagePull; at T+1.5s BackOff and ImagePullBackOff; at T+10.5s Pulling again …
 */
export function ensureImage(c: Container, rec: ContainerRecord, puller: Puller, now: Instant): Ensured {
  const image = c.image ?? "";
  const events: ContainerEvent[] = [];
  const emit = (type: ContainerEvent["type"], reason: string, message: string) => events.push({ type, reason, message, container: c.name });
  const out = (record: ContainerRecord, state: Ensured["state"], wakeAt?: number, p: Puller = puller): Ensured => ({
    record,
    puller: p,
    events,
    state,
    ...(wakeAt !== undefined && { wakeAt }),
  });

  if (rec.pull) {
    const pull = rec.pull;
    if (pull.doneAt > now) return out(rec, "pulling", pull.doneAt);
    if (pull.error === undefined) {
      emit("Normal", "Pulled", pulledMessage(image, pull.doneAt - pull.startedAt, pull.doneAt - pull.requestedAt, imageSize(image)));
      return out({ name: rec.name, imageReady: true }, "ready");
    }
    // The pull failed: record the back-off from the instant it failed.
    emit("Warning", "Failed", failedToPullMessage(image, pull.error));
    emit("Warning", "Failed", startErrorMessage("ErrImagePull"));
    const prev = rec.pullBackOff?.image === image ? rec.pullBackOff : undefined;
    const backOff = { image, error: pull.error, ...nextBackOff(prev, pull.doneAt) };
    const record: ContainerRecord = { name: rec.name, waiting: { reason: "ErrImagePull", message: pull.error }, pullBackOff: backOff };
    return out(record, "failed", Math.max(now, pull.doneAt) + RESYNC_AFTER_PULL_ERROR_MS);
  }

  const resolved = resolveImage(image);
  if (resolved.kind === "invalid") {
    const message = invalidImageNameMessage(image, resolved.error);
    // Reported once: the answer cannot change while the spec's image stays the same.
    if (rec.waiting?.reason !== "InvalidImageName") {
      emit("Warning", "InspectFailed", message);
      emit("Warning", "Failed", startErrorMessage("InvalidImageName"));
    }
    return out({ ...rec, waiting: { reason: "InvalidImageName", message } }, "failed");
  }

  const ref = resolved.qualified;
  const policy = pullPolicyOf(c);
  const present = puller.images[ref] !== undefined && puller.images[ref] <= now;
  if (policy !== "Always" && present) {
    emit("Normal", "Pulled", alreadyPresentMessage(image));
    return out({ name: rec.name, imageReady: true }, "ready");
  }
  if (policy === "Never") {
    // Checked again on every sync (another pod may bring the image); reported once.
    if (rec.waiting?.reason !== "ErrImageNeverPull") emit("Warning", "ErrImageNeverPull", neverPullMessage(image));
    return out({ ...rec, waiting: { reason: "ErrImageNeverPull", message: neverPullMessage(image) } }, "failed");
  }

  const backOff = rec.pullBackOff?.image === image ? rec.pullBackOff : undefined;
  if (backOff && rec.waiting?.reason === "ErrImagePull" && now < backOff.lastUpdate + RESYNC_AFTER_PULL_ERROR_MS) {
    return out(rec, "failed", backOff.lastUpdate + RESYNC_AFTER_PULL_ERROR_MS);
  }
  if (backOff && isInBackOffSinceUpdate(backOff, now)) {
    // Upstream reports this on every sync in back-off; kubesim's kubelet syncs on entering it.
    if (rec.waiting?.reason !== "ImagePullBackOff") {
      emit("Normal", "BackOff", backOffPullMessage(image));
      emit("Warning", "Failed", startErrorMessage("ImagePullBackOff"));
    }
    const waiting = { reason: "ImagePullBackOff", message: backOffWaitingMessage(image, backOff.error) };
    return out({ ...rec, waiting }, "failed", backOffEndsAt(backOff));
  }

  // Pull. A tag the registry lacks fails after the resolve step; a real pull downloads, and
  // layers already on the node (or arriving with a pull in flight) make it quick.
  const failing = resolved.kind === "not-found";
  const size = imageSize(image);
  const took = failing ? FAILED_PULL_MS : puller.images[ref] !== undefined ? repullDurationMs(size) : pullDurationMs(size);
  const startedAt = Math.max(now, puller.pullFreeAt);
  const doneAt = startedAt + took;
  const images = failing ? puller.images : { ...puller.images, [ref]: Math.min(puller.images[ref] ?? doneAt, doneAt) };
  emit("Normal", "Pulling", pullingMessage(image));
  const pull = { requestedAt: now, startedAt, doneAt, ...(failing && { error: resolved.error }) };
  return out({ ...rec, pull }, "pulling", doneAt, { images, pullFreeAt: doneAt });
}
