import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { duration, instant } from "../sim/time";
import { age, humanDuration, rfc1123z } from "./age";

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

const cases = [
  { name: "more than a second in the future is invalid", ms: -2 * S, want: "<invalid>" },
  { name: "up to one second in the future is 0s", ms: -1500, want: "0s" },
  { name: "zero is 0s", ms: 0, want: "0s" },
  { name: "fractions of a second truncate", ms: 5999, want: "5s" },
  { name: "seconds up to 119s stay seconds", ms: 119 * S, want: "119s" },
  { name: "two minutes exactly drops the seconds", ms: 2 * M, want: "2m" },
  { name: "under ten minutes shows minutes and seconds", ms: 2 * M + 30 * S, want: "2m30s" },
  { name: "9m59s is the last minute-and-second form", ms: 9 * M + 59 * S, want: "9m59s" },
  { name: "ten minutes and up shows minutes only", ms: 10 * M + 30 * S, want: "10m" },
  { name: "minutes run past sixty until three hours", ms: 179 * M, want: "179m" },
  { name: "three hours exactly", ms: 3 * H, want: "3h" },
  { name: "hours and minutes under eight hours", ms: 3 * H + 10 * M, want: "3h10m" },
  { name: "eight hours and up shows hours only", ms: 8 * H + 59 * M, want: "8h" },
  { name: "hours until 48", ms: 47 * H, want: "47h" },
  { name: "days and hours from two days", ms: 2 * D + 4 * H, want: "2d4h" },
  { name: "whole days drop the hours", ms: 2 * D, want: "2d" },
  { name: "days only from eight days", ms: 8 * D + 5 * H, want: "8d" },
  { name: "days until two years", ms: 729 * D, want: "729d" },
  { name: "years and days from two years", ms: 3 * Y + 112 * D, want: "3y112d" },
  { name: "whole years", ms: 2 * Y, want: "2y" },
  { name: "years only from eight years", ms: 10 * Y + 3 * D, want: "10y" },
];

describe("humanDuration", () => {
  it.each(cases)("$name", ({ ms, want }) => expect(humanDuration(duration(ms))).toBe(want));

  it("never prints an empty string and only <invalid> below -1s", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10 * Y, max: 20 * Y }), (ms) => {
        const out = humanDuration(duration(ms));
        expect(out).toMatch(/^(<invalid>|\d+[smhdy](\d+[smhd])?)$/);
        expect(out === "<invalid>").toBe(Math.trunc(ms / 1000) < -1);
      }),
    );
  });

  it("is monotonic in its leading number within one unit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 119 * S }), fc.integer({ min: 0, max: 119 * S }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(parseInt(humanDuration(duration(lo)))).toBeLessThanOrEqual(parseInt(humanDuration(duration(hi))));
      }),
    );
  });
});

describe("age", () => {
  const now = instant(Date.parse("2025-01-01T00:00:00Z"));
  it.each([
    { name: "absent timestamps print <unknown>", ts: undefined, want: "<unknown>" },
    { name: "empty timestamps print <unknown>", ts: "", want: "<unknown>" },
    { name: "a timestamp 5 minutes ago prints 5m", ts: "2024-12-31T23:55:00Z", want: "5m" },
    { name: "a future timestamp prints <invalid>", ts: "2025-01-01T00:00:10Z", want: "<invalid>" },
  ])("$name", ({ ts, want }) => expect(age(ts, now)).toBe(want));
});

describe("rfc1123z", () => {
  it.each([
    { name: "formats UTC with zero-padded day", ts: "2025-11-22T10:00:04Z", want: "Sat, 22 Nov 2025 10:00:04 +0000" },
    { name: "pads single-digit days", ts: "2025-01-01T00:00:00Z", want: "Wed, 01 Jan 2025 00:00:00 +0000" },
    { name: "prints Go's zero time when absent", ts: undefined, want: "Mon, 01 Jan 0001 00:00:00 +0000" },
  ])("$name", ({ ts, want }) => expect(rfc1123z(ts)).toBe(want));
});
