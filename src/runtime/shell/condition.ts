// test / [: the POSIX grammar with ! ( ) -a -o, file tests (-e -f -d -s), string tests
// (-z -n = != ==) and integer comparisons (-eq -ne -lt -gt -le -ge).

import { resolvePath } from "./command";
import type { Builtin, CommandContext } from "./command";

class BadTest extends Error {}

const UNARY = new Set(["-e", "-f", "-d", "-s", "-r", "-w", "-x", "-z", "-n", "-h", "-L"]);
const BINARY = new Set(["=", "==", "!=", "-eq", "-ne", "-lt", "-gt", "-le", "-ge"]);

function evaluate(tokens: string[], ctx: CommandContext): boolean {
  let pos = 0;
  const peek = (o = 0): string | undefined => tokens[pos + o];
  const int = (s: string): number => {
    if (!/^\s*[-+]?\d+\s*$/.test(s)) throw new BadTest(`sh: invalid number '${s}'`);
    return Number(s);
  };
  const unary = (op: string, arg: string): boolean => {
    if (op === "-z") return arg === "";
    if (op === "-n") return arg !== "";
    const path = resolvePath(ctx.cwd, arg);
    const kind = ctx.host.fs.kind(path);
    if (op === "-f") return kind === "file";
    if (op === "-d") return kind === "dir";
    if (op === "-s") return kind === "file" && (ctx.host.fs.read(path) ?? "") !== "";
    if (op === "-h" || op === "-L") return false;
    return kind !== undefined;
  };
  const binary = (a: string, op: string, b: string): boolean => {
    switch (op) {
      case "=":
      case "==": return a === b;
      case "!=": return a !== b;
      case "-eq": return int(a) === int(b);
      case "-ne": return int(a) !== int(b);
      case "-lt": return int(a) < int(b);
      case "-gt": return int(a) > int(b);
      case "-le": return int(a) <= int(b);
      default: return int(a) >= int(b);
    }
  };
  const primary = (): boolean => {
    const t = peek();
    if (t === undefined) throw new BadTest("sh: test: argument expected");
    if (t === "!" && peek(1) !== undefined && !BINARY.has(peek(1) ?? "")) {
      pos++;
      return !primary();
    }
    if (t === "(" && peek(2) !== undefined) {
      pos++;
      const v = orExpr();
      if (peek() !== ")") throw new BadTest("sh: test: closing paren expected");
      pos++;
      return v;
    }
    if (peek(1) !== undefined && BINARY.has(peek(1) ?? "") && peek(2) !== undefined) {
      pos += 3;
      return binary(t, tokens[pos - 2], tokens[pos - 1]);
    }
    if (UNARY.has(t) && peek(1) !== undefined) {
      pos += 2;
      return unary(t, tokens[pos - 1]);
    }
    pos++;
    return t !== "";
  };
  const andExpr = (): boolean => {
    let v = primary();
    while (peek() === "-a") {
      pos++;
      v = primary() && v;
    }
    return v;
  };
  const orExpr = (): boolean => {
    let v = andExpr();
    while (peek() === "-o") {
      pos++;
      v = andExpr() || v;
    }
    return v;
  };
  if (tokens.length === 0) return false;
  const result = orExpr();
  if (pos < tokens.length) throw new BadTest(`sh: ${tokens[pos]}: unknown operand`);
  return result;
}

/** `test EXPR`; as `[`, the last argument must be `]`. */
export function testCommand(bracket: boolean): Builtin {
  return (args, ctx) => {
    let tokens = args;
    if (bracket) {
      if (args[args.length - 1] !== "]") {
        ctx.err("sh: missing ]\n");
        return 2;
      }
      tokens = args.slice(0, -1);
    }
    try {
      return evaluate(tokens, ctx) ? 0 : 1;
    } catch (err) {
      if (!(err instanceof BadTest)) throw err;
      ctx.err(`${err.message}\n`);
      return 2;
    }
  };
}
