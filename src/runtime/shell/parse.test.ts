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

  it("flattens a | b | c into one pipeline of three stages", () => {
    const p = parseScript("a | b |& c");
    const stmt = p.nodes[p.root[0]];
    const pipe = stmt.t === "stmt" ? p.nodes[stmt.cmd] : undefined;
    expect(pipe?.t === "pipeline" && pipe.stages.length).toBe(3);
    expect(pipe?.t === "pipeline" && pipe.errToPipe).toEqual([false, true]);
  });

  it("keeps escaped pattern characters quoted, so they are not expanded", () => {
    const p = parseScript("echo a\\*b*");
    const call = p.nodes.find((n) => n.t === "call");
    expect(call?.t === "call" && call.args[1]).toEqual([
      { t: "lit", v: "a" },
      { t: "sq", v: "*" },
      { t: "lit", v: "b*" },
    ]);
  });

  it.each([
    ["if true; then", true],
    ["echo 'open", true],
    ["cat <<EOF", true],
    ["fi", false],
  ] as const)("%j is incomplete: %s", (source, incomplete) => {
    let err: unknown;
    try {
      parseScript(source);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ShellSyntaxError);
    expect((err as ShellSyntaxError).incomplete).toBe(incomplete);
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
