import { describe, expect, it } from "vitest";
import { DEFAULT_DATE_FORMAT, formatDate } from "./date-format";

const T = Date.parse("2025-03-09T14:07:05Z"); // a Sunday

describe("formatDate", () => {
  it.each([
    ["%a", "Sun"],
    ["%b", "Mar"],
    ["%d", "09"],
    ["%e", " 9"],
    ["%H", "14"],
    ["%M", "07"],
    ["%S", "05"],
    ["%Y", "2025"],
    ["%m", "03"],
    ["%y", "25"],
    ["%Z", "UTC"],
    ["%z", "+0000"],
    ["%s", "1741529225"],
    ["%T", "14:07:05"],
    ["%F", "2025-03-09"],
    ["%%", "%"],
    ["%Q", "%Q"],
    ["at %H:%M, day %j", "at 14:07, day %j"],
    [DEFAULT_DATE_FORMAT, "Sun Mar  9 14:07:05 UTC 2025"],
  ])("%s gives %j", (format, want) => {
    expect(formatDate(T, format)).toBe(want);
  });

  // The default format is built directly: it must match the conversions one by one, any day.
  it.each(["2025-01-01T00:00:00Z", "2024-02-29T23:59:59Z", "2031-12-25T08:05:09.999Z", "1999-10-10T10:10:10Z"])("the default format at %s reads as its conversions", (at) => {
    const ms = Date.parse(at);
    expect(formatDate(ms, DEFAULT_DATE_FORMAT)).toBe(formatDate(ms, `${DEFAULT_DATE_FORMAT}.`).slice(0, -1));
  });
});
