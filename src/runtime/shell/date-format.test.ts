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
});
