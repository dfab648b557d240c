// grep and sed as streaming filters, after busybox findutils/grep.c and editors/sed.c (the
// subset container scripts use): grep -i -v -c -q -n -l -h -o -w -x -E -F -e, and sed
// -n -e -E -i with `s/RE/REPL/[gip]`, `p`, `d`, `q` behind an optional line, `$` or /RE/ address.

import { defineFilter, lines, parseFlags, readOperands } from "./filter";
import type { AnyFilter } from "./filter";
import { escape, posixRegexSource } from "./regex";
import { resolvePath } from "./command";
import type { CommandContext } from "./command";

interface GrepState {
  source: string;
  flags: string;
  /** i v c q n l h o */
  opts: string;
  matched: number;
  lineNo: number;
  /** The file being read, printed before each line when there are several. */
  label?: string;
}

function grepLines(st: GrepState, text: string, ctx: CommandContext): boolean {
  const re = new RegExp(st.source, st.flags);
  const has = (o: string): boolean => st.opts.includes(o);
  let out = "";
  for (const line of lines(text)) {
    st.lineNo++;
    re.lastIndex = 0;
    const hit = re.test(line) !== has("v");
    if (!hit) continue;
    st.matched++;
    if (has("q") || has("l")) break;
    if (has("c")) continue;
    const prefix = (st.label !== undefined ? `${st.label}:` : "") + (has("n") ? `${st.lineNo}:` : "");
    if (has("o") && !has("v")) {
      const all = new RegExp(st.source, `${st.flags}g`);
      for (const m of line.matchAll(all)) if (m[0] !== "") out += `${prefix}${m[0]}\n`;
    } else out += `${prefix}${line}\n`;
  }
  ctx.out(out);
  return (has("q") || has("l")) && st.matched > 0;
}

function grepEnd(st: GrepState, ctx: CommandContext): void {
  if (st.opts.includes("q")) return;
  if (st.opts.includes("l")) {
    if (st.matched > 0) ctx.out(`${st.label ?? "(standard input)"}\n`);
  } else if (st.opts.includes("c")) ctx.out(`${st.label !== undefined ? `${st.label}:` : ""}${st.matched}\n`);
}

export const grep: AnyFilter = defineFilter<GrepState>({
  start(args, ctx) {
    const p = parseFlags(args, "ef");
    if (p.bad !== undefined) {
      ctx.err(`grep: option requires an argument -- '${p.bad}'\n`);
      return { status: 2 };
    }
    const patterns = [...(p.values.e ?? [])];
    for (const f of p.values.f ?? []) patterns.push(...lines(ctx.host.fs.read(resolvePath(ctx.cwd, f)) ?? ""));
    if (patterns.length === 0 && p.values.f === undefined) {
      const first = p.operands.shift();
      if (first === undefined) {
        ctx.err("Usage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n");
        return { status: 2 };
      }
      patterns.push(...first.split("\n"));
    }
    const extended = p.flags.has("E");
    const parts = patterns.map((pat) => (p.flags.has("F") ? escape(pat) : posixRegexSource(pat, extended)));
    let source = parts.map((s) => `(?:${s})`).join("|");
    if (p.flags.has("w")) source = `(?<![\\w])(?:${source})(?![\\w])`;
    if (p.flags.has("x")) source = `^(?:${source})$`;
    const flags = p.flags.has("i") ? "i" : "";
    if (!valid(source, flags)) {
      ctx.err("grep: bad regex\n");
      return { status: 2 };
    }
    const opts = [..."ivcqnlho"].filter((o) => p.flags.has(o)).join("");
    const st: GrepState = { source, flags, opts, matched: 0, lineNo: 0 };
    if (p.operands.length === 0) return { state: st };
    const { files, status } = readOperands("grep", p.operands, ctx);
    let total = 0;
    for (const f of files) {
      const one: GrepState = { ...st, matched: 0, lineNo: 0 };
      if (p.operands.length > 1 && !p.flags.has("h")) one.label = f.name;
      else if (p.flags.has("l")) one.label = f.name;
      grepLines(one, f.text, ctx);
      grepEnd(one, ctx);
      total += one.matched;
      if (one.matched > 0 && p.flags.has("q")) return { status: 0 };
    }
    return { status: status !== 0 && !p.flags.has("s") ? 2 : total > 0 ? 0 : 1 };
  },
  feed: grepLines,
  end(st, ctx) {
    grepEnd(st, ctx);
    return st.matched > 0 ? 0 : 1;
  },
});

function valid(source: string, flags: string): boolean {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}

// ---- sed ----

type Address = { t: "line"; n: number } | { t: "last" } | { t: "re"; source: string; flags: string };

type SedCommand =
  | { c: "s"; addr?: Address; source: string; flags: string; repl: string; global: boolean; print: boolean }
  | { c: "p" | "d" | "q"; addr?: Address };

interface SedState {
  cmds: SedCommand[];
  quiet: boolean;
  lineNo: number;
  /** With a `$` address, each line waits until the next arrives (or input ends) to know if it is the last. */
  held?: string;
  quit?: boolean;
}

/** Parses a sed script; returns an error text for what is not supported. */
function parseSed(script: string, extended: boolean): SedCommand[] | string {
  const cmds: SedCommand[] = [];
  let i = 0;
  const delimited = (delim: string): string | undefined => {
    let out = "";
    for (; i < script.length; i++) {
      const c = script[i];
      if (c === "\\" && script[i + 1] === delim) {
        out += delim;
        i++;
      } else if (c === "\\" && i + 1 < script.length) {
        out += c + script[++i];
      } else if (c === delim) {
        i++;
        return out;
      } else out += c;
    }
    return undefined;
  };
  while (i < script.length) {
    while (i < script.length && /[\s;]/.test(script[i])) i++;
    if (i >= script.length) break;
    let addr: Address | undefined;
    const num = /^\d+/.exec(script.slice(i));
    if (num) {
      addr = { t: "line", n: Number(num[0]) };
      i += num[0].length;
    } else if (script[i] === "$") {
      addr = { t: "last" };
      i++;
    } else if (script[i] === "/") {
      i++;
      const re = delimited("/");
      if (re === undefined) return "unterminated address regex";
      addr = { t: "re", source: posixRegexSource(re, extended), flags: "" };
    }
    const c = script[i++];
    if (c === "p" || c === "d" || c === "q") cmds.push(addr ? { c, addr } : { c });
    else if (c === "s") {
      const delim = script[i++];
      const re = delimited(delim);
      const repl = re === undefined ? undefined : delimited(delim);
      if (re === undefined || repl === undefined) return "unterminated `s' command";
      const flags = /^[gpiI]*/.exec(script.slice(i))?.[0] ?? "";
      i += flags.length;
      const cmd: SedCommand = {
        c: "s", source: posixRegexSource(re, extended), flags: /[iI]/.test(flags) ? "i" : "", repl,
        global: flags.includes("g"), print: flags.includes("p"),
      };
      if (addr) cmd.addr = addr;
      cmds.push(cmd);
    } else return `unsupported command ${c ?? ""}`;
  }
  return cmds;
}

/** A replacement with `&`, `\1`…`\9` and `\n` for one match. */
function replacement(repl: string, m: string[]): string {
  let out = "";
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c === "&") out += m[0];
    else if (c === "\\" && i + 1 < repl.length) {
      const n = repl[++i];
      out += /\d/.test(n) ? (m[Number(n)] ?? "") : n === "n" ? "\n" : n === "t" ? "\t" : n;
    } else out += c;
  }
  return out;
}

function sedLine(st: SedState, line: string, last: boolean): string {
  let space = line;
  let out = "";
  const hits = (a: Address | undefined): boolean =>
    a === undefined || (a.t === "line" ? a.n === st.lineNo : a.t === "last" ? last : new RegExp(a.source, a.flags).test(space));
  for (const cmd of st.cmds) {
    if (!hits(cmd.addr)) continue;
    if (cmd.c === "d") return out;
    if (cmd.c === "p") out += `${space}\n`;
    else if (cmd.c === "q") {
      st.quit = true;
      break;
    } else if (cmd.c === "s") {
      const re = new RegExp(cmd.source, cmd.global ? `${cmd.flags}g` : cmd.flags);
      let changed = false;
      space = space.replace(re, (...m: unknown[]) => {
        changed = true;
        const groups = m.slice(0, -2).filter((x) => typeof x === "string" || x === undefined) as string[];
        return replacement(cmd.repl, groups);
      });
      if (changed && cmd.print) out += `${space}\n`;
    }
  }
  return st.quiet ? out : `${out}${space}\n`;
}

function sedFeed(st: SedState, text: string, needLast: boolean): string {
  let out = "";
  for (const line of lines(text)) {
    if (st.quit) break;
    if (needLast) {
      if (st.held !== undefined) {
        st.lineNo++;
        out += sedLine(st, st.held, false);
      }
      st.held = line;
    } else {
      st.lineNo++;
      out += sedLine(st, line, false);
    }
  }
  return out;
}

function sedFlush(st: SedState): string {
  if (st.held === undefined || st.quit) return "";
  st.lineNo++;
  const out = sedLine(st, st.held, true);
  delete st.held;
  return out;
}

const usesLast = (st: SedState): boolean => st.cmds.some((c) => c.addr?.t === "last");

export const sed: AnyFilter = defineFilter<SedState>({
  start(args, ctx) {
    const p = parseFlags(args, "e");
    const scripts = p.values.e ?? [];
    if (scripts.length === 0) {
      const s = p.operands.shift();
      if (s === undefined) {
        ctx.err("Usage: sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\n");
        return { status: 1 };
      }
      scripts.push(s);
    }
    const cmds = parseSed(scripts.join("\n"), p.flags.has("E") || p.flags.has("r"));
    if (typeof cmds === "string") {
      ctx.err(`sed: ${cmds}\n`);
      return { status: 1 };
    }
    const fresh = (): SedState => ({ cmds, quiet: p.flags.has("n"), lineNo: 0 });
    if (p.operands.length === 0) return { state: fresh() };
    const { files, status } = readOperands("sed", p.operands, ctx);
    if (p.flags.has("i")) {
      // -i edits each file in place, line numbers restarting per file.
      for (const f of files) {
        const st = fresh();
        const text = sedFeed(st, f.text, true) + sedFlush(st);
        ctx.host.fs.write(resolvePath(ctx.cwd, f.name), text);
      }
      return { status };
    }
    const st = fresh();
    ctx.out(sedFeed(st, files.map((f) => f.text).join(""), true) + sedFlush(st));
    return { status };
  },
  feed(st, text, ctx) {
    ctx.out(sedFeed(st, text, usesLast(st)));
    return st.quit === true;
  },
  end(st, ctx) {
    ctx.out(sedFlush(st));
    return 0;
  },
});
