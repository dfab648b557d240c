import { describe, expect, it } from "vitest";
import { expand, expandCommand, mappingFuncFor } from "./expansion";

describe("expand", () => {
  const vars = { A: "x", B: "y", EMPTY: "" };
  const cases = [
    { name: "replaces a known reference", input: "$(A)", want: "x" },
    { name: "replaces several references in text", input: "pre-$(A)-$(B)-post", want: "pre-x-y-post" },
    { name: "replaces a reference to an empty value", input: "[$(EMPTY)]", want: "[]" },
    { name: "keeps an unknown reference literal", input: "$(NOPE)", want: "$(NOPE)" },
    { name: "turns $$ into one $", input: "$$", want: "$" },
    { name: "does not expand an escaped reference", input: "$$(A)", want: "$(A)" },
    { name: "keeps a $ that starts no expression", input: "$A and $", want: "$A and $" },
    { name: "keeps an unclosed reference", input: "$(A", want: "$(A" },
    { name: "keeps a $ at the very end", input: "cost 5$", want: "cost 5$" },
    { name: "expands after an escaped dollar", input: "$$$(A)", want: "$x" },
    { name: "does not expand shell ${VAR}", input: "${A}", want: "${A}" },
  ];
  it.each(cases)("$name", ({ input, want }) => expect(expand(input, mappingFuncFor(vars))).toBe(want));

  it("looks names up in the first map that has them", () => {
    expect(expand("$(A)$(C)", mappingFuncFor({ A: "1" }, { A: "2", C: "3" }))).toBe("13");
  });
});

describe("expandCommand", () => {
  const env = [
    { name: "MESSAGE", value: "hello world" },
    { name: "DIR", value: "/data" },
  ];
  const cases = [
    {
      name: "expands each argument from the environment",
      argv: ["/bin/echo", "$(MESSAGE)", "in $(DIR)"],
      want: ["/bin/echo", "hello world", "in /data"],
    },
    {
      name: "leaves shell variables for the shell",
      argv: ["sh", "-c", "echo $MESSAGE $(NOPE) $$(DIR)"],
      want: ["sh", "-c", "echo $MESSAGE $(NOPE) $(DIR)"],
    },
  ];
  it.each(cases)("$name", ({ argv, want }) => expect(expandCommand(argv, env)).toEqual(want));
});
