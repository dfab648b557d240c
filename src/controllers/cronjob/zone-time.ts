// Go's time formatting the CronJob controller needs: RFC 3339 in the CronJob's time zone (the
// scheduled-timestamp annotation) and RFC 1123Z in UTC (the MissSchedule message).

import type { Instant } from "../../sim/time";
import { toRFC3339 } from "../../sim/time";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
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

/** t.UTC().Format(time.RFC1123Z): "Thu, 01 Jan 2026 00:01:00 +0000". */
export function rfc1123zUTC(t: Instant): string {
  const d = new Date(t);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time} +0000`;
}
