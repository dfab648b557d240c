// kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath): text with {…} actions,
// fields, [n] [a:b] [*] ['k'] [a,b], .. recursive descent, [?(@.x=="y")] filters, {range}…{end}
// and "quoted" literals. Missing keys print nothing (kubectl allows them).
// No npm package implements this dialect (the JSONPath packages follow Goessner/RFC 9535
// without templates, range or kubectl's printing), so it is written here.

import { UsageError } from "../../api/errors";
import { goUnquote } from "./go-unquote";

type Segment =
  | { t: "field"; name: string }
  | { t: "wild" }
  | { t: "recursive"; name: string | "*" }
  | { t: "index"; indices: (number | string)[] }
  | { t: "slice"; start?: number; end?: number; step?: number }
  | { t: "filter"; path: Segment[]; op?: string; value?: unknown };

type Node =
  | { t: "text"; text: string }
  | { t: "path"; path: Segment[] }
  | { t: "literal"; text: string }
  | { t: "range"; path: Segment[]; body: Node[] };

class Cursor {
  readonly s: string;
  i = 0;
  constructor(s: string) {
    this.s = s;
  }
  peek(n = 0): string {
    return this.s[this.i + n] ?? "";
  }
  eof(): boolean {
    return this.i >= this.s.length;
  }
}

function fail(template: string, detail: string): never {
  throw new UsageError(`error parsing jsonpath ${template}, ${detail}`);
}

const NAME_STOP = new Set([".", "[", "]", " ", ",", "}", ")", "(", "=", "!", "<", ">", "\t"]);

function parseName(c: Cursor): string {
  let name = "";
  while (!c.eof() && !NAME_STOP.has(c.peek())) {
    if (c.peek() === "\\" && c.i + 1 < c.s.length) {
      name += c.s[c.i + 1];
      c.i += 2;
      continue;
    }
    name += c.peek();
    c.i++;
  }
  return name;
}

function parseLiteral(c: Cursor, template: string): unknown {
  const q = c.peek();
  if (q === '"' || q === "'") {
    // parseQuote: a backslash keeps the next character in the string; a newline ends it badly.
    let end = c.i + 1;
    while (end < c.s.length && c.s[end] !== q && c.s[end] !== "\n") end += c.s[end] === "\\" && c.s[end + 1] !== "\n" ? 2 : 1;
    if (end >= c.s.length || c.s[end] !== q) fail(template, "unterminated quoted string");
    const raw = c.s.slice(c.i, end + 1);
    c.i = end + 1;
    const text = goUnquote(raw.slice(1, -1), q);
    if (text === undefined) fail(template, `unquote string ${raw} error invalid syntax`);
    return text;
  }
  const m = /^(-?\d+(\.\d+)?|true|false)/.exec(c.s.slice(c.i));
  if (!m) fail(template, `unrecognized filter value at ${c.s.slice(c.i)}`);
  c.i += m[0].length;
  return m[0] === "true" ? true : m[0] === "false" ? false : Number(m[0]);
}

function parseBracket(c: Cursor, template: string): Segment {
  c.i++; // [
  const close = c.s.indexOf("]", c.i);
  if (close < 0) fail(template, "unterminated array");
  if (c.peek() === "?") {
    c.i++;
    if (c.peek() !== "(") fail(template, "unrecognized filter");
    c.i++;
    while (c.peek() === " ") c.i++;
    if (c.peek() === "@") c.i++;
    const path = parsePath(c, template);
    while (c.peek() === " ") c.i++;
    let op: string | undefined;
    let value: unknown;
    const m = /^(==|!=|<=|>=|<|>)/.exec(c.s.slice(c.i));
    if (m) {
      op = m[0];
      c.i += op.length;
      while (c.peek() === " ") c.i++;
      value = parseLiteral(c, template);
      while (c.peek() === " ") c.i++;
    }
    if (c.peek() !== ")" || c.peek(1) !== "]") fail(template, "unterminated filter");
    c.i += 2;
    return { t: "filter", path, op, value };
  }
  const body = c.s.slice(c.i, close).trim();
  c.i = close + 1;
  if (body === "*") return { t: "wild" };
  if (body.includes(":")) {
    const [a, b, st] = body.split(":").map((x) => (x.trim() === "" ? undefined : Number(x)));
    return { t: "slice", start: a, end: b, step: st };
  }
  const indices = body.split(",").map((p) => {
    const x = p.trim();
    if (/^'.*'$|^".*"$/.test(x)) return x.slice(1, -1);
    if (!/^-?\d+$/.test(x)) fail(template, `invalid array index ${x}`);
    return Number(x);
  });
  return { t: "index", indices };
}

function parsePath(c: Cursor, template: string): Segment[] {
  const path: Segment[] = [];
  if (c.peek() === "$") c.i++;
  for (;;) {
    const ch = c.peek();
    if (ch === "." && c.peek(1) === ".") {
      c.i += 2;
      const name = c.peek() === "*" ? (c.i++, "*") : parseName(c);
      path.push({ t: "recursive", name });
    } else if (ch === ".") {
      c.i++;
      if (c.peek() === "*") {
        c.i++;
        path.push({ t: "wild" });
      } else {
        const name = parseName(c);
        if (name) path.push({ t: "field", name });
      }
    } else if (ch === "[") path.push(parseBracket(c, template));
    else if (/[A-Za-z_]/.test(ch) && path.length === 0) path.push({ t: "field", name: parseName(c) });
    else return path;
  }
}

/** Parses a template into nodes; throws UsageError with kubectl's parse-error text. */
export function parseJsonPath(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  const c = new Cursor(template);
  while (!c.eof()) {
    const open = template.indexOf("{", c.i);
    if (open < 0) {
      stack[stack.length - 1].push({ t: "text", text: template.slice(c.i) });
      break;
    }
    if (open > c.i) stack[stack.length - 1].push({ t: "text", text: template.slice(c.i, open) });
    c.i = open + 1;
    const close = findClose(template, c.i);
    if (close === UNTERMINATED_QUOTE) fail(template, "unterminated quoted string");
    if (close < 0) fail(template, "unclosed action");
    const inner = template.slice(c.i, close).trim();
    c.i = close + 1;
    if (inner === "end") {
      if (stack.length === 1) fail(template, "not in range, nothing to end");
      stack.pop();
      continue;
    }
    const ic = new Cursor(inner);
    if (inner.startsWith("range ")) {
      ic.i = 6;
      while (ic.peek() === " ") ic.i++;
      const node: Node = { t: "range", path: parsePath(ic, template), body: [] };
      stack[stack.length - 1].push(node);
      stack.push(node.body);
      continue;
    }
    for (;;) {
      while (ic.peek() === " ") ic.i++;
      if (ic.eof()) break;
      if (ic.peek() === '"' || ic.peek() === "'") {
        stack[stack.length - 1].push({ t: "literal", text: String(parseLiteral(ic, template)) });
      } else {
        const start = ic.i;
        if (ic.peek() === "@") ic.i++;
        const path = parsePath(ic, template);
        if (ic.i === start) fail(template, `unrecognized character in action: ${inner.slice(start)}`);
        stack[stack.length - 1].push({ t: "path", path });
      }
      while (ic.peek() === " ") ic.i++;
      if (ic.peek() === ",") ic.i++;
    }
  }
  if (stack.length > 1) fail(template, "unterminated range");
  return root;
}

const UNTERMINATED_QUOTE = -2;

/** The "}" closing an action, skipping quoted strings; -1 when there is none, UNTERMINATED_QUOTE when a string never ends. */
function findClose(s: string, from: number): number {
  let quote = "";
  for (let i = from; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "}") return i;
  }
  return quote ? UNTERMINATED_QUOTE : -1;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function descend(v: unknown, name: string, out: unknown[]): void {
  if (Array.isArray(v)) v.forEach((x) => descend(x, name, out));
  else if (isObject(v)) {
    if (name === "*") out.push(...Object.values(v));
    else if (Object.hasOwn(v, name)) out.push(v[name]);
    Object.keys(v)
      .sort()
      .forEach((k) => descend(v[k], name, out));
  }
}

function compare(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case "==":
      return a === b;
    case "!=":
      return a !== b;
    case "<":
      return (a as number) < (b as number);
    case ">":
      return (a as number) > (b as number);
    case "<=":
      return (a as number) <= (b as number);
    default:
      return (a as number) >= (b as number);
  }
}

function step(values: unknown[], seg: Segment): unknown[] {
  const out: unknown[] = [];
  for (const v of values) {
    switch (seg.t) {
      case "field":
        if (isObject(v) && Object.hasOwn(v, seg.name)) out.push(v[seg.name]);
        break;
      case "wild":
        if (Array.isArray(v)) out.push(...v);
        else if (isObject(v)) out.push(...Object.keys(v).sort().map((k) => v[k]));
        break;
      case "recursive":
        descend(v, seg.name, out);
        break;
      case "index":
        for (const ix of seg.indices) {
          if (typeof ix === "string") {
            if (isObject(v) && Object.hasOwn(v, ix)) out.push(v[ix]);
          } else if (Array.isArray(v)) {
            const i = ix < 0 ? v.length + ix : ix;
            if (i >= 0 && i < v.length) out.push(v[i]);
          }
        }
        break;
      case "slice":
        if (Array.isArray(v)) {
          const n = v.length;
          const norm = (x: number | undefined, dflt: number): number => (x === undefined ? dflt : Math.min(n, Math.max(0, x < 0 ? n + x : x)));
          const st = seg.step ?? 1;
          for (let i = norm(seg.start, 0); i < norm(seg.end, n); i += st) out.push(v[i]);
        }
        break;
      case "filter": {
        const items = Array.isArray(v) ? v : isObject(v) ? [v] : [];
        for (const item of items) {
          const found = evalPath(item, seg.path);
          if (seg.op === undefined ? found.length > 0 : found.some((f) => compare(f, seg.op!, seg.value))) out.push(item);
        }
        break;
      }
    }
  }
  return out;
}

function evalPath(root: unknown, path: Segment[]): unknown[] {
  return path.reduce<unknown[]>((vals, seg) => step(vals, seg), [root]);
}

/** Go's json.Marshal: compact, keys sorted, HTML characters escaped. */
function goJson(v: unknown): string {
  const sort = (x: unknown): unknown =>
    Array.isArray(x) ? x.map(sort) : isObject(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, sort(x[k])])) : x;
  return JSON.stringify(sort(v)).replace(/[<>&]/g, (ch) => `\\u00${ch.charCodeAt(0).toString(16)}`);
}

/** How one result prints: strings raw, maps and slices as JSON, numbers and bools as Go %v. */
export function formatValue(v: unknown): string {
  if (typeof v === "string") return v;
  if (v === null || v === undefined) return "null";
  if (typeof v === "object") return goJson(v);
  return String(v);
}

function run(nodes: Node[], data: unknown): string {
  let out = "";
  for (const node of nodes) {
    if (node.t === "text" || node.t === "literal") out += node.text;
    else if (node.t === "path") out += evalPath(data, node.path).map(formatValue).join(" ");
    else for (const item of evalPath(data, node.path)) out += run(node.body, item);
  }
  return out;
}

/**
 * Applies a kubectl JSONPath template to one value (an object or the List wrapper). No
 * trailing newline is added.
 * @example executeJsonPath("{.items[*].metadata.name}", list) === "a b"
 */
export function executeJsonPath(template: string, data: unknown): string {
  return run(parseJsonPath(template), data);
}

/** The values one path yields (custom-columns, --sort-by). */
export function findResults(template: string, data: unknown): unknown[] {
  const nodes = parseJsonPath(template);
  return nodes.flatMap((n) => (n.t === "path" ? evalPath(data, n.path) : []));
}
