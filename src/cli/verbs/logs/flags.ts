// Flag values of logs in pflag's words: RFC 3339 times.

import { UsageError } from "../../../api/errors";
import type { Duration } from "../../../sim/time";
import { duration } from "../../../sim/time";

export const minutes = (m: number): Duration => duration(m * 60_000);

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** --since-time: RFC 3339, sent to the server with whole seconds; undefined when empty. */
export function parseSinceTime(text: string): number | undefined {
  if (text === "") return undefined;
  if (!RFC3339.test(text)) {
    const year = text.slice(0, 4);
    throw new UsageError(`parsing time ${JSON.stringify(text)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(text)} as "${/^\d{4}/.test(year) ? "-" : "2006"}"`);
  }
  const ms = Date.parse(text);
  return ms - (((ms % 1000) + 1000) % 1000);
}
