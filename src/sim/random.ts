// Seeded randomness. The generator's whole state is one 32-bit number kept in the
// cluster state, so a run continues the same sequence across invocations.

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** Kubernetes' rand.String(n): name suffixes from "bcdfghjklmnpqrstvwxz2456789". */
  suffix(n: number): string;
  /** The state to store; `createRng(state)` continues from it. */
  state(): number;
  /** Goes back to a state state() gave: a request the API server refuses draws nothing. */
  rewind(state: number): void;
}

const ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

/** mulberry32: small, fast and good enough for names, IPs and jitter. */
export function createRng(seedState: number): Rng {
  let a = seedState >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    suffix: (n) => Array.from({ length: n }, () => ALPHANUMS[int(ALPHANUMS.length)]).join(""),
    state: () => a,
    rewind: (state) => {
      a = state >>> 0;
    },
  };
}
