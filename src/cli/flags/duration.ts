// Duration flags as pflag reads them: Go's time.ParseDuration, and pflag's error for anything
// else, e.g. `invalid argument "10" for "--timeout" flag: time: missing unit in duration "10"`.

import { UsageError } from "../../api/errors";
import type { Duration } from "../../sim/time";
import { parseGoDuration } from "../../sim/time";

/** The flag's value as a duration (negative ones too: each verb says what they mean). */
export function durationFlag(text: string, flag: string, verb: string): Duration {
  const parsed = parseGoDuration(text);
  if ("error" in parsed) {
    throw new UsageError(`Error: invalid argument ${JSON.stringify(text)} for "${flag}" flag: ${parsed.error}`, {
      hint: `See 'kubectl ${verb} --help' for usage.`,
    });
  }
  return parsed.duration;
}
