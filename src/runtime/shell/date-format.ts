// `date` output in UTC: the busybox/GNU default `%a %b %e %H:%M:%S %Z %Y`
// (e.g. `Wed Jan  1 00:00:05 UTC 2025`) and a small strftime for `date +FORMAT`.

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export const DEFAULT_DATE_FORMAT = "%a %b %e %H:%M:%S %Z %Y";

const pad = (n: number, width = 2, fill = "0"): string => String(n).padStart(width, fill);

/** Formats the instant `ms` (ms since the epoch) with strftime conversions, in UTC. */
export function formatDate(ms: number, format: string): string {
  const d = new Date(ms);
  const conv: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()],
    b: () => MONTHS[d.getUTCMonth()],
    d: () => pad(d.getUTCDate()),
    e: () => pad(d.getUTCDate(), 2, " "),
    H: () => pad(d.getUTCHours()),
    M: () => pad(d.getUTCMinutes()),
    S: () => pad(d.getUTCSeconds()),
    Y: () => String(d.getUTCFullYear()),
    m: () => pad(d.getUTCMonth() + 1),
    y: () => pad(d.getUTCFullYear() % 100),
    Z: () => "UTC",
    z: () => "+0000",
    s: () => String(Math.floor(ms / 1000)),
    T: () => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    F: () => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    "%": () => "%",
  };
  return format.replace(/%(.)/g, (whole, c: string) => (conv[c] ? conv[c]() : whole));
}
