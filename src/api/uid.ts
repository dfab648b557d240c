// Object uids: RFC 4122 version-4 shaped, drawn from the seeded generator so runs repeat.

import type { Rng } from "../sim/random";

const HEX = "0123456789abcdef";
const DASH = 0x2d;

export function newUid(rng: Rng): string {
  // 32 hex digits drawn in order, then the variant: the 13th digit is the version "4" and the
  // 17th the variant, in place of the digits drawn there. Built from char codes at once, not
  // by appending a digit at a time (every Event and object written draws one).
  const digits: number[] = [];
  for (let i = 0; i < 32; i++) digits.push(rng.int(16));
  digits[12] = 4;
  digits[16] = rng.int(4) + 8;
  const codes: number[] = [];
  digits.forEach((d, i) => {
    if (i === 8 || i === 12 || i === 16 || i === 20) codes.push(DASH);
    codes.push(HEX.charCodeAt(d));
  });
  return String.fromCharCode(...codes);
}
