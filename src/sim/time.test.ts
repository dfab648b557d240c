import { describe, expect, it } from "vitest";
import type { Instant } from "./time";
import { parseGoDuration, toRFC3339 } from "./time";

// Each case as Go's time.ParseDuration answers it (go1.23), to the millisecond.
const cases: { text: string; want: number | string }[] = [
  { text: "0", want: 0 },
  { text: "-0", want: 0 },
  { text: "+0", want: 0 },
  { text: "5s", want: 5000 },
  { text: "+5s", want: 5000 },
  { text: "-5s", want: -5000 },
  { text: "1m30s", want: 90_000 },
  { text: "1.5h", want: 5_400_000 },
  { text: ".5s", want: 500 },
  { text: "5.s", want: 5000 },
  { text: "1h2m3s4ms", want: 3_723_004 },
  { text: "1500us", want: 2 },
  { text: "1500\u00b5s", want: 2 },
  { text: "1500\u03bcs", want: 2 },
  { text: "2000000ns", want: 2 },
  { text: "10", want: 'time: missing unit in duration "10"' },
  { text: "1h5", want: 'time: missing unit in duration "1h5"' },
  { text: "10x", want: 'time: unknown unit "x" in duration "10x"' },
  { text: "10 s", want: 'time: unknown unit " s" in duration "10 s"' },
  { text: " 10s", want: 'time: invalid duration " 10s"' },
  { text: "", want: 'time: invalid duration ""' },
  { text: "-", want: 'time: invalid duration "-"' },
  { text: ".s", want: 'time: invalid duration ".s"' },
  { text: "abc", want: 'time: invalid duration "abc"' },
  { text: "1d", want: 'time: unknown unit "d" in duration "1d"' },
  { text: "9999999999999999999s", want: 'time: invalid duration "9999999999999999999s"' },
  { text: "3\u00e9s", want: 'time: unknown unit "\\xc3\\xa9s" in duration "3\\xc3\\xa9s"' },
];

describe("parseGoDuration, as Go's time.ParseDuration", () => {
  it.each(cases)("$text", ({ text, want }) => {
    expect(parseGoDuration(text)).toEqual(typeof want === "number" ? { duration: want } : { error: want });
  });
});

describe("toRFC3339 keeps the last two stamps", () => {
  const t = (iso: string) => Date.parse(iso) as Instant;
  it("gives each instant its own text, whatever the order they come in", () => {
    const seq = ["2025-01-01T00:00:00.250Z", "2025-01-01T00:00:05Z", "2025-01-01T00:00:00.250Z", "2025-06-30T23:59:59.999Z", "2025-01-01T00:00:05Z", "2025-01-01T00:00:05Z", "2025-01-01T00:00:00.250Z"];
    expect(seq.map((s) => toRFC3339(t(s)))).toEqual(["2025-01-01T00:00:00Z", "2025-01-01T00:00:05Z", "2025-01-01T00:00:00Z", "2025-06-30T23:59:59Z", "2025-01-01T00:00:05Z", "2025-01-01T00:00:05Z", "2025-01-01T00:00:00Z"]);
  });
});
