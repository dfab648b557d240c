// The TTL-after-finished controller: deletes a finished Job (and, in the foreground, its pods)
// ttlSecondsAfterFinished after it finished. Port of processJob and timeLeft in
// pkg/controller/ttlafterfinished/ttlafterfinished_controller.go (v1.32).

import type { Condition, KubeObject } from "../api/types";
import { refOf } from "../api/types";
import { parseInstant } from "../sim/time";
import type { Instant } from "../sim/time";
import { duration } from "../sim/time";
import type { Controller } from "./types";
import { NOTHING, self } from "./types";

export const ttlAfterFinishedController: Controller = {
  name: "ttlafterfinished-controller",
  primary: "Job",
  wakeOn: [{ ...self("Job"), concerns: (before, after) => (after ?? before)?.spec?.ttlSecondsAfterFinished != null }],
  reconcile(view, key, now) {
    const job = view.get(key);
    const ttl = job?.spec?.ttlSecondsAfterFinished;
    if (!job || job.metadata.deletionTimestamp || typeof ttl !== "number") return NOTHING;
    const finishedAt = jobFinishTime(job);
    if (finishedAt === undefined) return NOTHING;
    const expireAt = finishedAt + ttl * 1000;
    if (now < expireAt) return { writes: [], events: [], requeueAfter: duration(expireAt - now) };
    return { writes: [{ op: "delete", ref: refOf(job), propagationPolicy: "Foreground", uid: job.metadata.uid }], events: [] };
  },
};

/** jobFinishTime: when the Complete or Failed condition became True. */
function jobFinishTime(job: KubeObject): Instant | undefined {
  const done = ((job.status?.conditions ?? []) as Condition[]).find((c) => (c.type === "Complete" || c.type === "Failed") && c.status === "True");
  return done ? parseInstant(done.lastTransitionTime ?? "") : undefined;
}
