import { describe, expect, it } from "vitest";
import { goUnquote } from "./go-unquote";

describe("goUnquote (strconv.UnquoteChar over a quoted JSONPath literal)", () => {
  it.each([
    { name: "plain text", body: "abc", quote: "'", want: "abc" },
    { name: "the one-letter escapes", body: "\\a\\b\\f\\n\\r\\t\\v\\\\", quote: '"', want: "\x07\b\f\n\r\t\v\\" },
    { name: "its own quote, escaped", body: "it\\'s", quote: "'", want: "it's" },
    { name: "the other quote, escaped: invalid", body: 'a\\"b', quote: "'", want: undefined },
    { name: "its own quote, bare: invalid", body: 'a"b', quote: '"', want: undefined },
    { name: "\\x as a byte, UTF-8 across two", body: "\\x41\\xc3\\xa9", quote: '"', want: "Aé" },
    { name: "\\u and \\U as runes", body: "\\u00e9\\U0001F600", quote: '"', want: "é😀" },
    { name: "a surrogate rune: invalid", body: "\\ud800", quote: '"', want: undefined },
    { name: "three octal digits", body: "\\101\\011", quote: "'", want: "A\t" },
    { name: "octal over 255: invalid", body: "\\400", quote: "'", want: undefined },
    { name: "too few hex digits: invalid", body: "\\x4", quote: "'", want: undefined },
    { name: "an unknown escape: invalid", body: "a\\qb", quote: "'", want: undefined },
    { name: "a trailing backslash: invalid", body: "a\\", quote: "'", want: undefined },
    { name: "non-ASCII text as is", body: "héllo", quote: "'", want: "héllo" },
  ] as const)("$name", ({ body, quote, want }) => expect(goUnquote(body, quote)).toBe(want));
});
