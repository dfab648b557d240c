// Word expansion: parameters, `$(...)`, `$((...))`, quotes, field splitting on whitespace
// (the default IFS) and pathname expansion against the container's filesystem (glob.ts).

import type { Arith, Part, Word } from "./ast";
import { expandPathname, hasPattern, quotePattern } from "./glob";
import type { Shell } from "./state";
import type { FileSystem } from "../types";

/** What expansion needs from the running shell. */
export interface Expander {
  shell: Shell;
  pid: number;
  /** Runs the statements of a `$(...)` and returns what they wrote to stdout. */
  subst(body: number[]): string;
  /** Reports an expansion error (`${x:?}`, division by zero) on stderr. */
  error(message: string): void;
  /** The filesystem pathname expansion searches, asked for only by a pattern; without one, patterns stay as written. */
  files?: () => FileSystem;
}

/** Unquoted text as a pattern: its own * ? [ stay active, backslashes are literal. */
const activePattern = (text: string): string => text.replace(/\\/g, "\\\\");

/** Expands words into fields, as for a command's arguments or a `for` list. */
export function expandFields(words: Word[], ex: Expander): string[] {
  const fields: string[] = [];
  for (const word of words) {
    let cur = "";
    /** The same field as a pattern: quoted characters escaped. */
    let pat = "";
    let has = false;
    const flush = (): void => {
      if (has || cur !== "") {
        const matches = ex.files !== undefined && hasPattern(pat) ? expandPathname(pat, ex.shell.cwd, ex.files()) : [];
        if (matches.length > 0) fields.push(...matches);
        else fields.push(cur);
      }
      cur = "";
      pat = "";
      has = false;
    };
    const quoted = (text: string): void => {
      cur += text;
      pat += quotePattern(text);
      has = true;
    };
    for (const part of word) {
      if (part.t === "lit") {
        cur += part.v;
        pat += activePattern(part.v);
        has = true;
      } else if (part.t === "sq") {
        quoted(part.v);
      } else if (part.t === "dq") {
        const only = part.parts.length === 1 ? part.parts[0] : undefined;
        if (only?.t === "param" && only.name === "@" && only.op === undefined && !only.len) {
          // "$@" is one field per positional parameter, and no field when there are none.
          const params = ex.shell.args.slice(1);
          params.forEach((p, i) => {
            if (i > 0) flush();
            quoted(p);
          });
        } else {
          quoted(expandString(part.parts, ex));
        }
      } else {
        // Unquoted results split on runs of whitespace.
        const pieces = expandPart(part, ex).split(/[ \t\n]+/);
        pieces.forEach((piece, i) => {
          if (i > 0) flush();
          cur += piece;
          pat += activePattern(piece);
        });
      }
    }
    flush();
  }
  return fields;
}

/** Expands a word to one string with no field splitting (assignments, redirections, "…"). */
export function expandString(word: Word, ex: Expander): string {
  let out = "";
  for (const part of word) out += part.t === "dq" ? expandString(part.parts, ex) : expandPart(part, ex);
  return out;
}

/** Expands a `case` pattern: quoted parts match literally, unquoted * ? [ are patterns. */
export function expandPattern(word: Word, ex: Expander): string {
  let out = "";
  for (const part of word) {
    if (part.t === "lit") out += activePattern(part.v);
    else if (part.t === "sq" || part.t === "dq") out += quotePattern(expandPart(part, ex));
    else out += activePattern(expandPart(part, ex));
  }
  return out;
}

function expandPart(part: Part, ex: Expander): string {
  switch (part.t) {
    case "lit":
    case "sq":
      return part.v;
    case "dq":
      return expandString(part.parts, ex);
    case "cmd":
      return ex.subst(part.body).replace(/\n+$/, "");
    case "arith":
      return String(evalArith(part.expr, ex));
    case "param":
      return expandParam(part, ex);
  }
}

/** The value of a parameter, or undefined when it is unset. */
export function paramValue(name: string, ex: Expander): string | undefined {
  const sh = ex.shell;
  if (name === "?") return String(sh.status);
  if (name === "$") return String(ex.pid);
  if (name === "#") return String(Math.max(0, sh.args.length - 1));
  if (name === "@" || name === "*") return sh.args.slice(1).join(" ");
  if (/^\d+$/.test(name)) return sh.args[Number(name)];
  return Object.prototype.hasOwnProperty.call(sh.vars, name) ? sh.vars[name] : undefined;
}

function expandParam(part: Extract<Part, { t: "param" }>, ex: Expander): string {
  const value = paramValue(part.name, ex);
  if (part.len) return String((value ?? "").length);
  if (part.op === undefined) return value ?? "";
  const arg = (): string => expandString(part.arg ?? [], ex);
  const missing = part.op.startsWith(":") ? value === undefined || value === "" : value === undefined;
  switch (part.op) {
    case ":-":
    case "-":
      return missing ? arg() : (value ?? "");
    case ":=":
    case "=": {
      if (!missing) return value ?? "";
      const v = arg();
      ex.shell.vars[part.name] = v;
      return v;
    }
    case ":+":
    case "+":
      return missing ? "" : arg();
    case ":?":
    case "?":
      if (missing) ex.error(`sh: ${part.name}: ${arg() || "parameter not set"}\n`);
      return value ?? "";
  }
}

/** The variable an arithmetic operand names (for `=`, `+=`, `++`…), or undefined. */
function arithName(a: Arith, ex: Expander): string | undefined {
  if (a.t !== "word") return undefined;
  const text = expandString(a.w, ex).trim();
  return /^[A-Za-z_]\w*$/.test(text) ? text : undefined;
}

function assignArith(a: Arith, value: number, ex: Expander): number {
  const name = arithName(a, ex);
  if (name === undefined) ex.error("sh: arithmetic syntax error\n");
  else ex.shell.vars[name] = String(value);
  return value;
}

const ASSIGN_OPS: Record<string, string> = { "+=": "+", "-=": "-", "*=": "*", "/=": "/", "%=": "%" };

/** Evaluates `$((…))` in integer arithmetic (JavaScript numbers: exact up to 2^53). */
export function evalArith(a: Arith, ex: Expander): number {
  switch (a.t) {
    case "word": {
      const text = expandString(a.w, ex).trim();
      if (/^-?\d+$/.test(text)) return Number(text);
      if (/^0x[0-9a-f]+$/i.test(text)) return parseInt(text, 16);
      if (/^[A-Za-z_]\w*$/.test(text)) {
        const v = Number(ex.shell.vars[text] ?? "0");
        return Number.isFinite(v) ? Math.trunc(v) : 0;
      }
      return 0;
    }
    case "un": {
      if (a.op === "++" || a.op === "--") {
        const before = evalArith(a.x, ex);
        const after = a.op === "++" ? before + 1 : before - 1;
        assignArith(a.x, after, ex);
        return a.post ? before : after;
      }
      const x = evalArith(a.x, ex);
      return a.op === "-" ? -x : a.op === "!" ? Number(x === 0) : a.op === "~" ? ~x : x;
    }
    case "bin": {
      if (a.op === "=") return assignArith(a.x, evalArith(a.y, ex), ex);
      if (ASSIGN_OPS[a.op] !== undefined) {
        return assignArith(a.x, binary(ASSIGN_OPS[a.op], evalArith(a.x, ex), evalArith(a.y, ex), ex), ex);
      }
      if (a.op === "?") {
        const choice = a.y.t === "bin" && a.y.op === ":" ? a.y : undefined;
        if (choice === undefined) return 0;
        return evalArith(a.x, ex) !== 0 ? evalArith(choice.x, ex) : evalArith(choice.y, ex);
      }
      // && and || do not evaluate their right side when the left decides.
      if (a.op === "&&") return Number(evalArith(a.x, ex) !== 0 && evalArith(a.y, ex) !== 0);
      if (a.op === "||") return Number(evalArith(a.x, ex) !== 0 || evalArith(a.y, ex) !== 0);
      return binary(a.op, evalArith(a.x, ex), evalArith(a.y, ex), ex);
    }
  }
}

function binary(op: string, x: number, y: number, ex: Expander): number {
  switch (op) {
    case "+": return x + y;
    case "-": return x - y;
    case "*": return x * y;
    case "**": return x ** y;
    case "/":
    case "%":
      if (y === 0) {
        ex.error("sh: arithmetic syntax error: divide by zero\n");
        return 0;
      }
      return op === "/" ? Math.trunc(x / y) : x % y;
    case "<": return Number(x < y);
    case ">": return Number(x > y);
    case "<=": return Number(x <= y);
    case ">=": return Number(x >= y);
    case "==": return Number(x === y);
    case "!=": return Number(x !== y);
    case "&": return x & y;
    case "|": return x | y;
    case "^": return x ^ y;
    case "<<": return x << y;
    case ">>": return x >> y;
    case ",": return y;
    default: return 0;
  }
}
