// Just enough of resource.Quantity for describe node's sums: parse, add, and print in the
// canonical form of the first operand's format (BinarySI "164Mi", DecimalSI "450m", "2").
// Values are kept in milli-units so CPU sums stay exact.

import { parseQuantity as parseValue } from "../../api/quantity";

export interface Quantity {
  readonly milli: number;
  readonly binary: boolean;
}

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

export const ZERO: Quantity = { milli: 0, binary: false };

export function parseQuantity(text: string | undefined): Quantity {
  if (!text) return ZERO;
  const value = parseValue(text);
  if (value === undefined) return ZERO;
  return { milli: Math.round(value * 1000), binary: /[KMGTPE]i$/.test(text.trim()) };
}

/** Quantity.Add: the sum keeps the receiver's format (a zero receiver takes the operand's). */
export function add(a: Quantity, b: Quantity): Quantity {
  return { milli: a.milli + b.milli, binary: a.milli === 0 && !a.binary ? b.binary : a.binary };
}

export function max(a: Quantity, b: Quantity): Quantity {
  return b.milli > a.milli ? b : a;
}

/** Canonical String(): the largest suffix that keeps the number whole. */
export function formatQuantity(q: Quantity): string {
  if (q.milli === 0) return "0";
  if (q.binary && q.milli % 1000 === 0) {
    const bytes = q.milli / 1000;
    for (const s of ["Ei", "Pi", "Ti", "Gi", "Mi", "Ki"]) if (bytes % BINARY[s] === 0) return `${bytes / BINARY[s]}${s}`;
    return String(bytes);
  }
  if (q.milli % 1000 !== 0) return `${q.milli}m`;
  const units = q.milli / 1000;
  for (const s of ["E", "P", "T", "G", "M", "k"]) if (units % DECIMAL[s] === 0) return `${units / DECIMAL[s]}${s}`;
  return String(units);
}
