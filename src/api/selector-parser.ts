// Port of apimachinery/pkg/labels/selector.go's Parse: its lexer, its recursive descent and
// NewRequirement's checks, with their error words, which kubectl and the API server print for a
// bad `-l` (`unable to parse requirement: found '', expected: ',', ')' or identifier`).

import { isQualifiedName, isValidLabelValue } from "./validation/dns";

export type ParsedOperator = "=" | "==" | "!=" | "in" | "notin" | "gt" | "lt" | "exists" | "!";

export interface ParsedRequirement {
  readonly key: string;
  readonly op: ParsedOperator;
  readonly values: readonly string[];
}

/** The lexer's tokens: the literal itself for operators and punctuation. */
type Token = "error" | "end" | "identifier" | ")" | "," | "!" | "==" | "=" | ">" | "in" | "<" | "!=" | "notin" | "(";

const STRING_TO_TOKEN: Readonly<Record<string, Token>> = { ")": ")", ",": ",", "!": "!", "==": "==", "=": "=", ">": ">", in: "in", "<": "<", "!=": "!=", notin: "notin", "(": "(" };

/** parseOperator: the binary operators' tokens, and their names as its error lists them. */
const BINARY: Partial<Record<Token, ParsedOperator>> = { in: "in", "=": "=", "==": "==", ">": "gt", "<": "lt", notin: "notin", "!=": "!=" };
const BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

const isWhitespace = (ch: string) => ch === " " || ch === "\t" || ch === "\r" || ch === "\n";
const isSpecialSymbol = (ch: string) => "=!(),><".includes(ch) && ch !== "";
const tokenOf = (s: string): Token | undefined => (Object.hasOwn(STRING_TO_TOKEN, s) ? STRING_TO_TOKEN[s] : undefined);

/** Lexer.Lex over the whole text, end token included. */
function scan(text: string): [Token, string][] {
  const items: [Token, string][] = [];
  let pos = 0;
  const read = () => (pos < text.length ? text[pos++] : "");
  for (;;) {
    let ch = read();
    while (isWhitespace(ch)) ch = read();
    if (ch === "") {
      items.push(["end", ""]);
      return items;
    }
    pos--;
    items.push(isSpecialSymbol(ch) ? scanSpecialSymbol() : scanIdOrKeyword());
  }

  function scanIdOrKeyword(): [Token, string] {
    let buffer = "";
    for (let ch = read(); ch !== ""; ch = read()) {
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        pos--;
        break;
      }
      buffer += ch;
    }
    return [tokenOf(buffer) ?? "identifier", buffer];
  }

  function scanSpecialSymbol(): [Token, string] {
    let last: [Token, string] | undefined;
    let buffer = "";
    for (let ch = read(); ch !== ""; ch = read()) {
      if (!isSpecialSymbol(ch)) {
        pos--;
        break;
      }
      buffer += ch;
      const token = tokenOf(buffer);
      if (token) last = [token, buffer];
      else if (last) {
        pos--;
        break;
      }
    }
    return last ?? ["error", `error expected: keyword found '${buffer}'`];
  }
}

class SelectorSyntaxError extends Error {}

/**
 * Parses a label selector as labels.Parse does; requirements sorted by key, set values sorted
 * and unique. Throws an Error whose message is Parse's.
 * @example parseLabelSelector("tier in (web,db),!canary") // [{ key: "canary", op: "!", values: [] }, { key: "tier", op: "in", values: ["db", "web"] }]
 */
export function parseLabelSelector(text: string): ParsedRequirement[] {
  const items = scan(text);
  let position = 0;
  // In a value's place, `in` and `notin` are identifiers (`x in (in)`).
  const asValue = (t: Token): Token => (t === "in" || t === "notin" ? "identifier" : t);
  const lookahead = (values: boolean): [Token, string] => {
    const [t, lit] = items[position];
    return [values ? asValue(t) : t, lit];
  };
  const consume = (values: boolean): [Token, string] => {
    const item = lookahead(values);
    position++;
    return item;
  };
  const fail = (message: string): never => {
    throw new SelectorSyntaxError(message);
  };

  function parseRequirement(): ParsedRequirement {
    let [tok, literal] = consume(true);
    let op: ParsedOperator | undefined;
    if (tok === "!") {
      op = "!";
      [tok, literal] = consume(true);
    }
    if (tok !== "identifier") fail(`found '${literal}', expected: identifier`);
    const keyErrors = isQualifiedName(literal);
    // Checked against a nil field path, which Go prints as "<nil>".
    if (keyErrors.length > 0) fail(`<nil>: Invalid value: ${JSON.stringify(literal)}: ${keyErrors.join("; ")}`);
    const key = literal;
    const [next] = lookahead(true);
    if (next === "end" || next === ",") return newRequirement(key, op ?? "exists", []);
    if (op === "!") return newRequirement(key, op, []);
    const [optok, oplit] = consume(false);
    const operator = BINARY[optok] ?? fail(`found '${oplit}', expected: ${BINARY_OPERATORS}`);
    const values = operator === "in" || operator === "notin" ? parseValues() : parseExactValue();
    return newRequirement(key, operator, [...new Set(values)].sort());
  }

  function parseValues(): string[] {
    const [tok, lit] = consume(true);
    if (tok !== "(") fail(`found '${lit}' expected: '('`);
    const [next, nextLit] = lookahead(true);
    if (next === ")") {
      consume(true);
      return [""];
    }
    if (next !== "identifier" && next !== ",") fail(`found '${nextLit}', expected: ',', ')' or identifier`);
    const values = parseIdentifiersList();
    if (consume(true)[0] !== ")") fail(`found '${nextLit}', expected: ')'`);
    return values;
  }

  function parseIdentifiersList(): string[] {
    const values: string[] = [];
    for (;;) {
      const [tok, lit] = consume(true);
      if (tok === "identifier") {
        values.push(lit);
        const [next, nextLit] = lookahead(true);
        if (next === ",") continue;
        if (next === ")") return values;
        fail(`found '${nextLit}', expected: ',' or ')'`);
      } else if (tok === ",") {
        // "(," and ",," and ",)" stand for empty values.
        if (values.length === 0) values.push("");
        const [next] = lookahead(true);
        if (next === ")") {
          values.push("");
          return values;
        }
        if (next === ",") values.push("");
      } else fail(`found '${lit}', expected: ',', or identifier`);
    }
  }

  function parseExactValue(): string[] {
    const [next] = lookahead(true);
    if (next === "end" || next === ",") return [""];
    const [tok, lit] = consume(true);
    if (tok === "identifier") return [lit];
    return fail(`found '${lit}', expected: identifier`);
  }

  const requirements: ParsedRequirement[] = [];
  try {
    for (;;) {
      const [tok, lit] = lookahead(true);
      if (tok === "end") break;
      if (tok !== "identifier" && tok !== "!") fail(`found '${lit}', expected: !, identifier, or 'end of string'`);
      try {
        requirements.push(parseRequirement());
      } catch (err) {
        if (err instanceof SelectorSyntaxError) throw new SelectorSyntaxError(`unable to parse requirement: ${err.message}`);
        throw err;
      }
      const [t, l] = consume(true);
      if (t === "end") break;
      if (t !== ",") fail(`found '${l}', expected: ',' or 'end of string'`);
      const [t2, l2] = lookahead(true);
      if (t2 !== "identifier" && t2 !== "!") fail(`found '${l2}', expected: identifier after ','`);
    }
  } catch (err) {
    if (err instanceof SelectorSyntaxError) throw new Error(err.message);
    throw err;
  }
  return requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** NewRequirement's checks of the values (the key was checked as it was read). */
function newRequirement(key: string, op: ParsedOperator, values: string[]): ParsedRequirement {
  const errors: string[] = [];
  if ((op === "gt" || op === "lt") && values.length === 1 && !isInt64(values[0])) {
    errors.push(`values[0]: Invalid value: ${JSON.stringify(values[0])}: for 'Gt', 'Lt' operators, the value must be an integer`);
  }
  values.forEach((v, i) => {
    const problems = isValidLabelValue(v);
    if (problems.length > 0) errors.push(`values[${i}][${key}]: Invalid value: ${JSON.stringify(v)}: ${problems.join("; ")}`);
  });
  if (errors.length === 1) throw new SelectorSyntaxError(errors[0]);
  if (errors.length > 1) throw new SelectorSyntaxError(`[${errors.join(", ")}]`);
  return { key, op, values };
}

/** strconv.ParseInt(s, 10, 64) succeeds. */
export function isInt64(s: string): boolean {
  if (!/^[+-]?\d+$/.test(s)) return false;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n;
}
