// Line filters as streaming state machines, after busybox coreutils (cat.c, wc.c, head.c,
// tail.c, sort.c, uniq.c, cut.c, tr.c, tee.c): the options container scripts use. Filters that
// can only answer at the end of input (wc, sort, tail, uniq -c) hold what they need; head
// stops reading once it has printed its lines.

import { resolvePath } from "./command";
import type { CommandContext } from "./command";
import { defineFilter, lines, parseFlags, readOperands } from "./filter";
import type { AnyFilter } from "./filter";

/** Runs a filter's own feed/end over each readable file operand in turn. */
function overFiles<S>(
  name: string,
  operands: string[],
  ctx: CommandContext,
  fresh: () => S,
  feed: (st: S, text: string) => void,
  end: (st: S) => void,
): number {
  const { files, status } = readOperands(name, operands, ctx);
  const st = fresh();
  for (const f of files) feed(st, f.text);
  end(st);
  return status;
}

// ---- cat ----

export const cat: AnyFilter = defineFilter<Record<string, never>>({
  start(args, ctx) {
    const { operands } = parseFlags(args);
    if (operands.length === 0) return { state: {} };
    let status = 0;
    for (const name of operands) {
      if (name === "-") {
        ctx.out(ctx.stdin);
        continue;
      }
      const path = resolvePath(ctx.cwd, name);
      const content = ctx.host.fs.read(path);
      if (content !== undefined) ctx.out(content);
      else {
        ctx.err(ctx.host.fs.kind(path) === "dir" ? "cat: read error: Is a directory\n" : `cat: can't open '${name}': No such file or directory\n`);
        status = 1;
      }
    }
    return { status };
  },
  feed(_st, text, ctx) {
    ctx.out(text);
    return false;
  },
  end: () => 0,
});

// ---- wc ----

interface WcState {
  l: number;
  w: number;
  c: number;
  /** Which counts to print, in l w c order. */
  show: string;
  /** Inside a word at the end of the last chunk. */
  inWord: boolean;
}

function wcCount(st: WcState, text: string): void {
  st.c += new TextEncoder().encode(text).length;
  for (const ch of text) {
    if (ch === "\n") st.l++;
    const space = /\s/.test(ch);
    if (!space && !st.inWord) st.w++;
    st.inWord = !space;
  }
}

/** busybox: one count alone is printed bare; several are padded to 9 columns. */
function wcLine(st: WcState, name: string | undefined, bare: boolean): string {
  const counts = [..."lwc"].filter((k) => st.show.includes(k)).map((k) => st[k as "l" | "w" | "c"]);
  const text = bare && counts.length === 1 ? String(counts[0]) : counts.map((n, i) => (i > 0 ? " " : "") + String(n).padStart(9)).join("");
  return name === undefined ? `${text}\n` : `${text} ${name}\n`;
}

export const wc: AnyFilter = defineFilter<WcState>({
  start(args, ctx) {
    const p = parseFlags(args);
    const show = [..."lwc"].filter((k) => p.flags.has(k) || (k === "c" && p.flags.has("m"))).join("") || "lwc";
    const fresh = (): WcState => ({ l: 0, w: 0, c: 0, show, inWord: false });
    if (p.operands.length === 0) return { state: fresh() };
    const { files, status } = readOperands("wc", p.operands, ctx);
    const total = fresh();
    for (const f of files) {
      const st = fresh();
      wcCount(st, f.text);
      ctx.out(wcLine(st, f.name, p.operands.length === 1));
      total.l += st.l;
      total.w += st.w;
      total.c += st.c;
    }
    if (p.operands.length > 1) ctx.out(wcLine(total, "total", false));
    return { status };
  },
  feed(st, text) {
    wcCount(st, text);
    return false;
  },
  end(st, ctx) {
    ctx.out(wcLine(st, undefined, true));
    return 0;
  },
});

// ---- head / tail ----

/** `-n N`, `-N` or the default 10; `+N` (tail: from line N) when `plus` is allowed. */
function lineCount(args: string[], cmd: string, ctx: CommandContext): { n: number; from: boolean; operands: string[]; follow: boolean; retry: boolean } | undefined {
  const rest = args.map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
  const p = parseFlags(rest, "nc");
  const raw = p.values.n?.[p.values.n.length - 1] ?? "10";
  const m = /^([+-]?)(\d+)$/.exec(raw);
  if (p.bad !== undefined || m === null) {
    ctx.err(p.bad !== undefined ? `${cmd}: option requires an argument -- '${p.bad}'\n` : `${cmd}: invalid number '${raw}'\n`);
    return undefined;
  }
  return { n: Number(m[2]), from: m[1] === "+" && cmd === "tail", operands: p.operands, follow: p.flags.has("f") || p.flags.has("F"), retry: p.flags.has("F") };
}

interface HeadState {
  left: number;
}

function headFeed(st: HeadState, text: string, ctx: CommandContext): boolean {
  let out = "";
  let at = 0;
  while (st.left > 0 && at < text.length) {
    const nl = text.indexOf("\n", at);
    const end = nl < 0 ? text.length : nl + 1;
    out += text.slice(at, end);
    at = end;
    st.left--;
  }
  ctx.out(out);
  return st.left <= 0;
}

export const head: AnyFilter = defineFilter<HeadState>({
  start(args, ctx) {
    const c = lineCount(args, "head", ctx);
    if (c === undefined) return { status: 1 };
    if (c.operands.length === 0) return { state: { left: c.n } };
    const { files, status } = readOperands("head", c.operands, ctx);
    files.forEach((f, i) => {
      if (c.operands.length > 1) ctx.out(`${i > 0 ? "\n" : ""}==> ${f.name} <==\n`);
      headFeed({ left: c.n }, f.text, ctx);
    });
    return { status };
  },
  feed: headFeed,
  end: () => 0,
});

interface TailState {
  n: number;
  /** `+N`: print from line N on, counting in `seen`. */
  from: boolean;
  seen: number;
  /** The last n lines (with their newlines). */
  keep: string[];
  /** `-f`: after the end, wait (forever: files are not watched). */
  follow: boolean;
}

function tailFeed(st: TailState, text: string, ctx: CommandContext): boolean {
  for (const line of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
    st.seen++;
    if (st.from) {
      if (st.seen >= st.n) ctx.out(line);
    } else {
      st.keep.push(line);
      if (st.keep.length > st.n) st.keep.shift();
    }
  }
  return false;
}

/** Following a file never ends in the simulation: the process sleeps for good. */
const FOREVER_MS = 100 * 365 * 86_400_000;

export const tail: AnyFilter = defineFilter<TailState>({
  start(args, ctx) {
    const c = lineCount(args, "tail", ctx);
    if (c === undefined) return { status: 1 };
    const fresh = (): TailState => ({ n: c.n, from: c.from, seen: 0, keep: [], follow: c.follow });
    if (c.operands.length === 0) return { state: fresh() };
    const { files, status } = readOperands("tail", c.operands, ctx);
    files.forEach((f, i) => {
      if (c.operands.length > 1) ctx.out(`${i > 0 ? "\n" : ""}==> ${f.name} <==\n`);
      const st = fresh();
      tailFeed(st, f.text, ctx);
      ctx.out(st.keep.join(""));
    });
    // -F follows by name: a file that is missing yet is followed too, from when it appears.
    const followed = c.retry ? c.operands : files.map((f) => f.name);
    if (c.follow && followed.length > 0) {
      if (ctx.follow) ctx.follow(followed.map((name) => resolvePath(ctx.cwd, name)));
      else ctx.sleep(FOREVER_MS);
    }
    return { status };
  },
  feed: tailFeed,
  end(st, ctx) {
    ctx.out(st.keep.join(""));
    return 0;
  },
});

// ---- sort / uniq ----

interface SortState {
  lines: string[];
  opts: string;
}

/** The leading number of a line, as sort -n reads it (no number sorts as 0). */
const numericKey = (line: string): number => Number(/^\s*[-+]?(\d+(\.\d*)?|\.\d+)/.exec(line)?.[0] ?? "0");
const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sorted(st: SortState): string {
  const numeric = st.opts.includes("n");
  const fold = st.opts.includes("f");
  const key = (s: string): string => (fold ? s.toUpperCase() : s);
  const primary = (a: string, b: string): number => (numeric ? numericKey(a) - numericKey(b) : byteOrder(key(a), key(b)));
  const out = [...st.lines].sort((a, b) => primary(a, b) || (st.opts.includes("u") ? 0 : byteOrder(a, b)));
  if (st.opts.includes("r")) out.reverse();
  const unique = st.opts.includes("u") ? out.filter((l, i) => i === 0 || primary(out[i - 1], l) !== 0) : out;
  return unique.map((l) => `${l}\n`).join("");
}

export const sort: AnyFilter = defineFilter<SortState>({
  start(args, ctx) {
    const p = parseFlags(args);
    const opts = [..."rnuf"].filter((o) => p.flags.has(o)).join("");
    if (p.operands.length === 0) return { state: { lines: [], opts } };
    const st: SortState = { lines: [], opts };
    const { files, status } = readOperands("sort", p.operands, ctx);
    for (const f of files) st.lines.push(...lines(f.text));
    ctx.out(sorted(st));
    return { status };
  },
  feed(st, text) {
    st.lines.push(...lines(text));
    return false;
  },
  end(st, ctx) {
    ctx.out(sorted(st));
    return 0;
  },
});

interface UniqState {
  prev?: string;
  count: number;
  opts: string;
}

function uniqGroup(st: UniqState): string {
  if (st.prev === undefined) return "";
  if (st.opts.includes("d") && st.count < 2) return "";
  if (st.opts.includes("u") && st.count > 1) return "";
  return st.opts.includes("c") ? `${String(st.count).padStart(7)} ${st.prev}\n` : `${st.prev}\n`;
}

function uniqFeed(st: UniqState, text: string, ctx: CommandContext): boolean {
  let out = "";
  for (const line of lines(text)) {
    if (line === st.prev) st.count++;
    else {
      out += uniqGroup(st);
      st.prev = line;
      st.count = 1;
    }
  }
  ctx.out(out);
  return false;
}

export const uniq: AnyFilter = defineFilter<UniqState>({
  start(args, ctx) {
    const p = parseFlags(args);
    const opts = [..."cdu"].filter((o) => p.flags.has(o)).join("");
    if (p.operands.length === 0) return { state: { count: 0, opts } };
    return {
      status: overFiles("uniq", p.operands.slice(0, 1), ctx, (): UniqState => ({ count: 0, opts }), (st, t) => uniqFeed(st, t, ctx), (st) => ctx.out(uniqGroup(st))),
    };
  },
  feed: uniqFeed,
  end(st, ctx) {
    ctx.out(uniqGroup(st));
    return 0;
  },
});

// ---- cut ----

interface CutState {
  /** 1-based inclusive ranges; `to` 0 means to the end of the line. */
  ranges: [number, number][];
  delim?: string;
  /** -f (fields) or -c/-b (characters). */
  fields: boolean;
  onlyDelimited: boolean;
}

function parseList(list: string): [number, number][] | undefined {
  const out: [number, number][] = [];
  for (const item of list.split(",")) {
    const m = /^(\d*)(-?)(\d*)$/.exec(item);
    if (!m || (m[1] === "" && m[3] === "")) return undefined;
    const from = m[1] === "" ? 1 : Number(m[1]);
    const to = m[2] === "" ? from : m[3] === "" ? 0 : Number(m[3]);
    if (from < 1) return undefined;
    out.push([from, to]);
  }
  return out;
}

function cutFeed(st: CutState, text: string, ctx: CommandContext): boolean {
  const inRange = (i: number): boolean => st.ranges.some(([a, b]) => i >= a && (b === 0 || i <= b));
  let out = "";
  for (const line of lines(text)) {
    if (!st.fields) {
      out += `${[...line].filter((_, i) => inRange(i + 1)).join("")}\n`;
      continue;
    }
    const delim = st.delim ?? "\t";
    if (!line.includes(delim)) {
      if (!st.onlyDelimited) out += `${line}\n`;
      continue;
    }
    out += `${line.split(delim).filter((_, i) => inRange(i + 1)).join(delim)}\n`;
  }
  ctx.out(out);
  return false;
}

export const cut: AnyFilter = defineFilter<CutState>({
  start(args, ctx) {
    const p = parseFlags(args, "dfcb");
    const list = p.values.f ?? p.values.c ?? p.values.b;
    const ranges = list === undefined ? undefined : parseList(list[0]);
    if (ranges === undefined) {
      ctx.err(list === undefined ? "cut: expected a list of bytes, characters, or fields\n" : `cut: invalid range '${list[0]}'\n`);
      return { status: 1 };
    }
    const st: CutState = { ranges, fields: p.values.f !== undefined, onlyDelimited: p.flags.has("s") };
    const d = p.values.d?.[0];
    if (d !== undefined) {
      if ([...d].length !== 1) {
        ctx.err("cut: the delimiter must be a single character\n");
        return { status: 1 };
      }
      st.delim = d;
    }
    if (p.operands.length === 0) return { state: st };
    return { status: overFiles("cut", p.operands, ctx, () => st, (s, t) => cutFeed(s, t, ctx), () => undefined) };
  },
  feed: cutFeed,
  end: () => 0,
});

// ---- tr ----

const TR_CLASSES: Record<string, string> = {
  lower: "abcdefghijklmnopqrstuvwxyz", upper: "ABCDEFGHIJKLMNOPQRSTUVWXYZ", digit: "0123456789",
  space: " \t\n\r\f\v", blank: " \t",
};
TR_CLASSES.alpha = TR_CLASSES.lower + TR_CLASSES.upper;
TR_CLASSES.alnum = TR_CLASSES.alpha + TR_CLASSES.digit;
const TR_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", f: "\f", v: "\v" };

/** A tr SET spelled out: ranges a-z, classes [:lower:], escapes \n. */
function trSet(spec: string): string[] {
  const chars: string[] = [];
  for (let i = 0; i < spec.length; i++) {
    const cls = /^\[:([a-z]+):\]/.exec(spec.slice(i));
    if (cls && TR_CLASSES[cls[1]] !== undefined) {
      chars.push(...TR_CLASSES[cls[1]]);
      i += cls[0].length - 1;
      continue;
    }
    let c = spec[i];
    if (c === "\\" && i + 1 < spec.length) c = TR_ESCAPES[spec[++i]] ?? spec[i];
    if (spec[i + 1] === "-" && i + 2 < spec.length) {
      let end = spec[i + 2];
      let skip = 2;
      if (end === "\\" && i + 3 < spec.length) {
        end = TR_ESCAPES[spec[i + 3]] ?? spec[i + 3];
        skip = 3;
      }
      for (let code = c.charCodeAt(0); code <= end.charCodeAt(0); code++) chars.push(String.fromCharCode(code));
      i += skip;
    } else chars.push(c);
  }
  return chars;
}

interface TrState {
  from: string[];
  to: string[];
  del: boolean;
  squeeze: boolean;
  last?: string;
}

function trFeed(st: TrState, text: string, ctx: CommandContext): boolean {
  let out = "";
  for (const ch of text) {
    const at = st.from.indexOf(ch);
    let c = ch;
    if (at >= 0) {
      if (st.del) continue;
      if (st.to.length > 0) c = st.to[Math.min(at, st.to.length - 1)];
    }
    // -s squeezes repeats of the characters of the last set given.
    const squeezeSet = st.to.length > 0 ? st.to : st.from;
    if (st.squeeze && c === st.last && squeezeSet.includes(c)) continue;
    st.last = c;
    out += c;
  }
  ctx.out(out);
  return false;
}

export const tr: AnyFilter = defineFilter<TrState>({
  start(args, ctx) {
    const p = parseFlags(args);
    const del = p.flags.has("d");
    const squeeze = p.flags.has("s");
    const [a, b] = p.operands;
    if (a === undefined || (!del && !squeeze && b === undefined)) {
      ctx.err(a === undefined ? "tr: missing operand\n" : `tr: missing operand after '${a}'\n`);
      return { status: 1 };
    }
    return { state: { from: trSet(a), to: del || b === undefined ? [] : trSet(b), del, squeeze } };
  },
  feed: trFeed,
  end: () => 0,
});

// ---- tee ----

interface TeeState {
  paths: string[];
  /** A file could not be opened: the exit status is 1. */
  failed: boolean;
}

function teeFeed(st: TeeState, text: string, ctx: CommandContext): boolean {
  ctx.out(text);
  for (const p of st.paths) {
    try {
      ctx.host.fs.write(p, text, true);
    } catch {
      // Reported when the file was opened.
    }
  }
  return false;
}

export const tee: AnyFilter = defineFilter<TeeState>({
  start(args, ctx) {
    const p = parseFlags(args);
    const paths: string[] = [];
    let failed = false;
    for (const name of p.operands) {
      const path = resolvePath(ctx.cwd, name);
      try {
        ctx.host.fs.write(path, "", p.flags.has("a"));
        paths.push(path);
      } catch {
        ctx.err(`tee: ${name}: No such file or directory\n`);
        failed = true;
      }
    }
    return { state: { paths, failed } };
  },
  feed: teeFeed,
  end: (st) => (st.failed ? 1 : 0),
});
