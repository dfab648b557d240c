// Word expansion: parameters, `$(...)`, `$((...))`, quotes, and field splitting on
// whitespace (the default IFS). Pathname expansion (globbing) is not modelled: `*` stays
// literal.

import type { Arith, Part, Word } from "./ast";
import type { Shell } from "./state";

/** What expansion needs from the running shell. */
export interface Expander {
  shell: Shell;
  pid: number;
  /** Runs the statements of a `$(...)` and returns what they wrote to stdout. */
  subst(body: number[]): string;
  /** Reports an expansion error (`${x:?}`, division by zero) on stderr. */
  error(message: string): void;
}

/** Expands words into fields, as for a command's arguments or a `for` list. */
export function expandFields(words: Word[], ex: Expander): string[] {
  const fields: string[] = [];
  for (const word of words) {
    let cur = "";
    let has = false;
    const flush = (): void => {
      if (has || cur !== "") fields.push(cur);
      cur = "";
      has = false;
    };
    for (const part of word) {
      if (part.t === "lit" || part.t === "sq") {
        cur += part.v;
        has = true;
      } else if (part.t === "dq") {
        const only = part.parts.length === 1 ? part.parts[0] : undefined;
        if (only?.t === "param" && only.name === "@" && only.op === undefined && !only.len) {
          // "$@" is one field per positional parameter, and no field when there are none.
          const params = ex.shell.args.slice(1);
          params.forEach((p, i) => {
            if (i > 0) flush();
            cur += p;
            has = true;
          });
        } else {
          cur += expandString(part.parts, ex);
          has = true;
        }
      } else {
        // Unquoted results split on runs of whitespace.
        const pieces = expandPart(part, ex).split(/[ \t\n]+/);
        pieces.forEach((piece, i) => {
          if (i > 0) flush();
          cur += piece;
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

/** Evaluates `$((…))` in integer arithmetic (JavaScript numbers: exact up to 2^53). */
export function evalArith(a: Arith, ex: Expander): number {
  switch (a.t) {
    case "word": {
      const text = expandString(a.w, ex).trim();
      if (/^-?\d+$/.test(text)) return Number(text);
      if (/^[A-Za-z_]\w*$/.test(text)) {
        const v = Number(ex.shell.vars[text] ?? "0");
        return Number.isFinite(v) ? Math.trunc(v) : 0;
      }
      return 0;
    }
    case "un": {
      const x = evalArith(a.x, ex);
      return a.op === "-" ? -x : a.op === "!" ? Number(x === 0) : x;
    }
    case "bin": {
      const x = evalArith(a.x, ex);
      const y = evalArith(a.y, ex);
      switch (a.op) {
        case "+": return x + y;
        case "-": return x - y;
        case "*": return x * y;
        case "/":
        case "%":
          if (y === 0) {
            ex.error("sh: arithmetic syntax error: divide by zero\n");
            return 0;
          }
          return a.op === "/" ? Math.trunc(x / y) : x % y;
        case "<": return Number(x < y);
        case ">": return Number(x > y);
        case "<=": return Number(x <= y);
        case ">=": return Number(x >= y);
        case "==": return Number(x === y);
        case "!=": return Number(x !== y);
        case "&&": return Number(x !== 0 && y !== 0);
        case "||": return Number(x !== 0 || y !== 0);
        default: return 0;
      }
    }
  }
}
