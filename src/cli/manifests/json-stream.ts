// A stream of JSON values (kubectl reads a file that starts with `{` as concatenated JSON
// objects), split with Go encoding/json's scanner rules so a syntax error gets Go's words:
// `json: offset 42: invalid character '}' looking for beginning of object key string`, or
// `unexpected EOF` when the text ends inside a value (encoding/json scanner.go, stream.go).

export type JsonStreamResult = { values: unknown[]; error?: string };

class JsonSyntax extends Error {}

export function splitJsonStream(text: string): JsonStreamResult {
  const values: unknown[] = [];
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && " \t\r\n".includes(text[i])) i++;
  };
  const fail = (context: string): never => {
    if (i >= n) throw new JsonSyntax("unexpected EOF");
    throw new JsonSyntax(`json: offset ${byteOffset(text, i) + 1}: invalid character ${quoteChar(text[i])} ${context}`);
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail("looking for beginning of object key string");
        string();
        ws();
        if (text[i] !== ":") fail("after object key");
        i++;
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") return void i++;
        fail("after object key:value pair");
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") return void i++;
        fail("after array element");
      }
    }
    if (c === '"') return string();
    if (c !== undefined && /[-0-9]/.test(c)) {
      const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i));
      if (!m) {
        i++;
        fail("in numeric literal");
      }
      i += m![0].length;
      return;
    }
    for (const lit of ["true", "false", "null"]) {
      if (c === lit[0]) {
        for (let k = 1; k < lit.length; k++) {
          i++;
          if (text[i] !== lit[k]) fail(`in literal ${lit} (expecting ${quoteChar(lit[k])})`);
        }
        i++;
        return;
      }
    }
    fail("looking for beginning of value");
  };
  const string = (): void => {
    i++;
    while (i < n && text[i] !== '"') {
      if (text[i] < " ") fail("in string literal");
      i += text[i] === "\\" ? 2 : 1;
    }
    if (i >= n) fail("");
    i++;
  };
  try {
    for (;;) {
      ws();
      if (i >= n) break;
      const start = i;
      value();
      values.push(JSON.parse(text.slice(start, i)));
    }
    return { values };
  } catch (e) {
    if (e instanceof JsonSyntax) return { values, error: e.message };
    throw e;
  }
}

/** Go's quoteChar: `'}'`, `'\''`, `'\n'`. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return `'"'`;
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

function byteOffset(text: string, index: number): number {
  return Buffer.byteLength(text.slice(0, index), "utf8");
}
