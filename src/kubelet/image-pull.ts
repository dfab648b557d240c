// Image pulls: which image a container needs, whether the node has it, how long a pull takes
// and the kubelet's words for it. Port of pkg/kubelet/images/image_manager.go
// (EnsureImageExists) with a serialized puller (serialize-image-pulls, the default) over
// simulated time. Pull times come from the image catalog's sizes at ~36 MB/s.

import { formatGoDuration, duration } from "../sim/time";
import { parseImageReference, qualifiedReference } from "../runtime/images/reference";
import { findCatalogImage } from "../runtime/images/resolve";
import { imageDigest } from "../api/image-digest";

/** An image the catalog does not know is assumed this big. */
export const DEFAULT_IMAGE_SIZE = 50_000_000;

/**
 * A fresh pull: 500ms to resolve and unpack plus the download at 36 MB/s.
 * Example: nginx, 72953636 bytes → 500 + 2026 = 2526ms ("2.526s").
 */
export function pullDurationMs(size: number): number {
  return 500 + Math.floor(size / 36_000);
}

/** A pull of an image whose layers the node already has (policy Always): only the manifest check. */
export function repullDurationMs(size: number): number {
  return 400 + Math.floor(size / 1_000_000);
}

/**
 * The fully qualified reference containerd reports: "nginx" → "docker.io/library/nginx:latest",
 * "bitnami/redis:7" → "docker.io/bitnami/redis:7", "registry.k8s.io/pause:3.10" unchanged.
 * An unparsable image (which never gets a container: InvalidImageName) is qualified by the
 * same rules without the grammar check.
 */
export function qualifiedImage(image: string): string {
  const parsed = parseImageReference(image);
  if (parsed.ok) return qualifiedReference(parsed.ref);
  const slash = image.indexOf("/");
  const first = slash < 0 ? "" : image.slice(0, slash);
  const hasRegistry = slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost");
  let ref = hasRegistry ? image : slash < 0 ? `docker.io/library/${image}` : `docker.io/${image}`;
  if (!ref.slice(ref.lastIndexOf("/") + 1).includes(":") && !ref.includes("@")) ref += ":latest";
  return ref;
}

export function imageSize(image: string): number {
  const parsed = parseImageReference(image);
  return (parsed.ok ? findCatalogImage(parsed.ref)?.size : undefined) ?? DEFAULT_IMAGE_SIZE;
}

/**
 * How long containerd takes to learn that a reference does not exist: the resolve step of a
 * pull (the 500ms of pullDurationMs), with nothing to download.
 */
export const FAILED_PULL_MS = 500;

/** The digest form kubelet shows as imageID, derived from the reference so it is stable. */
export function imageID(image: string): string {
  return imageDigest(qualifiedImage(image));
}

/** The API server's default when imagePullPolicy is unset: Always for :latest or no tag. */
export function pullPolicyOf(container: { image?: string; imagePullPolicy?: string }): string {
  if (container.imagePullPolicy) return container.imagePullPolicy;
  const image = container.image ?? "";
  if (image.includes("@")) return "IfNotPresent";
  return qualifiedImage(image).endsWith(":latest") ? "Always" : "IfNotPresent";
}

export const pullingMessage = (image: string): string => `Pulling image "${image}"`;
export const alreadyPresentMessage = (image: string): string => `Container image "${image}" already present on machine`;
export const neverPullMessage = (image: string): string => `Container image "${image}" is not present with pull policy of Never`;
export const failedToPullMessage = (image: string, err: string): string => `Failed to pull image "${image}": ${err}`;
export const backOffPullMessage = (image: string): string => `Back-off pulling image "${image}"`;
/** The waiting message in back-off: 1.32 appends the last pull's error (prevPullErrMsg). */
export const backOffWaitingMessage = (image: string, err: string): string => `${backOffPullMessage(image)}: ErrImagePull: ${err}`;
/** startContainer's event when EnsureImageExists fails: "Error: ErrImagePull". */
export const startErrorMessage = (reason: string): string => `Error: ${reason}`;
export const invalidImageNameMessage = (image: string, err: string): string =>
  `Failed to apply default image tag "${image}": couldn't parse image reference "${image}": ${err}`;

/** "Successfully pulled image "nginx" in 2.526s (2.526s including waiting). Image size: 72953636 bytes." */
export function pulledMessage(image: string, pullMs: number, totalMs: number, size: number): string {
  return `Successfully pulled image "${image}" in ${goDurationMs(pullMs)} (${goDurationMs(totalMs)} including waiting). Image size: ${size} bytes.`;
}

/** Go's Duration.String() of a duration truncated to milliseconds: "650ms", "2.5s", "1m2.003s". */
export function goDurationMs(ms: number): string {
  return ms < 1000 ? `${ms}ms` : formatGoDuration(duration(ms));
}
