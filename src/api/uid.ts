// Object uids: RFC 4122 version-4 shaped, drawn from the seeded generator so runs repeat.

import type { Rng } from "../sim/random";

const HEX = "0123456789abcdef";

export function newUid(rng: Rng): string {
  // 32 hex digits drawn in order, then the variant: the 13th digit is the version "4" and the
  // 17th the variant, in place of the digits drawn there.
  let h = "";
  for (let i = 0; i < 32; i++) h += HEX[rng.int(16)];
  const variant = HEX[rng.int(4) + 8];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
}
