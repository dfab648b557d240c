// POSIX regular expressions (basic and extended, as grep and sed read them) translated to
// JavaScript ones, after GNU/busybox regcomp: in a basic RE `\( \) \{ \} \| \+ \?` are the
// operators and the bare characters are literal; `[[:class:]]` names become ranges.

const CLASSES: Record<string, string> = {
  alpha: "A-Za-z", digit: "0-9", alnum: "A-Za-z0-9", upper: "A-Z", lower: "a-z", space: " \\t\\n\\r\\f\\v",
  blank: " \\t", punct: "!-\\/:-@\\[-`{-~", xdigit: "0-9A-Fa-f", print: " -~", graph: "!-~", cntrl: "\\x00-\\x1f\\x7f",
};

/** The JavaScript source of a POSIX basic (`extended` false) or extended regular expression. */
export function posixRegexSource(pattern: string, extended: boolean): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const atStart = out === "" || out.endsWith("^") || out.endsWith("(") || out.endsWith("|");
    if (c === "\\" && i + 1 < pattern.length) {
      const n = pattern[++i];
      if (!extended && "(){}|+?".includes(n)) out += n;
      else if (/[1-9wWsSbB]/.test(n)) out += `\\${n}`;
      else if (n === "<" || n === ">") out += "\\b";
      else if (n === "n") out += "\\n";
      else if (n === "t") out += "\\t";
      else out += escape(n);
    } else if (c === "[") {
      const end = bracketEnd(pattern, i);
      if (end < 0) out += "\\[";
      else {
        out += bracketSource(pattern.slice(i + 1, end));
        i = end;
      }
    } else if (!extended && "(){}|+?".includes(c)) out += `\\${c}`;
    else if (c === "*" && atStart) out += "\\*";
    else if (c === "/") out += "\\/";
    else out += c;
  }
  return out;
}

/** Compiles a POSIX regular expression; undefined when JavaScript rejects the translation. */
export function compilePosix(pattern: string, extended: boolean, flags = ""): RegExp | undefined {
  try {
    return new RegExp(posixRegexSource(pattern, extended), flags);
  } catch {
    return undefined;
  }
}

/** Escapes text to match itself literally (grep -F). */
export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Index of the `]` closing the bracket expression opened at `start`, or -1. */
function bracketEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === "^") i++;
  if (pattern[i] === "]") i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === "[" && pattern[i + 1] === ":") {
      const close = pattern.indexOf(":]", i + 2);
      if (close > 0) i = close + 1;
    } else if (pattern[i] === "]") return i;
  }
  return -1;
}

/** A bracket expression's body in JavaScript terms (a backslash is literal inside POSIX brackets). */
function bracketSource(body: string): string {
  let out = "";
  let i = 0;
  if (body.startsWith("^")) {
    out += "^";
    i = 1;
  }
  for (; i < body.length; i++) {
    const named = /^\[:([a-z]+):\]/.exec(body.slice(i));
    if (named && CLASSES[named[1]] !== undefined) {
      out += CLASSES[named[1]];
      i += named[0].length - 1;
    } else out += "\\^[]".includes(body[i]) ? `\\${body[i]}` : body[i];
  }
  return `[${out}]`;
}
