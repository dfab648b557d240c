// Simulated time. Instants and durations are milliseconds, branded so one can never be
// passed where the other is expected. Nothing here reads the wall clock.

export type Instant = number & { readonly __brand: "Instant" };
export type Duration = number & { readonly __brand: "Duration" };

export const instant = (ms: number): Instant => ms as Instant;
export const duration = (ms: number): Duration => ms as Duration;
export const seconds = (s: number): Duration => (s * 1000) as Duration;

export function plus(t: Instant, d: Duration): Instant {
  return (t + d) as Instant;
}

export function since(now: Instant, then: Instant): Duration {
  return (now - then) as Duration;
}

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Parses a Go-style duration ("90s", "1m30s", "2h", "500ms", "0"), as kubectl's
 * --timeout and KUBESIM_TICK take them. A bare number is seconds (kubectl's
 * --timeout=0 and the like). Returns undefined for anything else.
 * @example parseDuration("1m30s") === 90_000
 */
export function parseDuration(text: string): Duration | undefined {
  const s = text.trim();
  if (s === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(s)) return seconds(Number(s));
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * UNIT_MS[m[2]];
    matched = re.lastIndex;
  }
  if (matched !== s.length) return undefined;
  return duration(Math.round(total));
}

/** Go's time units, in nanoseconds (both micro signs, as Go's unitMap has them). */
const GO_UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, "\u00b5s": 1e3, "\u03bcs": 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
const MAX_NS = 2 ** 63;

/**
 * Go's time.ParseDuration, as pflag reads a duration flag (kubectl's --timeout): the duration
 * (to the millisecond), or Go's error. Unlike parseDuration, a bare number other than 0 is an
 * error ("time: missing unit in duration \"10\"").
 * @example parseGoDuration("1.5m") → { duration: 90_000 }; parseGoDuration("10") → { error: … }
 */
export function parseGoDuration(text: string): { duration: Duration } | { error: string } {
  const invalid = { error: `time: invalid duration ${goQuote(text)}` };
  let s = text;
  let negative = false;
  if (s[0] === "-" || s[0] === "+") {
    negative = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return { duration: duration(0) };
  if (s === "") return invalid;
  let ns = 0;
  while (s !== "") {
    // [0-9]*(\.[0-9]*)? then a unit
    const m = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    const [number, whole, fraction] = m;
    if (whole === "" && (fraction ?? "") === "") return invalid; // no digits: ".s", "-.s", "x"
    s = s.slice(number.length);
    const unitLength = s.search(/[.\d]|$/);
    if (unitLength === 0) return { error: `time: missing unit in duration ${goQuote(text)}` };
    const unit = s.slice(0, unitLength);
    s = s.slice(unitLength);
    const unitNs = GO_UNIT_NS[unit];
    if (unitNs === undefined) return { error: `time: unknown unit ${goQuote(unit)} in duration ${goQuote(text)}` };
    const value = Number(whole || "0") * unitNs + (fraction ? Number(`0.${fraction}`) * unitNs : 0);
    ns += value;
    if (Number(whole || "0") > MAX_NS || ns > MAX_NS) return invalid;
  }
  if (!negative && ns >= MAX_NS) return invalid;
  const ms = Math.round(ns / 1e6);
  return { duration: duration(negative ? -ms : ms) };
}

/** Go's time.quote: non-ASCII and control bytes as \xNN, `"` and `\` escaped. */
function goQuote(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (code >= 0x80 || code < 0x20) for (const b of new TextEncoder().encode(c)) out += `\\x${b.toString(16).padStart(2, "0")}`;
    else out += c === '"' || c === "\\" ? `\\${c}` : c;
  }
  return `${out}"`;
}

/** Go's Duration.String(): "1m30s", "5s", "0s", "1h0m0s". */
export function formatGoDuration(d: Duration): string {
  if (d === 0) return "0s";
  const neg = d < 0;
  let ms = Math.abs(d);
  const h = Math.floor(ms / 3_600_000);
  ms -= h * 3_600_000;
  const m = Math.floor(ms / 60_000);
  ms -= m * 60_000;
  const s = ms / 1000;
  let out = "";
  if (h > 0) out += `${h}h`;
  if (h > 0 || m > 0) out += `${m}m`;
  out += `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, "")}s`;
  return (neg ? "-" : "") + out;
}

/** RFC 3339 with second precision, as Kubernetes serialises metav1.Time: 2025-11-22T10:00:04Z. */
export function toRFC3339(t: Instant): string {
  // Many stamps in a row share an instant (one settle writes them all at `now`), and the rest
  // mostly alternate with one other (a container's start, a Job's): the last two are kept.
  if (t === lastStamp.t) return lastStamp.text;
  const other = t === stampBefore.t ? stampBefore : { t, text: new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z") };
  stampBefore = lastStamp;
  lastStamp = other;
  return other.text;
}

let lastStamp = { t: NaN, text: "" };
let stampBefore = { t: NaN, text: "" };

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad2 = (n: number): string => String(n).padStart(2, "0");

/** Go's time.RFC1123Z in UTC, as describe and Event messages print it: Wed, 01 Jan 2025 00:00:00 +0000. */
export function toRFC1123Z(t: Instant): string {
  const d = new Date(t);
  return (
    `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`
  );
}

/** Parses RFC 3339 (or anything Date understands); undefined when invalid. */
export function parseInstant(text: string): Instant | undefined {
  // Controllers read the same few stamps again and again: Date.parse costs four lookups.
  const known = parsedInstants.get(text);
  if (known !== undefined) return known;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return undefined;
  if (parsedInstants.size >= 4096) parsedInstants.clear();
  parsedInstants.set(text, instant(ms));
  return instant(ms);
}

const parsedInstants = new Map<string, Instant>();

/** Seconds-precision truncation: Kubernetes timestamps carry whole seconds. */
export function truncateToSecond(t: Instant): Instant {
  return instant(Math.floor(t / 1000) * 1000);
}
