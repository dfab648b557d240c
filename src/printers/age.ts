// Relative times as kubectl prints them (reference/kubectl-output.md §0.3). Ported from
// k8s.io/apimachinery/pkg/util/duration/duration.go (HumanDuration) and the printers'
// translateTimestampSince. `now` is always the simulated clock, passed in.

import { parseInstant, since, toRFC1123Z, type Duration, type Instant } from "../sim/time";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * HumanDuration: "5s", "2m30s", "90m", "3h10m", "2d4h", "3y112d"; "<invalid>" below -1s.
 * @example humanDuration(duration(150_000)) === "2m30s"
 */
export function humanDuration(d: Duration): string {
  const seconds = Math.trunc(d / SECOND);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(d / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(d / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    const days = Math.trunc(hours / 24);
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  const years = Math.trunc(hours / 24 / 365);
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** translateTimestampSince: the age of an RFC 3339 timestamp at `now`; "<unknown>" when absent. */
export function age(timestamp: string | null | undefined, now: Instant): string {
  if (!timestamp) return "<unknown>";
  const t = parseInstant(timestamp);
  if (t === undefined) return "<unknown>";
  return humanDuration(since(now, t));
}

/** The human duration between two timestamps (Job DURATION, completionTime − startTime). */
export function between(from: string, to: string): string {
  const a = parseInstant(from);
  const b = parseInstant(to);
  if (a === undefined || b === undefined) return "<unknown>";
  return humanDuration(since(b, a));
}

/**
 * Go's time.RFC1123Z layout in UTC, as describe prints absolute times:
 * "Sat, 22 Nov 2025 10:00:04 +0000". An absent time prints Go's zero time.
 */
export function rfc1123z(timestamp: string | null | undefined): string {
  const t = timestamp ? parseInstant(timestamp) : undefined;
  return t === undefined ? "Mon, 01 Jan 0001 00:00:00 +0000" : toRFC1123Z(t);
}
