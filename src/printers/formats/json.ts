// kubectl's -o json: Go's encoding/json over a generic map — keys sorted by byte order,
// 4-space indent, and <, >, & (and U+2028/U+2029) escaped as \u003c etc.

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    // UTF-16 order equals Go's byte order for every key Kubernetes allows (no astral characters)
    for (const k of Object.keys(v).sort()) {
      out[k] = sortDeep((v as Record<string, unknown>)[k]);
    }
    return out;
  }
  return v;
}

const ESCAPES: Record<string, string> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };

/** One JSON document ending in "\n"; `sorted: false` keeps a Go struct's field order (as built). */
export function toJson(value: unknown, { sorted = true } = {}): string {
  return JSON.stringify(sorted ? sortDeep(value) : value, null, 4).replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c]) + "\n";
}
