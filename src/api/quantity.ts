// Resource quantities ("100m", "8Gi", "1.5", "2e3"), as apimachinery's resource.Quantity parses
// and prints them. Port of apimachinery/pkg/api/resource/quantity.go in spirit: values are kept
// as JS numbers (exact for every quantity a cluster of this size uses), not as inf.Dec.

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei)|([eE][+-]?\d+)|(n|u|m|k|M|G|T|P|E))?$/;

export type QuantityFormat = "DecimalSI" | "BinarySI";

/**
 * The value of a quantity in base units (cores, bytes, pods), or undefined if it is not a
 * valid quantity.
 * @example parseQuantity("100m") === 0.1; parseQuantity("8Gi") === 8589934592
 */
export function parseQuantity(q: string): number | undefined {
  const m = QUANTITY.exec(q.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (m[2]) return n * BINARY[m[2]];
  if (m[3]) return Number(m[1] + m[3]);
  return roundFloat(n * DECIMAL[m[4] ?? ""]);
}

/** Quantity.MilliValue(): thousandths, rounded up (cpu "250m" → 250, "1" → 1000). */
export function milliValue(q: string | number | undefined): number {
  const v = typeof q === "number" ? q : q === undefined ? 0 : (parseQuantity(String(q)) ?? 0);
  return Math.ceil(roundFloat(v * 1000));
}

/** Quantity.Value(): whole units, rounded up (memory "1.5Ki" → 1536). */
export function wholeValue(q: string | number | undefined): number {
  const v = typeof q === "number" ? q : q === undefined ? 0 : (parseQuantity(String(q)) ?? 0);
  return Math.ceil(roundFloat(v));
}

/**
 * The scheduler's and kubelet's unit for a resource: millicores for cpu, whole units (bytes,
 * pods, devices) for everything else — as upstream's Resource.Add does.
 */
export function resourceValue(resource: string, q: string | number | undefined): number {
  return resource === "cpu" ? milliValue(q) : wholeValue(q);
}

/**
 * The canonical text of a value in base units, as Quantity.String() prints it: the largest
 * suffix that keeps an integer mantissa.
 * @example formatQuantity(0.1) === "100m"; formatQuantity(8589934592, "BinarySI") === "8Gi"
 */
export function formatQuantity(value: number, format: QuantityFormat = "DecimalSI"): string {
  if (value === 0) return "0";
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  if (format === "BinarySI" && Number.isInteger(abs) && abs >= 1024) {
    for (const suffix of ["Ei", "Pi", "Ti", "Gi", "Mi", "Ki"]) {
      if (abs % BINARY[suffix] === 0) return `${sign}${abs / BINARY[suffix]}${suffix}`;
    }
  }
  // DecimalSI (and BinarySI values that are not whole multiples of 1024, which upstream
  // also prints in decimal form).
  for (const suffix of ["E", "P", "T", "G", "M", "k", "", "m", "u", "n"]) {
    const mantissa = roundFloat(abs / DECIMAL[suffix]);
    if (Number.isInteger(mantissa) && (suffix === "" || abs >= DECIMAL[suffix])) {
      if (suffix !== "" && DECIMAL[suffix] > 1 && mantissa % 1000 === 0) continue;
      return `${sign}${mantissa}${suffix}`;
    }
  }
  return `${sign}${Math.ceil(abs * 1e9)}n`;
}

/** Removes binary floating-point noise (0.1 * 1000 = 100.00000000000001). */
function roundFloat(n: number): number {
  return Number(n.toPrecision(15));
}
