// Go's text/tabwriter as kubectl configures it (reference/kubectl-output.md §0.2): cells end at
// a TAB, the piece after the last TAB is the line's tail (never padded), and column k is sized
// per block of consecutive lines that have a cell k. Ported from go/src/text/tabwriter.

export interface TabwriterOptions {
  readonly minWidth: number;
  readonly padding: number;
}

/** `kubectl get` and friends: tabwriter.NewWriter(out, 6, 4, 3, ' ', 0). */
export const TABLE_WRITER: TabwriterOptions = { minWidth: 6, padding: 3 };
/** `kubectl describe`: tabwriter.NewWriter(out, 0, 8, 2, ' ', 0). */
export const DESCRIBE_WRITER: TabwriterOptions = { minWidth: 0, padding: 2 };

/**
 * Width in code points, as tabwriter counts runes: UTF-16 units less one per surrogate pair.
 * Counted by char codes, not by iterating the string, which makes a string per code point.
 */
export function width(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdbff) continue;
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) {
      n--;
      i++;
    }
  }
  return n;
}

/**
 * Aligns TAB-separated text. Lines keep their terminators: a final line without "\n" stays
 * without one, as when Go's writer flushes a partial line.
 * @example tabwrite("a\tb\nccc\td\n", TABLE_WRITER) === "a     b\nccc   d\n"
 */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const rawLines = text.split("\n");
  const endsWithNewline = rawLines[rawLines.length - 1] === "";
  if (endsWithNewline) rawLines.pop();
  const lines = rawLines.map((l) => l.split("\t"));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      let s = "";
      for (let j = 0; j < cells.length; j++) {
        s += cells[j];
        // only terminated cells (j < cells.length - 1) can have a width; tails are never padded
        if (j < widths.length && j < cells.length - 1) s += " ".repeat(widths[j] - width(cells[j]));
      }
      out.push(s);
    }
  };

  // format(): recursive column blocks, exactly as tabwriter.format
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i].length - 1) continue;
      writeLines(start, i);
      start = i;
      let w = opts.minWidth;
      for (; i < line1; i++) {
        if (column >= lines[i].length - 1) break;
        const cw = width(lines[i][column]) + opts.padding;
        if (cw > w) w = cw;
      }
      widths.push(w);
      format(start, i);
      widths.pop();
      start = i;
      i--; // the outer loop's i++ must revisit the line that ended the block
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join("\n") + (endsWithNewline && out.length > 0 ? "\n" : "");
}

/**
 * What kubectl's table printer does to a cell before the tabwriter sees it: cut at the first
 * newline, carriage return or form feed (appending "..."), and show ESC as "^[".
 */
export function sanitizeCell(text: string): string {
  const cut = text.search(/[\n\r\f]/);
  const head = cut >= 0 ? text.slice(0, cut) : text;
  return head.replace(/\x1b/g, "^[") + (cut >= 0 ? "..." : "");
}
