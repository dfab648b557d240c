// robfig/cron v3's ParseStandard (parser.go), as kube-apiserver runs it on a CronJob's schedule:
// only whether a spec parses and, when not, the exact error text. The schedule itself (which
// minutes fire) is the CronJob controller's business, not validation's.

import { goQuote } from "../go-value";

interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly names?: Readonly<Record<string, number>>;
}

const MONTH_NAMES = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DOW_NAMES = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/** The five fields of a standard spec, in order: minute, hour, day of month, month, day of week. */
const FIELDS: readonly Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTH_NAMES },
  { min: 0, max: 6, names: DOW_NAMES },
];

const DESCRIPTORS = new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]);

/** Go's strings.Fields: split on runs of white space. */
const goFields = (s: string): string[] => s.split(/[\t\n\v\f\r \u0085\u00a0]+/).filter((f) => f !== "");

/** Go's %s of a []string: "[a b c]". */
const goList = (xs: readonly string[]): string => `[${xs.join(" ")}]`;

/** strconv.Atoi's accepted syntax and its error text. */
function atoi(expr: string): number | string {
  if (!/^[+-]?[0-9]+$/.test(expr)) return `strconv.Atoi: parsing ${goQuote(expr)}: invalid syntax`;
  const big = BigInt(expr);
  const n = Number(expr);
  if (big > 2n ** 63n - 1n || big < -(2n ** 63n)) return `strconv.Atoi: parsing ${goQuote(expr)}: value out of range`;
  return n;
}

/** mustParseInt: an error message, or the number. */
function mustParseInt(expr: string): number | Error {
  const n = atoi(expr);
  if (typeof n === "string") return new Error(`failed to parse int from ${expr}: ${n}`);
  if (n < 0) return new Error(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function parseIntOrName(expr: string, names: Bounds["names"]): number | Error {
  const named = names?.[expr.toLowerCase()];
  return named !== undefined ? named : mustParseInt(expr);
}

/** getRange: number | number "-" number [ "/" number ], or "*" / "?". */
function checkRange(expr: string, r: Bounds): string | undefined {
  const rangeAndStep = expr.split("/");
  const lowAndHigh = rangeAndStep[0].split("-");
  let start: number;
  let end: number;
  if (lowAndHigh[0] === "*" || lowAndHigh[0] === "?") {
    start = r.min;
    end = r.max;
  } else {
    const s = parseIntOrName(lowAndHigh[0], r.names);
    if (s instanceof Error) return s.message;
    start = s;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const e = parseIntOrName(lowAndHigh[1], r.names);
      if (e instanceof Error) return e.message;
      end = e;
    } else return `too many hyphens: ${expr}`;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const s = mustParseInt(rangeAndStep[1]);
    if (s instanceof Error) return s.message;
    step = s;
    // "N/step" means "N-max/step".
    if (lowAndHigh.length === 1) end = r.max;
  } else if (rangeAndStep.length > 2) return `too many slashes: ${expr}`;
  if (start < r.min) return `beginning of range (${start}) below minimum (${r.min}): ${expr}`;
  if (end > r.max) return `end of range (${end}) above maximum (${r.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  return undefined;
}

/** getField: a comma-separated list of ranges (empty items are dropped, as FieldsFunc does). */
function checkField(field: string, r: Bounds): string | undefined {
  for (const expr of field.split(",").filter((e) => e !== "")) {
    const err = checkRange(expr, r);
    if (err) return err;
  }
  return undefined;
}

const DURATION_UNITS = new Set(["ns", "us", "µs", "μs", "ms", "s", "m", "h"]);

/** time.ParseDuration's syntax and error texts (values are not needed, only validity). */
export function goParseDurationError(s: string): string | undefined {
  const quoted = goQuote(s);
  let rest = s.replace(/^[-+]/, "");
  if (rest === "0") return undefined;
  if (rest === "") return `time: invalid duration ${quoted}`;
  while (rest !== "") {
    const num = /^([0-9]*)(\.([0-9]*))?/.exec(rest)!;
    if (num[1] === "" && (num[3] ?? "") === "") return `time: invalid duration ${quoted}`;
    rest = rest.slice(num[0].length);
    const unit = /^[^0-9.]*/.exec(rest)![0];
    if (unit === "") return `time: missing unit in duration ${quoted}`;
    if (!DURATION_UNITS.has(unit)) return `time: unknown unit ${goQuote(unit)} in duration ${quoted}`;
    rest = rest.slice(unit.length);
  }
  return undefined;
}

/** Go's time.LoadLocation, as far as the host's time zone database agrees with Go's. */
export function loadLocationError(name: string): string | undefined {
  if (name === "" || name === "UTC" || name === "Local") return undefined;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return undefined;
  } catch {
    return `unknown time zone ${name}`;
  }
}

/** cron.ParseStandard(spec)'s error text, or undefined when the spec parses. */
export function parseStandardError(spec: string): string | undefined {
  if (spec.length === 0) return "empty spec string";
  if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
    const i = spec.indexOf(" ");
    const name = spec.slice(spec.indexOf("=") + 1, i === -1 ? undefined : i);
    const err = loadLocationError(name);
    if (err) return `provided bad location ${name}: ${err}`;
    spec = i === -1 ? "" : spec.slice(i).trim();
  }
  if (spec.startsWith("@")) {
    if (DESCRIPTORS.has(spec)) return undefined;
    if (spec.startsWith("@every ")) {
      const err = goParseDurationError(spec.slice("@every ".length));
      return err ? `failed to parse duration ${spec}: ${err}` : undefined;
    }
    return `unrecognized descriptor: ${spec}`;
  }
  const fields = goFields(spec);
  if (fields.length !== FIELDS.length) return `expected exactly 5 fields, found ${fields.length}: ${goList(fields)}`;
  for (const [i, field] of fields.entries()) {
    const err = checkField(field, FIELDS[i]);
    if (err) return err;
  }
  return undefined;
}
