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
  // Many stamps in a row share an instant (one settle writes them all at `now`).
  if (t !== lastStamp.t) lastStamp = { t, text: new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z") };
  return lastStamp.text;
}

let lastStamp = { t: NaN, text: "" };

/** Parses RFC 3339 (or anything Date understands); undefined when invalid. */
export function parseInstant(text: string): Instant | undefined {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : instant(ms);
}

/** Seconds-precision truncation: Kubernetes timestamps carry whole seconds. */
export function truncateToSecond(t: Instant): Instant {
  return instant(Math.floor(t / 1000) * 1000);
}
