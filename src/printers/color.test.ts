import { describe, expect, it } from "vitest";
import { warningLine } from "./color";

describe("warningLine", () => {
  it.each([
    { name: "prints a plain prefix when stderr is not a terminal", color: false, want: "Warning: x\n" },
    { name: "prints kubectl's bold yellow prefix on a terminal", color: true, want: "\u001b[33;1mWarning:\u001b[0m x\n" },
  ])("$name", ({ color, want }) => expect(warningLine("x", color)).toBe(want));
});
