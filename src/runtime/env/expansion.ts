// $(VAR) expansion of env values, command and args. Port of
// third_party/forked/golang/expansion/expand.go (v1.32): "$(" NAME ")" is replaced by the
// mapping, "$$" is an escaped "$", and a reference the mapping does not know stays literal.

const OPERATOR = "$";

/** A lookup that returns the text to substitute for a variable name. */
export type Mapping = (name: string) => string;

/**
 * A mapping over several maps, the first that has the name winning; unknown names give back
 * "$(NAME)" so that they stay literal.
 */
export function mappingFuncFor(...context: ReadonlyArray<Readonly<Record<string, string>>>): Mapping {
  return (name) => {
    for (const vars of context) if (Object.hasOwn(vars, name)) return vars[name];
    return `$(${name})`;
  };
}

/**
 * Expands every $(VAR) in `input`.
 * @example expand("$(A)-$$(A)-$(B)", mappingFuncFor({ A: "x" })) === "x-$(A)-$(B)"
 */
export function expand(input: string, mapping: Mapping): string {
  let out = "";
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] === OPERATOR && cursor + 1 < input.length) {
      out += input.slice(checkpoint, cursor);
      const { read, isVar, advance } = tryReadVariableName(input.slice(cursor + 1));
      out += isVar ? mapping(read) : read;
      cursor += advance;
      checkpoint = cursor + 1;
    }
  }
  return out + input.slice(checkpoint);
}

function tryReadVariableName(input: string): { read: string; isVar: boolean; advance: number } {
  if (input[0] === OPERATOR) return { read: OPERATOR, isVar: false, advance: 1 };
  if (input[0] === "(") {
    const close = input.indexOf(")", 1);
    if (close >= 0) return { read: input.slice(1, close), isVar: true, advance: close + 1 };
    // Incomplete reference: keep "$(" and go on after it.
    return { read: OPERATOR + "(", isVar: false, advance: 1 };
  }
  // A "$" that starts no expression stays, with the character after it.
  return { read: OPERATOR + input[0], isVar: false, advance: 1 };
}

/**
 * A container's command and args with $(VAR) expanded from its resolved environment, as
 * pkg/kubelet/container/helpers.go ExpandContainerCommandAndArgs does before starting it.
 * @example expandCommand(["echo", "$(GREETING)"], [{ name: "GREETING", value: "hi" }]) → ["echo", "hi"]
 */
export function expandCommand(argv: readonly string[], env: ReadonlyArray<{ name: string; value: string }>): string[] {
  const vars: Record<string, string> = {};
  for (const e of env) vars[e.name] = e.value;
  const mapping = mappingFuncFor(vars);
  return argv.map((a) => expand(a, mapping));
}
