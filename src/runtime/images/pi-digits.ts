// π to N significant digits, as perl's Math::BigFloat->bpi(N) prints it: correctly rounded to
// nearest (for N ≤ 1000 bpi rounds a stored string on the next digit; above, it runs the AGM
// with 8 guard digits and rounds, which for π, whose digits never tie, is the same), trailing
// zeros kept ("3.14159265358979323846264338327950" for 33), and no point for N = 1 ("3").
//
// Computed with BigInt from Machin's formula, π = 16·atan(1/5) − 4·atan(1/239): exact integer
// arithmetic, so deterministic, and about a millisecond for the Job docs' 2000 digits.

const cache = new Map<number, string>();

/**
 * π rounded to `n` significant digits (n ≥ 1), as bpi(n) stringifies.
 * @example piDigits(5) // "3.1416"
 */
export function piDigits(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`piDigits: ${n} is not a positive integer`);
  let text = cache.get(n);
  if (text === undefined) {
    const digits = roundedPi(n).toString();
    text = n === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
    cache.set(n, text);
  }
  return text;
}

/**
 * round(π × 10^(n−1)). The sum is worked out with `guard` digits more and its error bound;
 * when the guard digits cannot tell which way to round (they sit within the bound of a half),
 * it is worked out again with more.
 */
function roundedPi(n: number): bigint {
  for (let guard = 12; ; guard += 12) {
    const { value, error } = machin(n - 1 + guard);
    const unit = 10n ** BigInt(guard);
    const half = unit / 2n;
    const rest = value % unit;
    const distance = rest > half ? rest - half : half - rest;
    if (distance > error) return value / unit + (rest >= half ? 1n : 0n);
  }
}

/** π × 10^scale truncated, within ± error of the exact value. */
function machin(scale: number): { value: bigint; error: bigint } {
  const one = 10n ** BigInt(scale);
  const a = arctanInverse(5n, one);
  const b = arctanInverse(239n, one);
  // Each term is off by less than 2 units (two truncations), and the omitted tail by less than 1.
  return { value: 16n * a.sum - 4n * b.sum, error: 16n * (2n * a.terms + 1n) + 4n * (2n * b.terms + 1n) };
}

/**
 * atan(1/x) × one by its Taylor series Σ (−1)^k / ((2k+1)·x^(2k+1)), until the terms vanish.
 * `power` is floor(one / x^(2k+1)) exactly: flooring a floor by an integer loses nothing more.
 */
function arctanInverse(x: bigint, one: bigint): { sum: bigint; terms: bigint } {
  const x2 = x * x;
  let power = one / x;
  let sum = power;
  let terms = 1n;
  for (let k = 1n; power !== 0n; k++) {
    power /= x2;
    const term = power / (2n * k + 1n);
    sum = k % 2n === 0n ? sum + term : sum - term;
    terms++;
  }
  return { sum, terms };
}
