// The `read` builtin's input handling, after POSIX XCU `read` and busybox shell/shell_common.c
// (shell_builtin_read): one line is taken from stdin, a backslash escapes the next character
// unless -r, and the line is split at IFS: IFS whitespace is trimmed and runs of it separate
// fields, any other IFS character separates exactly once, and the last name takes the rest.

import type { Stream } from "./state";

/**
 * Takes one line (without its newline) from `stdin`, or the unterminated rest once the
 * writer has finished (`complete` false: read then fails with status 1). Undefined when no
 * whole line has arrived yet and the pipe is still open.
 */
export function takeLine(stdin: Stream): { line: string; complete: boolean } | undefined {
  const nl = stdin.buf.indexOf("\n");
  if (nl < 0 && !stdin.eof) return undefined;
  const line = nl < 0 ? stdin.buf : stdin.buf.slice(0, nl);
  stdin.buf = nl < 0 ? "" : stdin.buf.slice(nl + 1);
  return { line, complete: nl >= 0 };
}

/** Splits a line into `count` values, as `read NAME…` assigns them. */
export function splitFields(line: string, count: number, raw: boolean, ifs: string): string[] {
  // Characters with a backslash before them (without -r) are kept and never split on.
  const chars: { c: string; escaped: boolean }[] = [];
  for (let i = 0; i < line.length; i++) {
    if (!raw && line[i] === "\\" && i + 1 < line.length) chars.push({ c: line[++i], escaped: true });
    else if (!raw && line[i] === "\\") continue;
    else chars.push({ c: line[i], escaped: false });
  }
  const isSep = (x: { c: string; escaped: boolean }): boolean => !x.escaped && ifs.includes(x.c);
  const isSpace = (x: { c: string; escaped: boolean }): boolean => isSep(x) && /\s/.test(x.c);
  const values: string[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    while (at < chars.length && isSpace(chars[at])) at++;
    let value = "";
    if (n === count - 1) {
      let end = chars.length;
      while (end > at && isSpace(chars[end - 1])) end--;
      value = chars.slice(at, end).map((x) => x.c).join("");
      at = chars.length;
    } else {
      while (at < chars.length && !isSep(chars[at])) value += chars[at++].c;
      while (at < chars.length && isSpace(chars[at])) at++;
      if (at < chars.length && isSep(chars[at])) at++;
    }
    values.push(value);
  }
  return values;
}
