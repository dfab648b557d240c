import { describe, expect, it } from "vitest";
import { formatQuantity, milliValue, parseQuantity, resourceValue, wholeValue } from "./quantity";

describe("parseQuantity", () => {
  const cases = [
    { name: "reads whole cores", given: "4", want: 4 },
    { name: "reads millicores", given: "250m", want: 0.25 },
    { name: "reads a decimal fraction", given: "0.5", want: 0.5 },
    { name: "reads binary suffixes", given: "8Gi", want: 8 * 2 ** 30 },
    { name: "reads decimal suffixes", given: "128M", want: 128e6 },
    { name: "reads kilo as lower-case k", given: "2k", want: 2000 },
    { name: "reads an exponent", given: "12e6", want: 12e6 },
    { name: "reads a fractional binary quantity", given: "1.5Gi", want: 1.5 * 2 ** 30 },
    { name: "rejects an unknown suffix", given: "5Gb", want: undefined },
    { name: "rejects an empty string", given: "", want: undefined },
    { name: "rejects upper-case kilo", given: "1K", want: undefined },
  ];
  it.each(cases)("$name", ({ given, want }) => expect(parseQuantity(given)).toBe(want));
});

describe("milliValue, wholeValue and resourceValue", () => {
  const cases = [
    { name: "counts cpu in millicores", got: () => milliValue("1.5"), want: 1500 },
    { name: "rounds millicores up", got: () => milliValue("0.0001"), want: 1 },
    { name: "rounds whole values up", got: () => wholeValue("100m"), want: 1 },
    { name: "counts memory in bytes", got: () => resourceValue("memory", "200Mi"), want: 209715200 },
    { name: "counts cpu in millicores through resourceValue", got: () => resourceValue("cpu", "100m"), want: 100 },
    { name: "treats a missing quantity as zero", got: () => milliValue(undefined), want: 0 },
  ];
  it.each(cases)("$name", ({ got, want }) => expect(got()).toBe(want));
});

describe("formatQuantity", () => {
  const cases = [
    { name: "prints millicores", value: 0.1, format: "DecimalSI" as const, want: "100m" },
    { name: "prints whole cores", value: 4, format: "DecimalSI" as const, want: "4" },
    { name: "prints thousands with k", value: 2000, format: "DecimalSI" as const, want: "2k" },
    { name: "prints 1500 plainly", value: 1500, format: "DecimalSI" as const, want: "1500" },
    { name: "prints gibibytes", value: 8 * 2 ** 30, format: "BinarySI" as const, want: "8Gi" },
    { name: "prints mebibytes", value: 200 * 2 ** 20, format: "BinarySI" as const, want: "200Mi" },
    { name: "prints zero", value: 0, format: "BinarySI" as const, want: "0" },
    { name: "prints small binary values as plain numbers", value: 100, format: "BinarySI" as const, want: "100" },
  ];
  it.each(cases)("$name", ({ value, format, want }) => expect(formatQuantity(value, format)).toBe(want));
});
