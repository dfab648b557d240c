// `date` output in UTC: the busybox/GNU default `%a %b %e %H:%M:%S %Z %Y`
// (e.g. `Wed Jan  1 00:00:05 UTC 2025`) and a small strftime for `date +FORMAT`.

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export const DEFAULT_DATE_FORMAT = "%a %b %e %H:%M:%S %Z %Y";

const pad = (n: number, width = 2, fill = "0"): string => String(n).padStart(width, fill);

/** Formats the instant `ms` (ms since the epoch) with strftime conversions, in UTC. */
export function formatDate(ms: number, format: string): string {
  const d = new Date(ms);
  // What every bare `date` prints (a CronJob's pod a minute), without a pass of the pattern.
  if (format === DEFAULT_DATE_FORMAT) {
    const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate(), 2, " ")} ${time} UTC ${d.getUTCFullYear()}`;
  }
  return format.replace(/%(.)/g, (whole, c: string) => conversion(d, ms, c) ?? whole);
}

/** One strftime conversion, or undefined for one it does not know (printed as written). */
function conversion(d: Date, ms: number, c: string): string | undefined {
  switch (c) {
    case "a":
      return DAYS[d.getUTCDay()];
    case "b":
      return MONTHS[d.getUTCMonth()];
    case "d":
      return pad(d.getUTCDate());
    case "e":
      return pad(d.getUTCDate(), 2, " ");
    case "H":
      return pad(d.getUTCHours());
    case "M":
      return pad(d.getUTCMinutes());
    case "S":
      return pad(d.getUTCSeconds());
    case "Y":
      return String(d.getUTCFullYear());
    case "m":
      return pad(d.getUTCMonth() + 1);
    case "y":
      return pad(d.getUTCFullYear() % 100);
    case "Z":
      return "UTC";
    case "z":
      return "+0000";
    case "s":
      return String(Math.floor(ms / 1000));
    case "T":
      return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    case "F":
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    case "%":
      return "%";
    default:
      return undefined;
  }
}
