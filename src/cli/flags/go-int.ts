// Go's strconv.ParseInt(s, 0, bits), as pflag reads an int flag: a sign, then decimal, 0x hex,
// 0o or leading-0 octal, or 0b binary, with `_` between digits; "08" is invalid syntax and a
// value past the type's range is out of range. With base 10 (klog's -v), decimal digits only.

export type GoIntResult = { value: number } | { error: "invalid syntax" | "value out of range" };

export function parseGoInt(text: string, bits: 32 | 64, base0or10: 0 | 10 = 0): GoIntResult {
  const syntax = { error: "invalid syntax" } as const;
  let s = text;
  const negative = s[0] === "-";
  if (s[0] === "-" || s[0] === "+") s = s.slice(1);
  if (s === "") return syntax;
  const unsigned = s;
  let base = 10n;
  if (base0or10 === 0 && s[0] === "0") {
    const prefix = s.length >= 3 ? s[1].toLowerCase() : "";
    base = prefix === "b" ? 2n : prefix === "o" ? 8n : prefix === "x" ? 16n : 8n;
    s = prefix === "b" || prefix === "o" || prefix === "x" ? s.slice(2) : s.slice(1);
  }
  const max = (1n << BigInt(bits)) - 1n; // ParseUint's limit; ParseInt's range is checked below
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === "_" && base0or10 === 0) {
      underscores = true;
      continue;
    }
    const d = /[0-9]/.test(c) ? BigInt(c.charCodeAt(0) - 48) : /[a-z]/i.test(c) ? BigInt(c.toLowerCase().charCodeAt(0) - 87) : undefined;
    if (d === undefined || d >= base) return syntax;
    n = n * base + d;
    if (n > max) return { error: "value out of range" };
  }
  if (underscores && !underscoreOK(unsigned)) return syntax;
  const cutoff = 1n << BigInt(bits - 1);
  if (negative ? n > cutoff : n >= cutoff) return { error: "value out of range" };
  return { value: Number(negative ? -n : n) };
}

/** Go's underscoreOK: underscores only between digits (a base prefix counts as one). */
function underscoreOK(s: string): boolean {
  let saw = "^";
  let i = 0;
  const hex = s.length >= 2 && s[0] === "0" && s[1].toLowerCase() === "x";
  if (s.length >= 2 && s[0] === "0" && "box".includes(s[1].toLowerCase())) {
    i = 2;
    saw = "0";
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if (/[0-9]/.test(c) || (hex && /[a-f]/i.test(c))) saw = "0";
    else if (c === "_") {
      if (saw !== "0") return false;
      saw = "_";
    } else {
      if (saw === "_") return false;
      saw = "!";
    }
  }
  return saw !== "_";
}
