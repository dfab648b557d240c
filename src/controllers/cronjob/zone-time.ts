// RFC 3339 in a CronJob's time zone, as Go's t.In(zone).Format(time.RFC3339) writes the
// scheduled-timestamp annotation.

import type { Instant } from "../../sim/time";
import { toRFC3339 } from "../../sim/time";

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** The zone's offset from UTC at t, in minutes. */
function offsetMinutes(t: Instant, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(Math.floor(t / 1000) * 1000));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((wall - Math.floor(t / 1000) * 1000) / 60_000);
}

/** t.In(zone).Format(time.RFC3339): "2026-01-01T09:00:00+09:00", or "...Z" at offset zero. */
export function rfc3339InZone(t: Instant, timeZone: string | undefined): string {
  if (!timeZone || timeZone === "UTC") return toRFC3339(t);
  const offset = offsetMinutes(t, timeZone);
  if (offset === 0) return toRFC3339(t);
  const local = new Date(Math.floor(t / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
