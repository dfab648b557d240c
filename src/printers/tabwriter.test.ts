import { describe, expect, it } from "vitest";
import { DESCRIBE_WRITER, sanitizeCell, TABLE_WRITER, tabwrite, width } from "./tabwriter";

const tableCases = [
  {
    name: "pads every column to the widest cell plus 3 and leaves the last column unpadded",
    input: "NAME\tREADY\tAGE\nnginx-7854ff8877-2xk9p\t1/1\t5m\n",
    want: "NAME                     READY   AGE\nnginx-7854ff8877-2xk9p   1/1     5m\n",
  },
  {
    name: "keeps a column of short cells at the minimum width of 6",
    input: "A\tB\nx\ty\n",
    want: "A     B\nx     y\n",
  },
  {
    name: "leaves trailing spaces when the last cell of a line is empty",
    input: "NAME\tAPP\tTIER\nnginx\tnginx\t\n",
    want: "NAME    APP     TIER\nnginx   nginx   \n",
  },
  {
    name: "counts code points, not bytes, for the width",
    input: "héllo\tx\nab\ty\n",
    want: "héllo   x\nab      y\n",
  },
  {
    name: "keeps a final line without a newline unterminated",
    input: "a\tb\ncc\td",
    want: "a     b\ncc    d",
  },
];

const describeCases = [
  {
    name: "aligns consecutive label lines to the widest label plus 2",
    input: "Name:\tnginx\nNamespace:\tdefault\n",
    want: "Name:       nginx\nNamespace:  default\n",
  },
  {
    name: "restarts alignment after a line without a tab",
    input: "Name:\tx\nContainers:\n  nginx:\n    Image:\tnginx\n    Restart Count:\t0\n",
    want: "Name:  x\nContainers:\n  nginx:\n    Image:          nginx\n    Restart Count:  0\n",
  },
  {
    name: "shares one width across consecutive tabbed lines of different sections",
    input: "  Type\tStatus\n  Ready \tTrue \nIP:\t1.2.3.4\nControlled By:\tx\n",
    want: "  Type          Status\n  Ready         True \nIP:             1.2.3.4\nControlled By:  x\n",
  },
  {
    name: "sizes a second column only over the lines that have one",
    input: "a:\tb\tc\nlonger:\tb\nx:\tbbbb\tc\n",
    want: "a:       b  c\nlonger:  b\nx:       bbbb  c\n",
  },
  {
    name: "handles an empty value after the tab with the padding of the block",
    input: "IP:\t\nIPs:\t<none>\n",
    want: "IP:   \nIPs:  <none>\n",
  },
];

describe("tabwrite with the table writer", () => {
  it.each(tableCases)("$name", ({ input, want }) => expect(tabwrite(input, TABLE_WRITER)).toBe(want));
});

describe("tabwrite with the describe writer", () => {
  it.each(describeCases)("$name", ({ input, want }) => expect(tabwrite(input, DESCRIBE_WRITER)).toBe(want));
});

describe("sanitizeCell", () => {
  it.each([
    { name: "cuts at the first newline and appends ...", input: "a\nb", want: "a..." },
    { name: "cuts at a carriage return", input: "a\rb", want: "a..." },
    { name: "shows ESC as ^[", input: "a\x1b[1mb", want: "a^[[1mb" },
    { name: "leaves plain text alone", input: "nginx", want: "nginx" },
  ])("$name", ({ input, want }) => expect(sanitizeCell(input)).toBe(want));
});

describe("width counts runes as Go's utf8.RuneCountInString does", () => {
  it.each([
    { name: "ASCII", input: "nginx-7854ff8877", want: 16 },
    { name: "the empty string", input: "", want: 0 },
    { name: "a two-byte letter", input: "héllo", want: 5 },
    { name: "a character outside the BMP (a surrogate pair)", input: "a\u{1F600}b", want: 3 },
    { name: "two pairs in a row", input: "\u{1F600}\u{1F601}", want: 2 },
    { name: "a lone high surrogate", input: "a\ud83d", want: 2 },
    { name: "a lone low surrogate before a high one", input: "\ude00\ud83d", want: 2 },
  ])("$name", ({ input, want }) => {
    expect(width(input)).toBe(want);
    expect(width(input)).toBe([...input].length);
  });
});
