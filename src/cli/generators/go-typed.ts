// A stored object as kubectl's typed client hands it back: decoded into a Go struct and encoded
// again by encoding/json. Fields come out in declaration order, map keys sorted, omitempty
// zeros dropped, and fields without omitempty (or structs held by value) always present.

/**
 * One struct's JSON fields in Go declaration order. A field is written `json[mode][:type]`:
 * - mode: none (omitempty: a zero value is dropped), `?` (a pointer: dropped only when absent),
 *   `!<zero>` (no omitempty, or a struct by value: written as the JSON `zero` when absent);
 * - type: `:Name` (a struct in the same table), `:[Name]` (a slice of them), `:{}` (a map).
 * @example "containers!null:[Container]", "resources!{}:ResourceRequirements", "labels:{}"
 */
export type GoStructTable = Readonly<Record<string, readonly string[]>>;

interface Field {
  readonly json: string;
  readonly mode: "omitempty" | "pointer" | "always";
  readonly zero?: unknown;
  readonly type?: string;
  readonly slice: boolean;
  readonly map: boolean;
}

const FIELD = /^(\w+)(\?|!(.+?))?(?::(\[)?(\w+|\{\})\]?)?$/;
const parsed = new WeakMap<readonly string[], Field[]>();

function fieldsOf(spec: readonly string[]): Field[] {
  let fields = parsed.get(spec);
  if (!fields) {
    fields = spec.map((s) => {
      const m = FIELD.exec(s);
      if (!m) throw new Error(`bad field spec ${s}`);
      const [, json, mode, zero, slice, type] = m;
      return {
        json,
        mode: mode === "?" ? "pointer" : mode ? "always" : "omitempty",
        zero: zero === undefined ? undefined : JSON.parse(zero),
        type: type === "{}" ? undefined : type,
        slice: slice === "[",
        map: type === "{}",
      };
    });
    parsed.set(spec, fields);
  }
  return fields;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** encoding/json's omitempty: false, 0, "", null, and an empty slice or map. */
function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === "") return true;
  if (Array.isArray(v)) return v.length === 0;
  return isObject(v) && Object.keys(v).length === 0;
}

/**
 * `value` re-encoded as the Go struct `type` of `table`; never mutates `value`. Keys the table
 * does not know are kept, after the known ones, rather than dropped.
 */
export function encodeTyped(value: unknown, type: string, table: GoStructTable): unknown {
  const spec = table[type];
  if (!spec || !isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const f of fieldsOf(spec)) {
    const v = value[f.json];
    // JSON null decodes to Go's zero value, as an absent field does.
    if (f.mode === "omitempty" ? isEmpty(v) : v === undefined || v === null) {
      if (f.mode === "always") out[f.json] = f.type && isObject(f.zero) ? encodeTyped(f.zero, f.type, table) : f.zero;
      continue;
    }
    out[f.json] = encodeField(v, f, table);
  }
  const known = new Set(fieldsOf(spec).map((f) => f.json));
  for (const [k, v] of Object.entries(value)) if (!known.has(k)) out[k] = v;
  return out;
}

/** A Go map as encoding/json writes it: its keys sorted. */
export function goMap<T>(m: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]]));
}

function encodeField(v: unknown, f: Field, table: GoStructTable): unknown {
  if (f.map && isObject(v)) return goMap(v);
  if (!f.type) return v;
  if (f.slice) return Array.isArray(v) ? v.map((item) => encodeTyped(item, f.type!, table)) : v;
  return encodeTyped(v, f.type, table);
}
