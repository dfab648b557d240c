// -o custom-columns=HEADER:PATH,… (kubectl's CustomColumnsPrinter): headers as given, one row
// per object, "<none>" for no result, several results joined by ",", the table writer.

import { UsageError } from "../../api/errors";
import type { KubeObject } from "../../api/types";
import { tabwrite, TABLE_WRITER } from "../tabwriter";
import { findResults } from "./jsonpath";

export interface ColumnSpec {
  readonly header: string;
  readonly path: string;
}

/** `.a.b`, `a.b` and `{.a.b}` all mean `{.a.b}` (RelaxedJSONPathExpression). */
export function relaxedJsonPath(path: string): string {
  const p = path.trim();
  if (p.startsWith("{") && p.endsWith("}")) return p;
  return `{${p.startsWith(".") ? p : "." + p}}`;
}

export function parseCustomColumns(spec: string): ColumnSpec[] {
  if (spec.length === 0) throw new UsageError("custom-columns format specified but no custom columns given");
  return spec.split(",").map((part) => {
    const colon = part.indexOf(":");
    if (colon < 0) throw new UsageError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), path: relaxedJsonPath(part.slice(colon + 1)) };
  });
}

/** Go's fmt.Sprint of a decoded JSON value: maps as map[k:v], slices as [a b]. */
function goSprint(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(goSprint).join(" ")}]`;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o).sort().map((k) => `${k}:${goSprint(o[k])}`).join(" ")}]`;
  }
  return String(v);
}

export function printCustomColumns(objects: readonly KubeObject[], columns: readonly ColumnSpec[], noHeaders: boolean): string {
  const lines: string[] = [];
  if (!noHeaders) lines.push(columns.map((c) => c.header).join("\t"));
  for (const obj of objects) {
    lines.push(
      columns
        .map((c) => {
          const values = findResults(c.path, obj);
          return values.length === 0 ? "<none>" : values.map(goSprint).join(",");
        })
        .join("\t"),
    );
  }
  return tabwrite(lines.map((l) => l + "\n").join(""), TABLE_WRITER);
}
