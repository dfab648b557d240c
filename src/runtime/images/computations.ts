// The computations of compute models (model.ts ComputeModel): from the capture groups of the
// program's argument patterns to what the real program prints and how long it takes.

import type { ProgramRun } from "../types";
import type { ComputationName } from "./model";
import { piDigits } from "./pi-digits";

export type Computation = (inputs: readonly string[]) => ProgramRun;

export const COMPUTATIONS = {
  /** `perl -Mbignum=bpi -wle 'print bpi(N)'`: inputs [N]; -l ends the line. */
  bpi: (inputs) => {
    const n = Number(inputs[0]);
    return { durationMs: bpiDurationMs(n), stdout: `${piDigits(n)}\n`, exitCode: 0 };
  },
} satisfies Record<ComputationName, Computation>;

/**
 * How long perl takes for `print bpi(N)`, after Math::BigFloat's bpi. Up to 1000 digits it
 * rounds a stored string, so only perl's start and loading bignum show (≈ 0.1 s). Above, it
 * runs the Brent–Salamin AGM: ⌈log2(N+8)⌉ rounds of (N+8)-digit square roots and products,
 * each quadratic in N with Math::BigInt::Calc's schoolbook multiplication. Measured
 * (Math::BigFloat 1.9998, pure-Perl Calc, one x86-64 core): 1001 → 1.1 s, 1500 → 1.9 s,
 * 2000 → 4.0 s, 2500 → 6.5 s, 3000 → 9.7 s, i.e. 0.1 s + 0.09 s × rounds × (N/1000)².
 * The Job docs' "around 10s to complete" is this 4.1 s plus pulling perl's 341 MB image,
 * which kubesim's image puller already takes about 10 s for.
 * @example bpiDurationMs(2000) // 4060: 100 + 90 × 11 × 4
 */
export function bpiDurationMs(n: number): number {
  if (n <= 1000) return 100;
  const rounds = Math.ceil(Math.log2(n + 8));
  return Math.round(100 + (90 * rounds * n * n) / 1e6);
}
