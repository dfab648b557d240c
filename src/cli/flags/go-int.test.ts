import { describe, expect, it } from "vitest";
import { parseGoInt } from "./go-int";

// As Go's strconv.ParseInt(text, 0, bits) answers (go1.23).
const cases: { text: string; bits?: 32 | 64; want: number | "invalid syntax" | "value out of range" }[] = [
  { text: "0", want: 0 },
  { text: "3", want: 3 },
  { text: "+3", want: 3 },
  { text: "-3", want: -3 },
  { text: "010", want: 8 },
  { text: "0o17", want: 15 },
  { text: "0x10", want: 16 },
  { text: "0XfF", want: 255 },
  { text: "0b11", want: 3 },
  { text: "1_000", want: 1000 },
  { text: "0x_1f", want: 31 },
  { text: "08", want: "invalid syntax" },
  { text: "1__0", want: "invalid syntax" },
  { text: "_1", want: "invalid syntax" },
  { text: "1_", want: "invalid syntax" },
  { text: "0x", want: "invalid syntax" },
  { text: "", want: "invalid syntax" },
  { text: "-", want: "invalid syntax" },
  { text: "abc", want: "invalid syntax" },
  { text: "1.5", want: "invalid syntax" },
  { text: " 1", want: "invalid syntax" },
  { text: "2147483647", bits: 32, want: 2147483647 },
  { text: "2147483648", bits: 32, want: "value out of range" },
  { text: "-2147483648", bits: 32, want: -2147483648 },
  { text: "-2147483649", bits: 32, want: "value out of range" },
  { text: "2147483648", want: 2147483648 },
  { text: "99999999999999999999", want: "value out of range" },
  { text: "99999999999999999999x", want: "value out of range" },
];

describe("parseGoInt, as strconv.ParseInt with base 0", () => {
  it.each(cases)("$text ($bits bits)", ({ text, bits, want }) => {
    expect(parseGoInt(text, bits ?? 64)).toEqual(typeof want === "number" ? { value: want } : { error: want });
  });
});

describe("parseGoInt with base 10, as klog's Level reads -v", () => {
  it.each([
    { text: "08", want: { value: 8 } },
    { text: "-3", want: { value: -3 } },
    { text: "0x10", want: { error: "invalid syntax" } },
    { text: "1_0", want: { error: "invalid syntax" } },
    { text: "2147483648", want: { error: "value out of range" } },
  ])("$text", ({ text, want }) => expect(parseGoInt(text, 32, 10)).toEqual(want));
});
