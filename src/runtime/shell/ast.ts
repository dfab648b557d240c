// The interpreter's own syntax tree: plain JSON, converted once from the parser's tree
// (parse.ts). Nodes live in one flat table and refer to each other by index, so the
// tree can sit in the state file beside the frames that point into it without copies.

/** A word is a sequence of parts; expansion turns it into zero or more fields. */
export type Word = Part[];

export type Part =
  /** Unquoted literal, escapes already removed: never split; its * ? [ are pathname patterns. */
  | { t: "lit"; v: string }
  /** Text inside single quotes, or inside double quotes after escapes: never split. */
  | { t: "sq"; v: string }
  | { t: "dq"; parts: Part[] }
  | { t: "param"; name: string; op?: ParamOp; arg?: Word; len?: boolean }
  | { t: "cmd"; body: number[] }
  | { t: "arith"; expr: Arith };

export type ParamOp = ":-" | "-" | ":=" | "=" | ":+" | "+" | ":?" | "?";

export type Arith =
  | { t: "word"; w: Word }
  | { t: "bin"; op: string; x: Arith; y: Arith }
  /** `post`: `x++` / `x--` (the value before the change). */
  | { t: "un"; op: string; x: Arith; post?: boolean };

export type RedirOp = ">" | ">>" | "<" | ">&" | "&>" | "&>>" | "<&" | "<<" | "<<-" | "<<<";

export interface Redir {
  op: RedirOp;
  /** The file descriptor redirected (1 for `>`, 0 for `<` when not written). */
  fd?: number;
  /** The target; for `<<` and `<<-` the here-document's body. */
  word: Word;
}

/** A statement: a command with its `!`, redirections and `&`. */
export interface Stmt {
  t: "stmt";
  cmd: number;
  neg?: boolean;
  /** `cmd &`: then `cmd` is a block holding the statement to run in the background. */
  bg?: boolean;
  redirs?: Redir[];
}

export type Node =
  | Stmt
  | { t: "call"; assigns: { name: string; value: Word }[]; args: Word[] }
  | { t: "and" | "or"; x: number; y: number }
  /** `a | b | c`: the stage statements; `errToPipe[i]` for a `|&` after stage i. */
  | { t: "pipeline"; stages: number[]; errToPipe?: boolean[] }
  /** The binary pipe of states written before pipelines were flattened; run as a two-stage pipeline. */
  | { t: "pipe"; x: number; y: number }
  | { t: "if"; cond: number[]; then: number[]; else?: number[] }
  | { t: "while"; until: boolean; cond: number[]; body: number[] }
  | { t: "for"; name: string; items?: Word[]; body: number[] }
  | { t: "block" | "subshell"; body: number[] }
  | { t: "func"; name: string; body: number }
  | { t: "case"; word: Word; items: { patterns: Word[]; body: number[] }[] };

/** A parsed script: the node table and the statements of its top level. */
export interface Program {
  nodes: Node[];
  root: number[];
}
