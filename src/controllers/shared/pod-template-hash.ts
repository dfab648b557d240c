// The pod-template-hash: ComputeHash from pkg/controller/controller_utils.go (kubernetes v1.32)
// with rand.SafeEncodeString from apimachinery/pkg/util/rand.
//
// Upstream feeds Go's DeepHashObject dump of the PodTemplateSpec to FNV-32a. kubesim cannot
// reproduce that dump, so it hashes the canonical JSON of the template (keys sorted). The bytes
// differ from Go's, so the hashes never equal a real cluster's, but they are deterministic
// (identical templates always hash alike, which rollback relies on) and have the same shape:
// the decimal uint32 safe-encoded into the alphabet below, usually 9-10 characters.

import { canonicalJSON } from "./canonical";

const ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

/** FNV-1a, 32 bits, over bytes. */
export function fnv32a(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Each character c becomes alphanums[code(c) % 27], so digits map to consonants and digits. */
export function safeEncodeString(s: string): string {
  let out = "";
  for (const ch of s) out += ALPHANUMS[ch.codePointAt(0)! % ALPHANUMS.length];
  return out;
}

/**
 * ComputeHash(template, collisionCount): the collision count, when set, is appended as 8 bytes
 * little-endian (a uint32 in the first four), as upstream writes it.
 * @example computeHash({ metadata: { labels: { app: "web" } }, spec: {} }) // e.g. "5d8c7b9f6d"
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  const body = new TextEncoder().encode(canonicalJSON(template));
  let h = fnv32a(body);
  if (collisionCount !== undefined && collisionCount !== null) {
    const extra = new Uint8Array(8);
    new DataView(extra.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(extra, h);
  }
  return safeEncodeString(String(h));
}
