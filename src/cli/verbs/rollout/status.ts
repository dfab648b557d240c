// kubectl rollout status (TYPE NAME | TYPE/NAME) [--watch] [--revision=N] [--timeout=D]
// (staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_status.go): prints the object's status
// line, then — instead of watching a real cluster — advances the simulated clock and prints the
// line again each time the object changes, until the rollout is done, fails or times out.

import { defineVerb } from "../../verb";
import { UsageError } from "../../../api/errors";
import { infoForKind } from "../../../api/registry";
import { groupKindString } from "../../../api/rollout/kinds";
import type { Duration } from "../../../sim/time";
import { duration, seconds } from "../../../sim/time";
import { durationFlag } from "../../flags/duration";
import { statusViewerFor } from "../../../printers/rollout-status";
import { keyOf, refOf } from "../../../api/types";
import type { WatchEvent } from "./watch";
import { watchObject } from "./watch";
import { finish } from "./report";
import { parseIntFlag } from "../../generators/output";
import type { TargetFlags, TargetOptions } from "./targets";
import { defineTargetFlags, findRolloutTargets, noResourcesFound, requireResource, targetOptions } from "./targets";

interface Flags extends TargetFlags {
  watch?: boolean;
  revision?: string;
  timeout?: string;
}

interface Options extends TargetOptions {
  watch: boolean;
  revision: number;
  /** 0 means "until done", which kubesim bounds by DEFAULT_WAIT of simulated time. */
  timeout: Duration;
}

/**
 * kubectl waits forever by default; a simulation must stop somewhere. Fifteen simulated minutes
 * outlast the default progressDeadlineSeconds (600s), so a stalled rollout still ends with
 * kubectl's "exceeded its progress deadline" rather than a timeout.
 */
export const DEFAULT_WAIT = seconds(15 * 60);

export default defineVerb<Flags, Options>({
  name: "rollout status",
  help: {
    short: "Show the status of the rollout",
    long: `Show the status of the rollout.

 By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.`,
    example: `  # Watch the rollout status of a deployment
  kubectl rollout status deployment/nginx`,
    usage: "rollout status (TYPE NAME | TYPE/NAME) [flags] [options]",
  },
  define(cmd) {
    defineTargetFlags(cmd);
    cmd.option("--revision <n>", "Pin to a specific revision for showing its status. Defaults to 0 (last revision).", "0");
    cmd.option(
      "--timeout <duration>",
      "The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).",
      "0s",
    );
    cmd.option("-w, --watch", "Watch the status of the rollout until it's done.", true);
    cmd.option("--no-watch", "");
  },
  complete(flags, args, env) {
    // Negative: watchtools.ContextWithOptionalTimeout waits without a limit, as for 0.
    const timeout = duration(Math.max(0, durationFlag(flags.timeout ?? "0s", "--timeout", "rollout status")));
    return {
      ...targetOptions(flags, args, env),
      watch: flags.watch !== false,
      revision: parseIntFlag(flags.revision, "--revision", 0, "rollout status"),
      timeout,
    };
  },
  validate(o) {
    requireResource(o);
    if (o.revision < 0) throw new UsageError(`revision must be a positive integer: ${o.revision}`);
  },
  run(o, cluster, io, env) {
    const api = cluster!.api;
    const { objects, errors } = findRolloutTargets(api, o, env);
    if (errors.length > 0) throw errors[0];
    if (objects.length === 0) {
      io.err.write(noResourcesFound(o.namespace));
      return 0;
    }
    if (objects.length !== 1) {
      throw new UsageError(`rollout status is only supported on individual resources and resource collections - ${objects.length} resources were found`);
    }
    const target = objects[0];
    const info = infoForKind(target.kind);
    const viewer = statusViewerFor(target.kind);
    if (!viewer) throw new UsageError(`no status viewer has been implemented for ${info ? groupKindString(info) : target.kind}`);

    // The watch: the current state first (the list's ADDED event), then every write of the
    // object while the clock advances, each printed as kubectl prints each MODIFIED event.
    let finished = false;
    let failure: string | undefined;
    const onEvent = (e: WatchEvent): void => {
      if (finished) return;
      if (e.type === "DELETED") {
        failure = "object has been deleted";
        finished = true;
        return;
      }
      const st = viewer(e.object, o.revision);
      if (st.error !== undefined) {
        failure = st.error;
        finished = true;
        return;
      }
      io.out.write(st.message + "\n");
      if (st.done || !o.watch) finished = true;
    };
    onEvent({ type: "MODIFIED", object: target });
    if (!finished) {
      const stop = watchObject(cluster!.store, keyOf(refOf(target)), onEvent);
      try {
        cluster!.advanceUntil(() => finished, o.timeout > 0 ? o.timeout : DEFAULT_WAIT);
      } finally {
        stop();
      }
    }
    // Written, not thrown: the clock has moved on and must be saved.
    if (failure !== undefined) return finish([new UsageError(failure)], io);
    if (!finished) return finish([new UsageError("timed out waiting for the condition")], io);
    return 0;
  },
});
