// Builtins that only read the environment and write text: echo, printf, sleep, date,
// env, printenv, hostname, true, false and `:`.

import type { Builtin } from "./command";
import { DEFAULT_DATE_FORMAT, formatDate } from "./date-format";

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", a: "\x07", b: "\b", f: "\f", v: "\v" };

/** Backslash escapes of `echo -e` and printf formats; `\c` (echo) stops all output. */
function unescape(text: string): { text: string; stop: boolean } {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== "\\" || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const n = text[++i];
    if (n === "c") return { text: out, stop: true };
    if (n === "0") {
      const digits = /^[0-7]{0,3}/.exec(text.slice(i + 1))?.[0] ?? "";
      out += String.fromCharCode(parseInt(digits || "0", 8));
      i += digits.length;
    } else out += ESCAPES[n] ?? `\\${n}`;
  }
  return { text: out, stop: false };
}

export const echo: Builtin = (args, ctx) => {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
    for (const f of args[i].slice(1)) {
      if (f === "n") newline = false;
      else escapes = f === "e";
    }
  }
  const joined = args.slice(i).join(" ");
  if (!escapes) {
    ctx.out(newline ? `${joined}\n` : joined);
    return 0;
  }
  const { text, stop } = unescape(joined);
  ctx.out(newline && !stop ? `${text}\n` : text);
  return 0;
};

/** printf FORMAT [ARG]…: %s %d %i %x %o %c %% with flags and width; the format repeats while arguments remain. */
export const printf: Builtin = (args, ctx) => {
  if (args.length === 0) {
    ctx.err("printf: usage: printf format [arguments]\n");
    return 2;
  }
  const format = args[0];
  const rest = args.slice(1);
  let status = 0;
  let out = "";
  do {
    let used = false;
    const piece = format.replace(/%([-0 +#]*)(\d*)(?:\.(\d+))?([sdixoc%])/g, (_, flags: string, width: string, prec: string | undefined, conv: string) => {
      if (conv === "%") return "%";
      used = true;
      const arg = rest.shift() ?? "";
      let text: string;
      if (conv === "s" || conv === "c") {
        text = conv === "c" ? arg.slice(0, 1) : prec !== undefined ? arg.slice(0, Number(prec)) : arg;
      } else {
        let n = 0;
        if (arg !== "") {
          if (/^[-+]?\d+$/.test(arg.trim())) n = Number(arg.trim());
          else {
            ctx.err(`printf: invalid number '${arg}'\n`);
            status = 1;
          }
        }
        text = conv === "x" ? n.toString(16) : conv === "o" ? n.toString(8) : String(n);
      }
      const w = Number(width || "0");
      if (flags.includes("-")) return text.padEnd(w);
      if (flags.includes("0") && conv !== "s") {
        const neg = text.startsWith("-");
        return (neg ? "-" : "") + text.slice(neg ? 1 : 0).padStart(neg ? w - 1 : w, "0");
      }
      return text.padStart(w);
    });
    out += unescape(piece).text;
    if (!used) break;
  } while (rest.length > 0);
  ctx.out(out);
  return status;
};

const UNITS: Record<string, number> = { "": 1, s: 1, m: 60, h: 3600, d: 86400 };

/** sleep N[smhd]…: fractional seconds allowed; the durations add up. */
export const sleep: Builtin = (args, ctx) => {
  if (args.length === 0) {
    ctx.err("sleep: missing operand\n");
    return 1;
  }
  let total = 0;
  for (const a of args) {
    // `sleep infinity` (GNU; common in pod specs): a century of simulated time.
    if (a === "infinity" || a === "inf") {
      total += 100 * 365 * 86400;
      continue;
    }
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) {
      ctx.err(`sleep: invalid number '${a}'\n`);
      return 1;
    }
    total += Number(m[1]) * UNITS[m[2]];
  }
  ctx.sleep(Math.round(total * 1000));
  return 0;
};

export const date: Builtin = (args, ctx) => {
  const format = args.find((a) => a.startsWith("+"));
  ctx.out(`${formatDate(ctx.host.now, format ? format.slice(1) : DEFAULT_DATE_FORMAT)}\n`);
  return 0;
};

export const env: Builtin = (_args, ctx) => {
  for (const [k, v] of Object.entries(ctx.env)) ctx.out(`${k}=${v}\n`);
  return 0;
};

export const printenv: Builtin = (args, ctx) => {
  if (args.length === 0) return env(args, ctx);
  let status = 0;
  for (const name of args) {
    if (Object.prototype.hasOwnProperty.call(ctx.env, name)) ctx.out(`${ctx.env[name]}\n`);
    else status = 1;
  }
  return status;
};

export const hostname: Builtin = (_args, ctx) => {
  ctx.out(`${ctx.host.hostname}\n`);
  return 0;
};

export const trueCmd: Builtin = () => 0;
export const falseCmd: Builtin = () => 1;
