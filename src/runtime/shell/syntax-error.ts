// The parser's (mvdan/sh) syntax errors in the words busybox ash uses, which is the `sh` of
// busybox and alpine images and so what users of the docs' examples see, e.g.
// `sh -c 'fi'` → `sh: syntax error: unexpected "fi"` (ash.c raise_error_unexpected_syntax).

/**
 * @example ashSyntaxError('1:1: "fi" can only be used to end an if') === 'syntax error: unexpected "fi"'
 */
export function ashSyntaxError(parserMessage: string): string {
  const msg = parserMessage.replace(/^\d+:\d+: /, "");
  let m: RegExpExecArray | null;
  if ((m = /^"?([^"\s]+)"? can only be used/.exec(msg))) return `syntax error: unexpected "${m[1]}"`;
  if ((m = /must end with "(\w+)"/.exec(msg))) return `syntax error: unexpected end of file (expecting "${m[1]}")`;
  if (/without closing quote/.test(msg)) return "syntax error: unterminated quoted string";
  if ((m = /encountered (\S+)$/.exec(msg))) return `syntax error: unexpected "${m[1]}"`;
  if (/reached EOF|must be followed by/.test(msg)) return "syntax error: unexpected end of file";
  return `syntax error: ${msg}`;
}
