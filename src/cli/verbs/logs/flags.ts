// Flag values of logs/exec in pflag's words: Go durations and RFC 3339 times.

import { UsageError } from "../../../api/errors";
import type { Duration } from "../../../sim/time";
import { duration, parseDuration } from "../../../sim/time";

export const minutes = (m: number): Duration => duration(m * 60_000);

/** A Go duration flag; pflag's error for anything else. */
export function parseDurationFlag(text: string, flag: string, verb: string): Duration {
  const d = parseDuration(text);
  if (d === undefined) {
    throw new UsageError(`invalid argument ${JSON.stringify(text)} for "${flag}" flag: time: invalid duration ${JSON.stringify(text)}`, {
      hint: `See 'kubectl ${verb} --help' for usage.`,
    });
  }
  return d;
}

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
