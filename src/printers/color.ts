// The only colour kubectl prints: its `Warning:` prefix, bold yellow, when stderr is a terminal
// (TERM not dumb, NO_COLOR unset). kubectl writes the escape as ESC[33;1m … ESC[0m; chalk would
// spell it ESC[33mESC[1m … ESC[22mESC[39m, so the bytes are written here as kubectl writes them.

const WARNING_COLORED = "\u001b[33;1mWarning:\u001b[0m";

/** A warning line as kubectl prints it on stderr. */
export function warningLine(text: string, color: boolean): string {
  return `${color ? WARNING_COLORED : "Warning:"} ${text}\n`;
}
