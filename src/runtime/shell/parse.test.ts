import { describe, expect, it } from "vitest";

import { parseScript, ShellSyntaxError } from "./parse";

describe("parseScript", () => {
  it("produces a flat, JSON-safe node table", () => {
    const p = parseScript("a=1 echo \"$a\" && ls > /f");
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
    expect(p.root).toHaveLength(1);
    const top = p.nodes[p.root[0]];
    expect(top).toEqual({ t: "stmt", cmd: expect.any(Number) });
    expect(top.t === "stmt" && p.nodes[top.cmd].t).toBe("and");
  });

  it("keeps elif as a nested if in the else branch", () => {
    const p = parseScript("if a; then b; elif c; then d; fi");
    const stmt = p.nodes[p.root[0]];
    const ifNode = stmt.t === "stmt" ? p.nodes[stmt.cmd] : undefined;
    expect(ifNode?.t).toBe("if");
    const inner = ifNode?.t === "if" && ifNode.else ? p.nodes[ifNode.else[0]] : undefined;
    expect(inner?.t === "stmt" && p.nodes[inner.cmd].t).toBe("if");
  });

  const errors: { name: string; source: string; message: RegExp }[] = [
    { name: "an unterminated quote is a syntax error", source: "echo 'abc", message: /reached EOF without closing quote/ },
    { name: "if without a body is a syntax error", source: "if then", message: /"if" must be followed by a statement list/ },
    { name: "[[ ]] is reported as unsupported", source: "[[ -f x ]]", message: /unsupported syntax: TestClause/ },
    { name: "a C-style for loop is reported as unsupported", source: "for ((i=0;i<3;i++)); do :; done", message: /unsupported C-style for loop/ },
  ];
  it.each(errors)("$name", (c) => {
    expect(() => parseScript(c.source)).toThrow(ShellSyntaxError);
    expect(() => parseScript(c.source)).toThrow(c.message);
  });
});
