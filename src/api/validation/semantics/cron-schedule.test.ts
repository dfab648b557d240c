import { describe, expect, it } from "vitest";
import { goParseDurationError, parseStandardError } from "./cron-schedule";

describe("parseStandardError (robfig/cron v3 ParseStandard)", () => {
  it.each([
    { spec: "*/5 * * * *", want: undefined },
    { spec: "0 9-17 * * MON-FRI", want: undefined },
    { spec: "15 3 1,15 jan,jul ?", want: undefined },
    { spec: "0 0 1-31/2 * *", want: undefined },
    { spec: "@hourly", want: undefined },
    { spec: "@annually", want: undefined },
    { spec: "@every 1h30m", want: undefined },
    { spec: "TZ=UTC 0 * * * *", want: undefined },
    { spec: "", want: "empty spec string" },
    { spec: "not a schedule", want: "expected exactly 5 fields, found 3: [not a schedule]" },
    { spec: "0 0 0 * * *", want: "expected exactly 5 fields, found 6: [0 0 0 * * *]" },
    { spec: "61 * * * *", want: "end of range (61) above maximum (59): 61" },
    { spec: "* 24 * * *", want: "end of range (24) above maximum (23): 24" },
    { spec: "* * 0 * *", want: "beginning of range (0) below minimum (1): 0" },
    { spec: "* * * 13 *", want: "end of range (13) above maximum (12): 13" },
    { spec: "* * * * 7", want: "end of range (7) above maximum (6): 7" },
    { spec: "5-2 * * * *", want: "beginning of range (5) beyond end of range (2): 5-2" },
    { spec: "*/0 * * * *", want: "step of range should be a positive number: */0" },
    { spec: "1-2-3 * * * *", want: "too many hyphens: 1-2-3" },
    { spec: "*/2/3 * * * *", want: "too many slashes: */2/3" },
    { spec: "x * * * *", want: 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax' },
    { spec: "* * * * funday", want: 'failed to parse int from funday: strconv.Atoi: parsing "funday": invalid syntax' },
    { spec: "@fortnightly", want: "unrecognized descriptor: @fortnightly" },
    { spec: "@every", want: "unrecognized descriptor: @every" },
    { spec: "@every 5x", want: 'failed to parse duration @every 5x: time: unknown unit "x" in duration "5x"' },
    { spec: "TZ=Mars/Olympus 0 * * * *", want: "provided bad location Mars/Olympus: unknown time zone Mars/Olympus" },
  ])("$spec", ({ spec, want }) => {
    expect(parseStandardError(spec)).toBe(want);
  });
});

describe("goParseDurationError (time.ParseDuration)", () => {
  it.each([
    { s: "1h30m", want: undefined },
    { s: "1.5s", want: undefined },
    { s: "0", want: undefined },
    { s: "", want: 'time: invalid duration ""' },
    { s: "5", want: 'time: missing unit in duration "5"' },
    { s: "h", want: 'time: invalid duration "h"' },
    { s: "3d", want: 'time: unknown unit "d" in duration "3d"' },
  ])("$s", ({ s, want }) => {
    expect(goParseDurationError(s)).toBe(want);
  });
});
