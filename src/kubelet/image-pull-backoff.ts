// The kubelet's image-pull back-off for one (pod, image): 10s after the first failure,
// doubling to 300s. Port of client-go util/flowcontrol/backoff.go (Next,
// IsInBackOffSinceUpdate, hasExpired) as the kubelet builds it in pkg/kubelet/kubelet.go
// (flowcontrol.NewBackOff(backOffPeriod, MaxContainerBackOff), no jitter).

/** One entry of the back-off: the current delay and when the last failure was recorded. */
export interface BackOffEntry {
  readonly backoffMs: number;
  readonly lastUpdate: number;
}

export const IMAGE_BACKOFF_INITIAL_MS = 10_000;
export const IMAGE_BACKOFF_MAX_MS = 300_000;

/** hasExpired: an entry untouched for twice the maximum is forgotten (the image is "stable"). */
function hasExpired(now: number, lastUpdate: number): boolean {
  return now - lastUpdate > 2 * IMAGE_BACKOFF_MAX_MS;
}

/**
 * Next: a failure at `now` arms the back-off at 10s, or doubles the current delay (capped at
 * 300s). Example: failures give delays 10s, 20s, 40s, 80s, 160s, 300s, 300s, …
 */
export function nextBackOff(entry: BackOffEntry | undefined, now: number): BackOffEntry {
  if (!entry || hasExpired(now, entry.lastUpdate)) return { backoffMs: IMAGE_BACKOFF_INITIAL_MS, lastUpdate: now };
  return { backoffMs: Math.min(entry.backoffMs * 2, IMAGE_BACKOFF_MAX_MS), lastUpdate: now };
}

/** IsInBackOffSinceUpdate: less than the current delay has passed since the last failure. */
export function isInBackOffSinceUpdate(entry: BackOffEntry | undefined, now: number): boolean {
  if (!entry || hasExpired(now, entry.lastUpdate)) return false;
  return now - entry.lastUpdate < entry.backoffMs;
}

/** The instant the back-off ends and the kubelet may pull again. */
export const backOffEndsAt = (entry: BackOffEntry): number => entry.lastUpdate + entry.backoffMs;
