// Parses sh/bash source with mvdan-sh (the GopherJS build of mvdan.cc/sh, a synchronous
// parser) and converts its tree into the plain, index-linked tree of ast.ts. The package
// is 1.5 MB of JavaScript (~100 ms to load), so it is required lazily, on the first parse.

import type { Arith, Node, ParamOp, Part, Program, Redir, RedirOp, Word } from "./ast";
import { requireMvdanSh } from "./mvdan-sh";

/** A script the parser rejected; `message` is mvdan/sh's text, e.g. `1:4: "if" must be followed by …`. */
export class ShellSyntaxError extends Error {
  /** The input ended inside a construct: more lines could complete it. */
  readonly incomplete: boolean;
  constructor(message: string, incomplete = false) {
    super(message);
    this.name = "ShellSyntaxError";
    this.incomplete = incomplete;
  }
}

// mvdan-sh has no type declarations; its nodes are GopherJS objects read through getters.
/* eslint-disable @typescript-eslint/no-explicit-any */
type GoNode = any;
interface Syntax {
  NewParser(...options: unknown[]): { Parse(src: string, name: string): GoNode };
  NodeType(node: GoNode): string;
  Variant(lang: unknown): unknown;
  IsIncomplete(err: unknown): boolean;
  LangBash: unknown;
}

let syntax: Syntax | undefined;

function loadSyntax(): Syntax {
  if (syntax === undefined) {
    syntax = (requireMvdanSh() as { syntax: Syntax }).syntax;
  }
  return syntax;
}

// Token values of mvdan.cc/sh/v3 syntax (BinCmdOperator, RedirOperator, ParExpOperator,
// BinAritOperator), as the GopherJS build numbers them.
const BIN_CMD: Record<number, "and" | "or" | "pipe"> = { 10: "and", 11: "or", 12: "pipe", 13: "pipe" };
const REDIR: Record<number, RedirOp> = {
  54: ">", 55: ">>", 56: "<", 58: "<&", 59: ">&", 60: ">", 61: "<<", 62: "<<-", 63: "<<<", 64: "&>", 65: "&>>",
};
const PARAM_OP: Record<number, ParamOp> = { 68: "+", 69: ":+", 70: "-", 71: ":-", 72: "?", 73: ":?", 74: "=", 75: ":=" };
const ARITH_OP: Record<number, string> = {
  68: "+", 70: "-", 38: "*", 85: "/", 76: "%", 56: "<", 54: ">", 42: "<=", 43: ">=", 40: "==", 41: "!=",
  10: "&&", 11: "||", 34: "!", 82: ",", 61: "<<", 55: ">>", 9: "&", 12: "|", 80: "^", 35: "~", 39: "**",
  74: "=", 44: "+=", 45: "-=", 46: "*=", 47: "/=", 48: "%=", 36: "++", 37: "--", 72: "?", 87: ":",
};


/**
 * Parses a script into the interpreter's tree; throws ShellSyntaxError. New nodes are
 * appended to `nodes` when given (an interactive session keeps one table for all its lines,
 * so functions defined on an earlier line stay valid).
 */
export function parseScript(source: string, nodes: Node[] = []): Program {
  const sx = loadSyntax();
  let file: GoNode;
  try {
    file = sx.NewParser(sx.Variant(sx.LangBash)).Parse(source, "");
  } catch (err) {
    const e = err as { Error?: () => string; message?: string };
    const text = typeof e.Error === "function" ? e.Error() : String(e.message ?? err);
    throw new ShellSyntaxError(text.replace(/^:/, ""), Boolean(sx.IsIncomplete(err)));
  }
  const conv = new Converter(sx, nodes);
  return { nodes, root: conv.stmts(file.Stmts) };
}

class Converter {
  private readonly sx: Syntax;
  private readonly nodes: Node[];

  constructor(sx: Syntax, nodes: Node[]) {
    this.sx = sx;
    this.nodes = nodes;
  }

  private add(node: Node): number {
    this.nodes.push(node);
    return this.nodes.length - 1;
  }

  stmts(list: GoNode): number[] {
    const out: number[] = [];
    for (let i = 0; i < (list?.length ?? 0); i++) out.push(this.stmt(list[i]));
    return out;
  }

  stmt(s: GoNode): number {
    const redirs: Redir[] = [];
    for (let i = 0; i < s.Redirs.length; i++) {
      const r = s.Redirs[i];
      const op = REDIR[r.Op as number];
      if (op === undefined) throw new ShellSyntaxError("unsupported redirection");
      const redir: Redir = { op, word: op === "<<" || op === "<<-" ? this.heredoc(r) : this.word(r.Word) };
      if (r.Op === 57) throw new ShellSyntaxError("unsupported redirection <>");
      if (r.N) redir.fd = Number(r.N.Value);
      redirs.push(redir);
    }
    // A statement with only redirections (`> file`) has no command: an empty call.
    const cmd = s.Cmd ? this.cmd(s.Cmd) : this.add({ t: "call", assigns: [], args: [] });
    const node: Node = { t: "stmt", cmd };
    if (s.Negated) node.neg = true;
    if (redirs.length > 0) node.redirs = redirs;
    if (!s.Background) return this.add(node);
    // `cmd &` becomes a background statement around a block holding the foreground one.
    return this.add({ t: "stmt", cmd: this.add({ t: "block", body: [this.add(node)] }), bg: true });
  }

  cmd(c: GoNode): number {
    const type = this.sx.NodeType(c);
    switch (type) {
      case "CallExpr": {
        const assigns: { name: string; value: Word }[] = [];
        for (let i = 0; i < c.Assigns.length; i++) {
          const a = c.Assigns[i];
          assigns.push({ name: a.Name.Value, value: a.Value ? this.word(a.Value) : [] });
        }
        return this.add({ t: "call", assigns, args: this.words(c.Args) });
      }
      case "DeclClause": {
        // `export A=1 B` / `local x`: a call of the builtin with NAME=VALUE words.
        const args: Word[] = [[{ t: "lit", v: c.Variant.Value }]];
        for (let i = 0; i < c.Args.length; i++) {
          const a = c.Args[i];
          if (a.Naked && a.Value) args.push(this.word(a.Value));
          else if (a.Naked || !a.Value) args.push([{ t: "lit", v: a.Name.Value }]);
          else args.push([{ t: "lit", v: `${a.Name.Value}=` }, ...this.word(a.Value)]);
        }
        return this.add({ t: "call", assigns: [], args });
      }
      case "BinaryCmd": {
        const op = BIN_CMD[c.Op as number];
        if (op === undefined) throw new ShellSyntaxError("unsupported operator");
        if (op === "pipe") return this.pipeline(c);
        return this.add({ t: op, x: this.stmt(c.X), y: this.stmt(c.Y) });
      }
      case "IfClause":
        return this.add(this.ifClause(c));
      case "WhileClause":
        return this.add({ t: "while", until: Boolean(c.Until), cond: this.stmts(c.Cond), body: this.stmts(c.Do) });
      case "ForClause": {
        const loop = c.Loop;
        if (this.sx.NodeType(loop) !== "WordIter") throw new ShellSyntaxError("unsupported C-style for loop");
        const items = loop.InPos && loop.InPos.IsValid() ? this.words(loop.Items) : undefined;
        const node: Node = { t: "for", name: loop.Name.Value, body: this.stmts(c.Do) };
        if (items !== undefined) node.items = items;
        return this.add(node);
      }
      case "Block":
        return this.add({ t: "block", body: this.stmts(c.Stmts) });
      case "Subshell":
        return this.add({ t: "subshell", body: this.stmts(c.Stmts) });
      case "FuncDecl":
        return this.add({ t: "func", name: c.Name.Value, body: this.stmt(c.Body) });
      case "CaseClause": {
        const items: { patterns: Word[]; body: number[] }[] = [];
        for (let i = 0; i < c.Items.length; i++) {
          items.push({ patterns: this.words(c.Items[i].Patterns), body: this.stmts(c.Items[i].Stmts) });
        }
        return this.add({ t: "case", word: this.word(c.Word), items });
      }
      default:
        throw new ShellSyntaxError(`unsupported syntax: ${type}`);
    }
  }

  /** mvdan/sh nests `a | b | c` to the left, ((a | b) | c): one flat list of stages. */
  private pipeline(c: GoNode): number {
    const chain: GoNode[] = [];
    let left: GoNode = c;
    for (;;) {
      chain.unshift(left);
      const x = left.X;
      const inner = x.Cmd;
      if (!inner || x.Negated || x.Background || x.Redirs.length > 0 || this.sx.NodeType(inner) !== "BinaryCmd" || BIN_CMD[inner.Op as number] !== "pipe") break;
      left = inner;
    }
    const stages = [this.stmt(chain[0].X)];
    const errToPipe: boolean[] = [];
    for (const link of chain) {
      errToPipe.push(link.Op === 13);
      stages.push(this.stmt(link.Y));
    }
    const node: Node = { t: "pipeline", stages };
    if (errToPipe.some(Boolean)) node.errToPipe = errToPipe;
    return this.add(node);
  }

  private ifClause(c: GoNode): Node {
    const node: Node = { t: "if", cond: this.stmts(c.Cond), then: this.stmts(c.Then) };
    const e = c.Else;
    if (e) {
      // mvdan/sh chains `elif` as a nested IfClause with a condition, `else` as one without.
      if (e.Cond && e.Cond.length > 0) node.else = [this.add({ t: "stmt", cmd: this.add(this.ifClause(e)) })];
      else node.else = this.stmts(e.Then);
    }
    return node;
  }

  /** A here-document body: literal when its delimiter is quoted, else expanded like "…". */
  private heredoc(r: GoNode): Word {
    const parts = r.Hdoc ? r.Hdoc.Parts : [];
    const delim = r.Word.Parts;
    let quoted = false;
    for (let i = 0; i < delim.length; i++) quoted ||= this.sx.NodeType(delim[i]) !== "Lit" || /\\/.test(delim[i].Value);
    const out: Word = [];
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (quoted) out.push({ t: "sq", v: String(p.Value ?? "") });
      else if (this.sx.NodeType(p) === "Lit") out.push({ t: "sq", v: p.Value.replace(/\\([$`\\\n])/g, (_: string, c: string) => (c === "\n" ? "" : c)) });
      else out.push(this.part(p, true));
    }
    return [{ t: "dq", parts: out }];
  }

  words(list: GoNode): Word[] {
    const out: Word[] = [];
    for (let i = 0; i < (list?.length ?? 0); i++) out.push(this.word(list[i]));
    return out;
  }

  word(w: GoNode): Word {
    const out: Word = [];
    for (let i = 0; i < w.Parts.length; i++) {
      const p = w.Parts[i];
      if (this.sx.NodeType(p) === "Lit" && /\\[*?[\]]/.test(p.Value)) out.push(...escapedGlob(p.Value));
      else out.push(this.part(p, false));
    }
    return out;
  }

  private part(p: GoNode, inDouble: boolean): Part {
    const type = this.sx.NodeType(p);
    switch (type) {
      case "Lit":
        return inDouble ? { t: "sq", v: unescapeDouble(p.Value) } : { t: "lit", v: unescapeBare(p.Value) };
      case "SglQuoted":
        return { t: "sq", v: p.Value };
      case "DblQuoted": {
        const parts: Part[] = [];
        for (let i = 0; i < p.Parts.length; i++) parts.push(this.part(p.Parts[i], true));
        return { t: "dq", parts };
      }
      case "ParamExp": {
        const part: Part = { t: "param", name: p.Param.Value };
        if (p.Length) part.len = true;
        if (p.Exp) {
          const op = PARAM_OP[p.Exp.Op as number];
          if (op === undefined) throw new ShellSyntaxError("unsupported parameter expansion");
          part.op = op;
          part.arg = p.Exp.Word ? this.word(p.Exp.Word) : [];
        }
        return part;
      }
      case "CmdSubst":
        return { t: "cmd", body: this.stmts(p.Stmts) };
      case "ArithmExp":
        return { t: "arith", expr: this.arith(p.X) };
      default:
        throw new ShellSyntaxError(`unsupported syntax: ${type}`);
    }
  }

  private arith(a: GoNode): Arith {
    const type = this.sx.NodeType(a);
    if (type === "Word") return { t: "word", w: this.word(a) };
    if (type === "ParenArithm") return this.arith(a.X);
    const op = ARITH_OP[a.Op as number];
    if (op === undefined) throw new ShellSyntaxError("unsupported arithmetic operator");
    if (type === "BinaryArithm") return { t: "bin", op, x: this.arith(a.X), y: this.arith(a.Y) };
    if (type === "UnaryArithm") return a.Post ? { t: "un", op, x: this.arith(a.X), post: true } : { t: "un", op, x: this.arith(a.X) };
    throw new ShellSyntaxError(`unsupported syntax: ${type}`);
  }
}

/** An unquoted literal with `\*`, `\?`, `\[` or `\]`: those characters become quoted parts, so they are not patterns. */
function escapedGlob(s: string): Part[] {
  const parts: Part[] = [];
  const re = /\\[*?[\]]/g;
  let at = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    // An even run of backslashes before the match means this one is itself escaped.
    const before = /\\*$/.exec(s.slice(at, m.index))?.[0].length ?? 0;
    if (before % 2 === 1) continue;
    if (m.index > at) parts.push({ t: "lit", v: unescapeBare(s.slice(at, m.index)) });
    parts.push({ t: "sq", v: m[0][1] });
    at = m.index + 2;
  }
  if (at < s.length) parts.push({ t: "lit", v: unescapeBare(s.slice(at)) });
  return parts;
}

/** Removes the backslashes of an unquoted literal (`a\ b` is `a b`, `\<newline>` joins lines). */
function unescapeBare(s: string): string {
  return s.replace(/\\(\n|.)/g, (_, c: string) => (c === "\n" ? "" : c));
}

/** Inside double quotes a backslash only escapes $ ` " \ and newline. */
function unescapeDouble(s: string): string {
  return s.replace(/\\([$`"\\\n])/g, (_, c: string) => (c === "\n" ? "" : c));
}
