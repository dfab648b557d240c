import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { piDigits } from "./pi-digits";

// The first 100 decimals of π, in groups of ten (any table of π has them).
const FIRST_100_DECIMALS = [
  "1415926535", "8979323846", "2643383279", "5028841971", "6939937510",
  "5820974944", "5923078164", "0628620899", "8628034825", "3421170679",
].join("");

describe("piDigits rounds π to N significant digits as Math::BigFloat's bpi(N) prints it", () => {
  const cases = [
    { name: "prints one digit without a point", n: 1, want: "3" },
    { name: "prints two digits as 3.1", n: 2, want: "3.1" },
    { name: "rounds the fifth digit up (bpi(5) is 3.1416)", n: 5, want: "3.1416" },
    { name: "rounds the tenth digit up (3.141592653|5…)", n: 10, want: "3.141592654" },
    { name: "keeps a trailing zero (the 33rd digit is 0 and the next is 2)", n: 33, want: "3.14159265358979323846264338327950" },
    { name: "carries a rounding through a 9 (…1170679|8 → …1170680)", n: 101, want: `3.${FIRST_100_DECIMALS.slice(0, 94)}170680` },
  ];
  it.each(cases)("$name", ({ n, want }) => expect(piDigits(n)).toBe(want));

  it("gives the Job docs' 2000 digits: 3. and 1999 digits, the known first hundred, the last rounded up", () => {
    const pi = piDigits(2000);
    expect(pi).toMatch(/^3\.\d{1999}$/);
    expect(pi.startsWith(`3.${FIRST_100_DECIMALS}`)).toBe(true);
    // π's digits 1991–2005 are 4780275900 99466: the 2000th, a 0, rounds up to 1.
    expect(pi.slice(-10)).toBe("4780275901");
    expect(piDigits(2005).slice(-15)).toBe("478027590099466");
    // The SHA-256 of what `perl -MMath::BigFloat -le 'print Math::BigFloat->bpi(2000)'` printed.
    expect(createHash("sha256").update(`${pi}\n`).digest("hex")).toBe("acf68936c61dd66c8a1a5668b0c59c179fefe02bc5a7e8f4b86c5bf74936c28d");
  });

  it("agrees with itself across precisions: every bpi(N) is bpi(N+5) rounded", () => {
    const long = piDigits(1205).replace(".", "");
    for (let n = 2; n <= 1200; n += 7) {
      const next = Number(long[n]);
      const head = BigInt(long.slice(0, n)) + (next >= 5 ? 1n : 0n);
      expect(piDigits(n).replace(".", "")).toBe(head.toString());
    }
  });

  it("works out 2000 digits in well under 50 ms, and the second time from its cache", () => {
    const t0 = performance.now();
    piDigits(1999);
    expect(performance.now() - t0).toBeLessThan(50);
    const t1 = performance.now();
    piDigits(1999);
    expect(performance.now() - t1).toBeLessThan(1);
  });

  it("refuses a precision that is not a positive integer", () => {
    expect(() => piDigits(0)).toThrow(RangeError);
    expect(() => piDigits(2.5)).toThrow(RangeError);
  });
});
