// How the rollout sub-commands end: kubectl prints the successes as it goes and the errors at
// the end. The verb writes them itself and returns 1 rather than throwing, because a throw
// would discard the writes (and the clock's advance) made before the error. One error prints as usual; several are an aggregate, which kubectl's CheckErr prints
// one per line through MultipleErrors — *without* adding `error: ` to plain messages (the
// per-object refusals of pause/resume/restart carry their own `error: ` prefix).

import type { IOStreams, VerbEnv } from "../../verb";
import type { ApiServer } from "../../../api/server";
import type { TargetOptions } from "./targets";
import { findRolloutTargets, noResourcesFound } from "./targets";
import { errorText, statusText } from "../../errors";
import { StatusError, UsageError } from "../../../api/errors";
import { pluralDotGroup, infoForKind } from "../../../api/registry";
import type { KubeObject } from "../../../api/types";
import { RolloutRefusal } from "../../../api/rollout/mutations";

/**
 * The loop every rollout sub-command runs: find the targets, say "No resources found" when
 * there are none, run `each` on every object (a throw is that object's error), then finish.
 */
export function forEachTarget(
  api: ApiServer,
  o: TargetOptions,
  env: Pick<VerbEnv, "cwd" | "readStdin">,
  io: IOStreams,
  each: (obj: KubeObject, errors: unknown[]) => void,
): number {
  const { objects, errors } = findRolloutTargets(api, o, env);
  if (objects.length === 0 && errors.length === 0) {
    io.err.write(noResourcesFound(o.namespace));
    return 0;
  }
  for (const obj of objects) {
    try {
      each(obj, errors);
    } catch (err) {
      errors.push(err);
    }
  }
  return finish(errors, io);
}

export function finish(errors: readonly unknown[], io: IOStreams): number {
  if (errors.length === 0) return 0;
  if (errors.length === 1) {
    io.err.write(errorText(errors[0]) + "\n");
    return 1;
  }
  io.err.write(errors.map((e) => aggregateLine(e) + "\n").join(""));
  return 1;
}

/** messageForError: a server error in its standard words, anything else as its bare message. */
function aggregateLine(err: unknown): string {
  if (err instanceof StatusError) return statusText(err);
  if (err instanceof UsageError) return err.message;
  return errorText(err);
}

/** A RolloutRefusal as kubectl words it: `error: deployments.apps "web" is already paused`. */
export function refusalError(obj: KubeObject, err: unknown): unknown {
  if (!(err instanceof RolloutRefusal)) return err;
  const info = infoForKind(obj.kind);
  const resource = info ? pluralDotGroup(info) : obj.kind.toLowerCase();
  return new UsageError(`error: ${resource} ${JSON.stringify(obj.metadata.name ?? "")} ${err.reason}`);
}
