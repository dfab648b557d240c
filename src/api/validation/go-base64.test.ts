import { describe, expect, it } from "vitest";
import { goBase64Error } from "./go-base64";

// Expected texts: Go's base64.StdEncoding.DecodeString on the same input.
describe("goBase64Error", () => {
  it.each([
    { name: "valid, unpadded length", input: "aGVsbG8=", want: undefined },
    { name: "valid with a line break inside", input: "aGVs\nbG8=", want: undefined },
    { name: "the empty string", input: "", want: undefined },
    { name: "a space is not in the alphabet", input: "not base64!", want: "illegal base64 data at input byte 3" },
    { name: "a quantum cut short without padding", input: "abcde", want: "illegal base64 data at input byte 4" },
    { name: "padding too early", input: "a===", want: "illegal base64 data at input byte 1" },
    { name: "one pad where two are needed", input: "ab=", want: "illegal base64 data at input byte 3" },
    { name: "data after the padding", input: "ab==cd==", want: "illegal base64 data at input byte 4" },
  ])("$name", ({ input, want }) => {
    expect(goBase64Error(input)).toBe(want);
  });
});
