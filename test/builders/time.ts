// The fixed epoch every controller test starts from, and offsets from it.

import type { Instant } from "../../src/sim/time";
import { instant, parseDuration, toRFC3339 } from "../../src/sim/time";

/** 2025-01-01T10:00:00Z. */
export const T0: Instant = instant(Date.UTC(2025, 0, 1, 10, 0, 0));

/** T0 plus a Go duration: at("90s"). Negative offsets: at("-1m"). */
export function at(offset: string): Instant {
  const neg = offset.startsWith("-");
  const d = parseDuration(neg ? offset.slice(1) : offset);
  if (d === undefined) throw new Error(`bad offset ${offset}`);
  return instant(T0 + (neg ? -d : d));
}

export const rfc = toRFC3339;
