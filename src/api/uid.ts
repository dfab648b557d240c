// Object uids: RFC 4122 version-4 shaped, drawn from the seeded generator so runs repeat.

import type { Rng } from "../sim/random";

export function newUid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(16).toString(16));
  hex[12] = "4";
  hex[16] = ((rng.int(4) + 8) as number).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
