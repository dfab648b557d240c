// Go yaml.v2's error texts for the YAML mistakes people make, translated from the `yaml`
// package's error codes. kubectl prints them as `yaml: line N: <problem>`; yaml.v2 reports a
// scanner error on the line it stopped at and a parser error on the line before it
// (yaml.go parser.fail(): problem_mark is 0-based and only scanner errors add one), which is
// why the line arithmetic below differs per message. Verified against kubectl v1.32.

import type { YAMLError } from "yaml";

/** The text after `error converting YAML to JSON: `, e.g. `yaml: line 5: mapping values are not allowed in this context`. */
export function goYamlMessage(err: YAMLError, text: string): string {
  const line = err.linePos?.[0]?.line ?? 1;
  const at = (n: number, problem: string) => `yaml: line ${Math.max(n, 1)}: ${problem}`;
  const msg = err.message;
  switch (err.code) {
    case "TAB_AS_INDENT":
      return at(line, "found character that cannot start any token");
    case "MULTILINE_IMPLICIT_KEY":
      // `key: value` followed by `- item` at the same indentation: a sequence where a key belongs.
      if (/^\s*-( |$)/.test(lineText(text, line))) return at(line - 1, "did not find expected key");
      return at(lineOfNextColon(text, err.pos[0]), "mapping values are not allowed in this context");
    case "BLOCK_AS_IMPLICIT_KEY":
      return at(lineOfNextColon(text, err.pos[0]), "mapping values are not allowed in this context");
    case "BAD_INDENT":
      if (/Flow (sequence|map)/.test(msg) && /[[{,]\s*$/.test(text)) return at(line - 1, "did not find expected node content");
      if (/Flow sequence/.test(msg)) return at(line - 1, "did not find expected ',' or ']'");
      if (/Flow map/.test(msg)) return at(line - 1, "did not find expected ',' or '}'");
      return at(line - 1, previousLineIsSequenceItem(text, line) ? "did not find expected '-' indicator" : "did not find expected key");
    case "MISSING_CHAR":
      if (/quote/.test(msg)) return at(lineCount(text), "found unexpected end of stream");
      if (/Flow (sequence|map)/.test(msg) && /[[{,]\s*$/.test(text)) return at(line - 1, "did not find expected node content");
      if (/Flow sequence/.test(msg)) return at(line - 1, "did not find expected ',' or ']'");
      if (/Flow map/.test(msg)) return at(line - 1, "did not find expected ',' or '}'");
      return at(line + 1, "could not find expected ':'");
    case "UNEXPECTED_TOKEN":
      return at(line, "did not find expected <document start>");
    default:
      return at(line, "did not find expected node content");
  }
}

/** The 1-based line of the first `:` that starts a mapping value at or after `offset`. */
function lineOfNextColon(text: string, offset: number): number {
  const re = /:(?=[ \t\r\n]|$)/g;
  re.lastIndex = offset;
  const m = re.exec(text);
  return lineAt(text, m ? m.index : offset);
}

function lineText(text: string, line: number): string {
  return text.split("\n")[line - 1] ?? "";
}

function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === "\n") n++;
  return n;
}

/** Where the scanner stands at end of stream (a file ending in a newline ends on the next line). */
function lineCount(text: string): number {
  return lineAt(text, text.length);
}

/** True when the last non-blank line before `line` is a block sequence item ("- x"). */
function previousLineIsSequenceItem(text: string, line: number): boolean {
  const lines = text.split("\n").slice(0, line - 1);
  for (let i = lines.length - 1; i >= 0; i--) {
    const t = lines[i].trim();
    if (t === "" || t.startsWith("#")) continue;
    return t === "-" || t.startsWith("- ");
  }
  return false;
}
