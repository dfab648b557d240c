// Small utilities after busybox coreutils/procps: basename, dirname, seq, expr, uname, id,
// whoami and ps. The container runs as root (securityContext users are not modelled), on
// the kernel a kind node reports.

import type { Builtin } from "./command";

export const basename: Builtin = (args, ctx) => {
  const [path, suffix] = args;
  if (path === undefined) {
    ctx.err("basename: missing operand\n");
    return 1;
  }
  const trimmed = path.replace(/\/+$/, "");
  let base = trimmed === "" ? (path === "" ? "" : "/") : trimmed.slice(trimmed.lastIndexOf("/") + 1);
  if (suffix !== undefined && base !== suffix && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
  ctx.out(`${base}\n`);
  return 0;
};

export const dirname: Builtin = (args, ctx) => {
  const path = args[0];
  if (path === undefined) {
    ctx.err("dirname: missing operand\n");
    return 1;
  }
  const trimmed = path.replace(/\/+$/, "");
  const slash = trimmed.lastIndexOf("/");
  const dir = trimmed === "" && path.startsWith("/") ? "/" : slash < 0 ? "." : trimmed.slice(0, slash).replace(/\/+$/, "") || "/";
  ctx.out(`${dir}\n`);
  return 0;
};

/** seq [-s SEP] [-w] [FIRST [INCREMENT]] LAST */
export const seq: Builtin = (args, ctx) => {
  let sep = "\n";
  let width = false;
  const nums: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "-s") sep = args[++i] ?? "\n";
    else if (args[i] === "-w") width = true;
    else nums.push(args[i]);
  }
  if (nums.length === 0 || nums.length > 3) {
    ctx.err("Usage: seq [-w] [-s SEP] [FIRST [INC]] LAST\n");
    return 1;
  }
  const bad = nums.find((n) => !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(n));
  if (bad !== undefined) {
    ctx.err(`seq: invalid number '${bad}'\n`);
    return 1;
  }
  const [first, inc, last] = nums.length === 1 ? [1, 1, Number(nums[0])] : nums.length === 2 ? [Number(nums[0]), 1, Number(nums[1])] : nums.map(Number);
  if (inc === 0) return 1;
  const decimals = Math.max(...nums.map((n) => (n.includes(".") ? n.length - n.indexOf(".") - 1 : 0)));
  const items: string[] = [];
  for (let v = first, k = 0; inc > 0 ? v <= last + 1e-9 : v >= last - 1e-9; k++, v = first + k * inc) {
    items.push(v.toFixed(decimals));
    if (items.length > 1_000_000) break;
  }
  const w = width ? Math.max(...items.map((s) => s.replace("-", "").length)) : 0;
  const out = items.map((s) => (s.startsWith("-") ? `-${s.slice(1).padStart(w - 1, "0")}` : s.padStart(w, "0")));
  if (out.length > 0) ctx.out(`${out.join(sep)}\n`);
  return 0;
};

/**
 * expr EXPR: integer arithmetic (+ - * / %), comparisons (= != < <= > >=), `|` `&`,
 * `STRING : REGEX` (anchored match length), length, substr, index. Status 1 when the
 * result is 0 or empty, 2 on a syntax error.
 */
export const expr: Builtin = (args, ctx) => {
  let pos = 0;
  const isInt = (s: string): boolean => /^-?\d+$/.test(s);
  const fail = (msg: string): never => {
    throw new ExprError(msg);
  };
  const primary = (): string => {
    const t = args[pos++];
    if (t === undefined) return fail("syntax error");
    if (t === "(") {
      const v = or();
      if (args[pos++] !== ")") fail("syntax error");
      return v;
    }
    if (t === "length") return String(primary().length);
    if (t === "substr") {
      const s = primary();
      const p = Number(primary());
      const n = Number(primary());
      return p < 1 || n < 1 ? "" : s.slice(p - 1, p - 1 + n);
    }
    if (t === "index") {
      const s = primary();
      const chars = primary();
      const i = [...s].findIndex((c) => chars.includes(c));
      return String(i + 1);
    }
    if (t === "match") return match(primary(), primary());
    return t;
  };
  const match = (s: string, re: string): string => {
    let m: RegExpExecArray | null;
    try {
      m = new RegExp(`^(?:${re.replace(/\\\(/g, "(").replace(/\\\)/g, ")")})`).exec(s);
    } catch {
      return fail("bad regex");
    }
    if (re.includes("\\(")) return m?.[1] ?? "";
    return String(m?.[0].length ?? 0);
  };
  const colon = (): string => {
    let v = primary();
    while (args[pos] === ":") {
      pos++;
      v = match(v, primary());
    }
    return v;
  };
  const arith = (ops: string[], next: () => string) => (): string => {
    let v = next();
    while (ops.includes(args[pos] ?? "")) {
      const op = args[pos++];
      const r = next();
      if (!isInt(v) || !isInt(r)) fail("non-integer argument");
      const a = Number(v);
      const b = Number(r);
      if ((op === "/" || op === "%") && b === 0) fail("division by zero");
      v = String(op === "+" ? a + b : op === "-" ? a - b : op === "*" ? a * b : op === "/" ? Math.trunc(a / b) : a % b);
    }
    return v;
  };
  const mul = arith(["*", "/", "%"], colon);
  const add = arith(["+", "-"], mul);
  const compare = (): string => {
    let v = add();
    while (["=", "!=", "<", "<=", ">", ">="].includes(args[pos] ?? "")) {
      const op = args[pos++];
      const r = add();
      const c = isInt(v) && isInt(r) ? Number(v) - Number(r) : v < r ? -1 : v > r ? 1 : 0;
      const ok = op === "=" ? c === 0 : op === "!=" ? c !== 0 : op === "<" ? c < 0 : op === "<=" ? c <= 0 : op === ">" ? c > 0 : c >= 0;
      v = ok ? "1" : "0";
    }
    return v;
  };
  const falsy = (s: string): boolean => s === "" || s === "0";
  const and = (): string => {
    let v = compare();
    while (args[pos] === "&") {
      pos++;
      const r = compare();
      v = falsy(v) || falsy(r) ? "0" : v;
    }
    return v;
  };
  const or = (): string => {
    let v = and();
    while (args[pos] === "|") {
      pos++;
      const r = and();
      v = falsy(v) ? (falsy(r) ? "0" : r) : v;
    }
    return v;
  };
  try {
    if (args.length === 0) fail("missing operand");
    const v = or();
    if (pos < args.length) fail("syntax error");
    ctx.out(`${v}\n`);
    return falsy(v) ? 1 : 0;
  } catch (err) {
    if (!(err instanceof ExprError)) throw err;
    ctx.err(`expr: ${err.message}\n`);
    return 2;
  }
};

class ExprError extends Error {}

/** The node's kernel (state/default-node.ts reports 6.8.0-45-generic), as busybox `uname` prints it. */
const KERNEL = { s: "Linux", r: "6.8.0-45-generic", v: "#45-Ubuntu SMP PREEMPT_DYNAMIC Fri Aug 30 12:02:04 UTC 2024", m: "x86_64", o: "Linux" };

export const uname: Builtin = (args, ctx) => {
  const flags = new Set(args.flatMap((a) => (a.startsWith("-") ? [...a.slice(1)] : [])));
  const all = flags.has("a");
  const parts: string[] = [];
  if (all || flags.has("s") || flags.size === 0) parts.push(KERNEL.s);
  if (all || flags.has("n")) parts.push(ctx.host.hostname);
  if (all || flags.has("r")) parts.push(KERNEL.r);
  if (all || flags.has("v")) parts.push(KERNEL.v);
  if (all || flags.has("m")) parts.push(KERNEL.m);
  if (all || flags.has("o")) parts.push(KERNEL.o);
  ctx.out(`${parts.join(" ")}\n`);
  return 0;
};

export const id: Builtin = (args, ctx) => {
  const flags = args.join("");
  if (flags.includes("u") || flags.includes("g")) ctx.out(flags.includes("n") ? "root\n" : "0\n");
  else ctx.out("uid=0(root) gid=0(root) groups=0(root)\n");
  return 0;
};

export const whoami: Builtin = (_args, ctx) => {
  ctx.out("root\n");
  return 0;
};

/** busybox ps: the container's processes (its main process, this shell) and ps itself. */
export const ps: Builtin = (_args, ctx) => {
  const rows = [...(ctx.processes ?? [])];
  const self = Math.max(0, ...rows.map((r) => r.pid)) + 1;
  rows.push({ pid: self, command: "ps" });
  let out = "PID   USER     TIME  COMMAND\n";
  for (const r of rows) out += `${String(r.pid).padStart(5)} ${"root".padEnd(8)}  0:00 ${r.command}\n`;
  ctx.out(out);
  return 0;
};
