// Object uids: RFC 4122 version-4 shaped, drawn from the seeded generator so runs repeat.

import type { Rng } from "../sim/random";

const HEX = "0123456789abcdef";
const DASH = 0x2d;
/** The char codes of the uid being built: one array reused, as every Event and object written draws a uid. */
const codes: number[] = new Array<number>(36).fill(0);

export function newUid(rng: Rng): string {
  // 32 hex digits drawn in order, then the variant: the 13th digit is the version "4" and the
  // 17th (code 19, after three dashes) the variant, in place of the digits drawn there.
  let at = 0;
  for (let i = 0; i < 32; i++) {
    if (i === 8 || i === 12 || i === 16 || i === 20) codes[at++] = DASH;
    const digit = rng.int(16);
    codes[at++] = HEX.charCodeAt(i === 12 ? 4 : digit);
  }
  codes[19] = HEX.charCodeAt(rng.int(4) + 8);
  return String.fromCharCode.apply(null, codes);
}
