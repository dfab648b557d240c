// What the engine needs when the API server rejects a controller's write: the error as the
// controller's Go code prints it (err.Error()), and the work queue's back-off before the retry.

import type { StatusError } from "../api/errors";
import type { Store } from "../api/store/store";
import type { EventNote, RejectedWrite } from "../controllers/types";
import { renderIssue } from "../api/validation/render";
import type { Duration } from "./time";
import { duration } from "./time";

/**
 * err.Error() of an API status error. For Invalid, NewInvalid's `<Kind> "<name>" is invalid: <causes>`,
 * where the causes are an ErrorList aggregate: one inline, several as "[a, b]" (duplicates dropped).
 */
export function rejectionOf(err: StatusError): RejectedWrite {
  const causes = [...new Set((err.invalid?.issues ?? []).map(renderIssue))];
  if (causes.length === 0) return { reason: err.reason, message: err.message };
  const aggregate = causes.length === 1 ? causes[0] : `[${causes.join(", ")}]`;
  return { reason: err.reason, message: `${err.message}: ${aggregate}` };
}

/** client-go's DefaultControllerRateLimiter: per-item exponential back-off from 5ms, capped at 1000s. */
const BASE_DELAY_MS = 5;
const MAX_DELAY_MS = 1000 * 1000;

/**
 * The delay before the n-th retry of a failing key: 5ms·2^(n−1), at most 1000s
 * (5ms, 10ms, 20ms, … 655.36s, then 1000s). Upstream takes the max with a global 10 qps
 * bucket (burst 100), which is zero for the handful of keys a simulation fails on; dropped.
 */
export function rejectionBackoff(failures: number): Duration {
  const exponent = Math.max(0, failures - 1);
  return duration(exponent >= 28 ? MAX_DELAY_MS : Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** exponent));
}

/**
 * How many times the key has failed, read from simulated state: the counts of the Warnings
 * like this one (same object, source, type and reason) the recorder holds. Their messages may
 * differ (a ReplicaSet's pod names are random each time), so they are summed. Upstream counts
 * failures per key in the work queue and forgets them on the first successful sync; kubesim
 * keeps no queue, so the recorded Warnings stand in (simplification: a key that fails again
 * within the hour the Warnings live resumes its back-off where it stopped instead of at 5ms).
 */
export function failuresRecorded(store: Store, warnings: readonly [EventNote, ...EventNote[]]): number {
  const [note] = warnings;
  const alike = (uid: unknown, type: unknown, reason: unknown, source: unknown) =>
    uid === note.regarding.metadata.uid && type === note.type && reason === note.reason && source === note.source;
  let recorded = 0;
  for (const e of store.list("Event", note.regarding.metadata.namespace || "default") as any[]) {
    if (alike(e.involvedObject?.uid, e.type, e.reason, e.source?.component)) recorded += e.count ?? 1;
  }
  // A failure that records two alike Warnings (a StatefulSet's claim, then its pod) counts once.
  const perFailure = warnings.filter((w) => alike(w.regarding.metadata.uid, w.type, w.reason, w.source)).length;
  return Math.max(1, Math.ceil(recorded / perFailure));
}
