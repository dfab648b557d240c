// How go-yaml v2 (which kubectl's -o yaml goes through, via sigs.k8s.io/yaml) writes a string:
// plain when it can, "double-quoted" when the plain text would read back as another type
// (YAML 1.1: yes/no/on/off, numbers, timestamps, null, ""), 'single-quoted' when indicators
// forbid plain, literal blocks for multi-line text. Ported from yaml.v2 encode.go (stringv),
// resolve.go and emitterc.go (yaml_emitter_analyze_scalar).

const BOOL_OR_NULL = new Set(
  ("y Y yes Yes YES on On ON true True TRUE n N no No NO off Off OFF false False FALSE " +
    "~ null Null NULL .nan .NaN .NAN .inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF <<").split(" "),
);
const INT = /^[-+]?(0[bB][01]+|0[oO]?[0-7]+|0[xX][0-9a-fA-F]+|[0-9]+)$/;
const FLOAT = /^[-+]?(([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?|inf(inity)?|nan)$/i;
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]*)?(Z|[-+][0-9]{1,2}(:[0-9]{2})?)?)?$/;
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** True when go-yaml would resolve this plain text to something other than a string. */
export function resolvesToNonString(s: string): boolean {
  if (s === "" || BOOL_OR_NULL.has(s)) return true;
  if (!/^[-+.0-9]/.test(s)) return false;
  const plain = s.replace(/_/g, "");
  return INT.test(plain) || FLOAT.test(plain) || TIMESTAMP.test(s) || BASE60.test(s);
}

/** go-yaml's is_printable for the characters it writes without escaping (unicode on). */
function printable(ch: number): boolean {
  return ch === 0x0a || (ch >= 0x20 && ch <= 0x7e) || ch === 0x85 || (ch >= 0xa0 && ch <= 0xd7ff) || (ch >= 0xe000 && ch <= 0xfffd && ch !== 0xfeff) || ch >= 0x10000;
}

export interface ScalarAnalysis {
  readonly plain: boolean;
  readonly single: boolean;
  readonly block: boolean;
}

/** yaml_emitter_analyze_scalar, for a block-context value or simple key. */
export function analyzeScalar(s: string): ScalarAnalysis {
  if (s === "") return { plain: false, single: true, block: false };
  let blockIndicators = false;
  let special = false;
  let spaceBreak = false;
  let lineBreaks = false;
  if (s.startsWith("---") || s.startsWith("...")) blockIndicators = true;
  const chars = [...s];
  let prevSpace = false;
  let prevBreak = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const next = chars[i + 1];
    const followedByBlank = next === undefined || next === " " || next === "\t" || next === "\n";
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(c)) blockIndicators = true;
      if ((c === "?" || c === ":" || c === "-") && followedByBlank) blockIndicators = true;
    } else {
      if (c === ":" && followedByBlank) blockIndicators = true;
      if (c === "#" && (chars[i - 1] === " " || chars[i - 1] === "\t")) blockIndicators = true;
    }
    if (!printable(c.codePointAt(0)!)) special = true;
    if (c === "\n") lineBreaks = true;
    if (c === " ") {
      prevSpace = true;
      prevBreak = false;
    } else if (c === "\n") {
      if (prevSpace) spaceBreak = true;
      prevBreak = true;
      prevSpace = false;
    } else {
      prevSpace = prevBreak = false;
    }
  }
  const leadingSpace = s[0] === " ";
  const leadingBreak = s[0] === "\n";
  const trailingSpace = s.endsWith(" ");
  const trailingBreak = s.endsWith("\n");
  let plain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || blockIndicators || lineBreaks);
  let single = true;
  let block = !trailingSpace;
  if (spaceBreak || special) plain = single = block = false;
  if (lineBreaks) plain = false;
  return { plain, single, block };
}

/** Go's strconv.Quote-like escaping of yaml_emitter_write_double_quoted_scalar. */
export function doubleQuoted(s: string): string {
  let out = '"';
  for (const c of s) {
    const ch = c.codePointAt(0)!;
    if (c === '"' || c === "\\") out += "\\" + c;
    else if (c === "\n") out += "\\n";
    else if (c === "\t") out += "\\t";
    else if (c === "\r") out += "\\r";
    else if (c === "\0") out += "\\0";
    else if (printable(ch) && ch !== 0xfeff) out += c;
    else if (ch <= 0xff) out += "\\x" + ch.toString(16).toUpperCase().padStart(2, "0");
    else if (ch <= 0xffff) out += "\\u" + ch.toString(16).toUpperCase().padStart(4, "0");
    else out += "\\U" + ch.toString(16).toUpperCase().padStart(8, "0");
  }
  return out + '"';
}
