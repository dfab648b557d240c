// The text of a quoted JSONPath literal, as client-go's UnquoteExtend reads it: Go's
// strconv.UnquoteChar escapes in both '…' and "…" (\n \t \\ \' \" \x41 \101 \u00e9 …).
// \x and octal escapes are bytes, so "\xc3\xa9" is "é".

const SIMPLE: Record<string, number> = { a: 0x07, b: 0x08, f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b, "\\": 0x5c };
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** The unquoted text of `body` (what lies between the quotes), or undefined for Go's "invalid syntax". */
export function goUnquote(body: string, quote: "'" | '"'): string | undefined {
  const bytes: number[] = [];
  const pushText = (text: string) => bytes.push(...Buffer.from(text, "utf8"));
  for (let i = 0; i < body.length; ) {
    const ch = body[i];
    if (ch === quote) return undefined;
    if (ch !== "\\") {
      const cp = body.codePointAt(i)!;
      const text = String.fromCodePoint(cp);
      pushText(text);
      i += text.length;
      continue;
    }
    const c = body[i + 1];
    i += 2;
    if (c === undefined) return undefined;
    if (c in SIMPLE) bytes.push(SIMPLE[c]);
    else if (c === "'" || c === '"') {
      if (c !== quote) return undefined;
      bytes.push(c.charCodeAt(0));
    } else if (c in HEX_DIGITS) {
      const digits = body.slice(i, i + HEX_DIGITS[c]);
      if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== HEX_DIGITS[c]) return undefined;
      i += digits.length;
      const v = parseInt(digits, 16);
      if (c === "x") bytes.push(v);
      else if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
      else pushText(String.fromCodePoint(v));
    } else if (c >= "0" && c <= "7") {
      const digits = c + body.slice(i, i + 2);
      if (!/^[0-7]{3}$/.test(digits)) return undefined;
      i += 2;
      const v = parseInt(digits, 8);
      if (v > 255) return undefined;
      bytes.push(v);
    } else return undefined;
  }
  return Buffer.from(bytes).toString("utf8");
}
