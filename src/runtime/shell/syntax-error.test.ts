import { describe, expect, it } from "vitest";
import { ashSyntaxError } from "./syntax-error";

describe("ashSyntaxError", () => {
  it.each([
    ['1:1: "fi" can only be used to end an if', 'syntax error: unexpected "fi"'],
    ['1:1: "done" can only be used to end a loop', 'syntax error: unexpected "done"'],
    ["1:1: ;; can only be used in a case clause", 'syntax error: unexpected ";;"'],
    ['1:1: if statement must end with "fi"', 'syntax error: unexpected end of file (expecting "fi")'],
    ['1:1: while statement must end with "done"', 'syntax error: unexpected end of file (expecting "done")'],
    ["1:6: reached EOF without closing quote '", "syntax error: unterminated quoted string"],
    ["1:6: a command can only contain words and redirects; encountered )", 'syntax error: unexpected ")"'],
    ["1:3: && must be followed by a statement", "syntax error: unexpected end of file"],
    ["unsupported C-style for loop", "syntax error: unsupported C-style for loop"],
  ])("%s → %s", (parser, ash) => {
    expect(ashSyntaxError(parser)).toBe(ash);
  });
});
