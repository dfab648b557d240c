// --cascade=background|foreground|orphan (and the old true/false), shared by delete and replace.

import type { Command } from "commander";
import type { PropagationPolicy } from "../../api/server";
import { UsageError } from "../../api/errors";

export function defineCascade(cmd: Command): void {
  cmd.option(
    "--cascade [strategy]",
    'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
    "background",
  );
}

export function parseCascade(value: string | boolean | undefined): PropagationPolicy {
  const v = value === undefined || value === true ? "background" : String(value).toLowerCase();
  if (v === "background" || v === "true") return "Background";
  if (v === "foreground") return "Foreground";
  if (v === "orphan" || v === "false") return "Orphan";
  throw new UsageError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan".`);
}
