// Shell patterns (* ? [...]) for pathname expansion and `case`, after POSIX "Pattern
// Matching Notation" (XCU 2.13) as dash/busybox implement it with glob(3): a pattern that
// matches nothing stays as written, names starting with `.` need an explicit dot, results are
// sorted in byte order (the C locale of container images). A pattern here is the word's text
// with quoted characters escaped by a backslash, so `"*"` and `\*` match a literal star.

import type { FileSystem } from "../types";

const CLASSES: Record<string, string> = {
  alpha: "A-Za-z", digit: "0-9", alnum: "A-Za-z0-9", upper: "A-Z", lower: "a-z", space: " \\t\\n\\r\\f\\v",
  blank: " \\t", punct: "!-\\/:-@\\[-`{-~", xdigit: "0-9A-Fa-f", print: " -~", graph: "!-~", cntrl: "\\x00-\\x1f\\x7f",
};

/** Escapes a quoted text so that no character in it is a pattern character. */
export function quotePattern(text: string): string {
  return text.replace(/[\\*?[\]]/g, "\\$&");
}

/** Whether a pattern has an unescaped * ? or [ (otherwise it is a plain word). */
export function hasPattern(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === "\\") i++;
    else if (pattern[i] === "*" || pattern[i] === "?" || pattern[i] === "[") return true;
  }
  return false;
}

/** The text a pattern stands for when taken literally (its escapes removed). */
export function unquotePattern(pattern: string): string {
  return pattern.replace(/\\(.)/gs, "$1");
}

/** The body of a JavaScript regular expression matching what `pattern` matches. */
function patternSource(pattern: string): string {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\" && i + 1 < pattern.length) re += escapeRe(pattern[++i]);
    else if (c === "*") re += "[^]*";
    else if (c === "?") re += "[^]";
    else if (c === "[") {
      const cls = bracket(pattern, i);
      if (cls === undefined) re += "\\[";
      else {
        re += cls.source;
        i = cls.end;
      }
    } else re += escapeRe(c);
  }
  return re;
}

/** A bracket expression starting at `start`, or undefined when it is not closed (then `[` is literal). */
function bracket(pattern: string, start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (pattern[i] === "!" || pattern[i] === "^") {
    negate = true;
    i++;
  }
  let body = "";
  for (let first = true; i < pattern.length; first = false, i++) {
    const c = pattern[i];
    if (c === "]" && !first) return { source: `[${negate ? "^" : ""}${body}]`, end: i };
    const named = /^\[:([a-z]+):\]/.exec(pattern.slice(i));
    if (named && CLASSES[named[1]] !== undefined) {
      body += CLASSES[named[1]];
      i += named[0].length - 1;
    } else if (c === "\\" && i + 1 < pattern.length) body += `\\${pattern[++i]}`;
    else body += c === "-" ? "-" : c.replace(/[\]\\^[]/g, "\\$&");
  }
  return undefined;
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Whether `text` matches the whole pattern (`case`, and each name in pathname expansion). */
export function globMatch(pattern: string, text: string): boolean {
  return new RegExp(`^${patternSource(pattern)}$`).test(text);
}

/**
 * Pathname expansion: the paths matching `pattern` (relative ones seen from `cwd` and
 * returned relative), sorted; empty when nothing matches.
 */
export function expandPathname(pattern: string, cwd: string, fs: FileSystem): string[] {
  const absolute = pattern.startsWith("/");
  // `prefix` is the path as written so far; `dir` where it is in the filesystem.
  let found: { prefix: string; dir: string }[] = [{ prefix: absolute ? "/" : "", dir: absolute ? "/" : cwd }];
  const segments = pattern.split("/");
  const parts = absolute ? segments.slice(1) : segments;
  for (let p = 0; p < parts.length; p++) {
    const seg = parts[p];
    const last = p === parts.length - 1;
    const next: { prefix: string; dir: string }[] = [];
    for (const { prefix, dir } of found) {
      const join = (name: string): { prefix: string; dir: string } => ({
        prefix: prefix === "" || prefix.endsWith("/") ? `${prefix}${name}` : `${prefix}/${name}`,
        dir: dir === "/" ? `/${name}` : `${dir}/${name}`,
      });
      if (seg === "") {
        // `a//b` is `a/b`; a trailing slash keeps only directories.
        if (!last) next.push({ prefix, dir });
        else if (fs.kind(dir) === "dir") next.push({ prefix: prefix.endsWith("/") ? prefix : `${prefix}/`, dir });
        continue;
      }
      if (!hasPattern(seg)) {
        const e = join(unquotePattern(seg));
        if (last ? fs.kind(e.dir) !== undefined : fs.kind(e.dir) === "dir") next.push(e);
        continue;
      }
      const dotOk = seg.startsWith(".") || seg.startsWith("\\.");
      for (const name of fs.list(dir) ?? []) {
        if (name.startsWith(".") && !dotOk) continue;
        if (!globMatch(seg, name)) continue;
        const e = join(name);
        if (last || fs.kind(e.dir) === "dir") next.push(e);
      }
    }
    found = next;
  }
  return found.map((f) => f.prefix).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
