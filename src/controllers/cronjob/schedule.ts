// A CronJob's schedule as the controller reads it: robfig/cron's ParseStandard and Next in the
// CronJob's time zone (croner does the calendar arithmetic), and mostRecentScheduleTime from
// pkg/controller/cronjob/utils.go (v1.32).

import { Cron } from "croner";
import type { Instant } from "../../sim/time";
import { instant, parseGoDuration } from "../../sim/time";
import { parseStandardError } from "../../api/validation/semantics/cron-schedule";

export interface Schedule {
  /** The first activation strictly after t (whole seconds), if any. */
  next(t: Instant): Instant | undefined;
}

/** The schedule, or robfig's parse error text. */
export function parseSchedule(spec: string, timeZone: string | undefined): Schedule | { error: string } {
  const key = `${timeZone ?? ""} ${spec}`;
  let parsed = SCHEDULES.get(key);
  if (!parsed) SCHEDULES.set(key, (parsed = parseUncached(spec, timeZone)));
  return parsed;
}

/** Parsed schedules by zone and spec: a CronJob's sync reads its schedule a few times a minute. */
const SCHEDULES = new Map<string, Schedule | { error: string }>();

function parseUncached(spec: string, timeZone: string | undefined): Schedule | { error: string } {
  const error = parseStandardError(spec);
  if (error) return { error };
  if (spec.startsWith("@every ")) return everySchedule(spec.slice("@every ".length));
  return cronSchedule(spec, timeZone);
}

function cronSchedule(spec: string, timeZone: string | undefined): Schedule {
  // robfig reads `?` as `*` (croner: "the time the pattern was parsed") and `5/15` as `5-59/15`;
  // both OR the day fields when neither is `*`. UTC is a fixed offset: no zone lookups.
  const pattern = spec.replace(/\?/g, "*");
  const zone = !timeZone || timeZone === "UTC" || timeZone === "Etc/UTC" ? { utcOffset: 0 } : { timezone: timeZone };
  const cron = new Cron(pattern, { ...zone, paused: true, mode: "5-part", sloppyRanges: true });
  // A sync asks for the same few instants (the last schedule, the one after it) several times.
  const memo = new Map<number, Instant | undefined>();
  return {
    next(t) {
      if (memo.has(t)) return memo.get(t);
      const d = cron.nextRun(new Date(t));
      const next = d ? instant(d.getTime()) : undefined;
      if (memo.size >= 64) memo.clear();
      memo.set(t, next);
      return next;
    },
  };
}

/** ConstantDelaySchedule: every d (at least a second), from the whole second. */
function everySchedule(text: string): Schedule {
  const parsed = parseGoDuration(text);
  const delay = "duration" in parsed ? Math.max(1000, Math.floor(parsed.duration / 1000) * 1000) : 1000;
  return { next: (t) => instant(Math.floor(t / 1000) * 1000 + delay) };
}

export interface MostRecent {
  /** Where the search started: the last schedule, the creation, or now − startingDeadlineSeconds. */
  readonly earliest: Instant;
  /** The latest activation in (earliest, now]. */
  readonly mostRecent?: Instant;
  /** About how many activations were missed (upstream's estimate). */
  readonly missed: number;
  readonly error?: string;
}

/** mostRecentScheduleTime. */
export function mostRecentScheduleTime(sched: Schedule, lastOrCreated: Instant, startingDeadlineSeconds: number | undefined, now: Instant): MostRecent {
  let earliest = lastOrCreated;
  if (startingDeadlineSeconds !== undefined) {
    const deadline = instant(now - startingDeadlineSeconds * 1000);
    if (deadline > earliest) earliest = deadline;
  }
  const t1 = sched.next(earliest);
  if (t1 === undefined || now < t1) return { earliest, missed: 0 };
  const t2 = sched.next(t1);
  if (t2 === undefined || now < t2) return { earliest, mostRecent: t1, missed: 1 };
  const between = Math.round((t2 - t1) / 1000);
  if (between < 1) return { earliest, missed: 0, error: "time difference between two schedules is less than 1 second" };
  const missed = Math.floor(Math.floor((now - t1) / 1000) / between) + 1;
  // Jump close to now, then step: irregular schedules (30 6-16/4 * * 1-5) need the steps.
  let mostRecent: Instant | undefined;
  for (let t = sched.next(instant(t1 + (missed - 2) * between * 1000)); t !== undefined && t <= now; t = sched.next(t)) mostRecent = t;
  return { earliest, mostRecent: mostRecent ?? t1, missed };
}
