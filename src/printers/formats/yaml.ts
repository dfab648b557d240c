// kubectl's -o yaml: JSON objects written the way go-yaml v2 writes them (keys sorted with
// its natural order, sequences not indented under their key, strings quoted only when
// needed, plain text folded at the first space past column 80). A small emitter rather than
// the `yaml` package: that package folds before column 80 and quotes with one style, and
// kubectl's bytes differ in both.

import { analyzeScalar, doubleQuoted, resolvesToNonString } from "./yaml-scalar";

const BEST_WIDTH = 80;

/**
 * yaml.v2 sortkeys.go keyList.Less: runs of digits compare by value, letters sort after
 * non-letters at the first difference.
 */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  const isLetter = (c: string): boolean => /\p{L}/u.test(c);
  const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === "0" || br[i] === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== "0") {
          an = bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

const sortKeys = (keys: string[]): string[] => keys.sort((x, y) => (goYamlKeyLess(x, y) ? -1 : goYamlKeyLess(y, x) ? 1 : 0));

/** Plain text folded as write_plain does: a single space past column 80 becomes a line break. */
function fold(text: string, column: number, indent: number): string {
  let out = "";
  let col = column;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === " " && col > BEST_WIDTH && chars[i - 1] !== " " && chars[i + 1] !== " ") {
      out += "\n" + " ".repeat(indent);
      col = indent;
      continue;
    }
    out += c;
    col++;
  }
  return out;
}

function literal(s: string, indent: number): string {
  const chomp = s.endsWith("\n") ? (s.endsWith("\n\n") || s === "\n" ? "+" : "") : "-";
  const hint = s.startsWith(" ") || s.startsWith("\n") ? "2" : "";
  const body = s.endsWith("\n") ? s.slice(0, -1) : s;
  const pad = " ".repeat(indent);
  return `|${hint}${chomp}\n` + body.split("\n").map((l) => (l === "" ? "" : pad + l)).join("\n");
}

/** A string at `column`, continuation lines at `indent`; keys never fold. */
function scalar(s: string, column: number, indent: number, isKey: boolean): string {
  const a = analyzeScalar(s);
  if (!isKey && s.includes("\n") && a.block) return literal(s, indent);
  if (resolvesToNonString(s)) return doubleQuoted(s);
  if (a.plain) return isKey ? s : fold(s, column, indent);
  if (a.single && !s.includes("\n")) {
    const quoted = `'${s.replace(/'/g, "''")}'`;
    return isKey ? quoted : fold(quoted, column, indent);
  }
  return doubleQuoted(s);
}

/** JSON semantics: a key whose value is undefined does not exist. */
const definedKeys = (o: Record<string, unknown>): string[] => Object.keys(o).filter((k) => o[k] !== undefined);

function atom(v: unknown, column: number, indent: number): string | undefined {
  if (v === null || v === undefined) return "null";
  if (typeof v === "boolean") return String(v);
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : v > 0 ? ".inf" : v < 0 ? "-.inf" : ".nan";
  if (typeof v === "string") return scalar(v, column, indent, false);
  if (Array.isArray(v) && v.length === 0) return "[]";
  if (typeof v === "object" && definedKeys(v as Record<string, unknown>).length === 0) return "{}";
  return undefined;
}

function emit(v: unknown, indent: number, lines: string[], first: string): void {
  // `first` is what precedes the node on its first line ("- " prefixes or "").
  const pad = " ".repeat(indent);
  if (Array.isArray(v)) {
    v.forEach((item, i) => {
      const lead = i === 0 ? first : pad;
      const a = atom(item, lead.length + 2, indent + 2);
      if (a !== undefined) lines.push(`${lead}- ${a}`);
      else emit(item, indent + 2, lines, `${lead}- `);
    });
    return;
  }
  const obj = v as Record<string, unknown>;
  sortKeys(definedKeys(obj)).forEach((key, i) => {
    const lead = i === 0 ? first : pad;
    const k = scalar(key, lead.length, indent, true);
    const value = obj[key];
    const a = atom(value, lead.length + k.length + 2, indent + 2);
    if (a !== undefined) lines.push(`${lead}${k}: ${a}`);
    else {
      lines.push(`${lead}${k}:`);
      // sequences sit at the key's column; mappings one level deeper
      const childIndent = Array.isArray(value) ? indent : indent + 2;
      emit(value, childIndent, lines, " ".repeat(childIndent));
    }
  });
}

/** One YAML document for a JSON value, ending in "\n", as `kubectl get -o yaml` prints it. */
export function toYaml(value: unknown): string {
  const a = atom(value, 0, 0);
  if (a !== undefined) return a + "\n";
  const lines: string[] = [];
  emit(value, 0, lines, "");
  return lines.join("\n") + "\n";
}
