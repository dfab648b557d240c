// Which program of an image an argv runs (behaviour.ts imageProcessFor): past entrypoint
// scripts that exec "$@", out of a `sh -c` script of one plain command, and by the program's
// name, subcommand, bareness or argument patterns (model.ts ImageProgram).

import type { CatalogImage } from "./catalog";
import type { ImageProgram } from "./model";

export const basename = (p: string): string => p.slice(p.lastIndexOf("/") + 1);

/** Strips entrypoint scripts that end in `exec "$@"`, applying their flags-first rule. */
export function unwrap(argv: readonly string[], wrappers: NonNullable<NonNullable<CatalogImage["config"]>["wrappers"]>): readonly string[] {
  let rest = argv;
  for (;;) {
    const w = wrappers.find((x) => rest.length > 0 && x.path === rest[0]);
    if (!w) return rest;
    rest = rest.slice(1);
    if (w.flagsGoTo && (rest.length === 0 || rest[0].startsWith("-"))) rest = [w.flagsGoTo, ...rest];
  }
}

/**
 * `sh -c 'redis-server'` or `sh -c "perl -Mbignum=bpi -wle 'print bpi(2000)'"`-style scripts of
 * one plain command that names a program of the image: the shell runs (or execs) it, so the
 * container behaves as that program does. Only plain words are recognised (see plainWords);
 * anything else stays a script.
 * @example scriptProgram(redis.programs, ["sh", "-c", "redis-server", "/opt/redis.conf"]) // ["redis-server"]
 */
export function scriptProgram(programs: readonly ImageProgram[], argv: readonly string[]): readonly string[] | undefined {
  if (argv.length < 3 || !SHELL_NAMES.has(basename(argv[0])) || !/^-[a-z]*c[a-z]*$/.test(argv[1])) return undefined;
  const words = plainWords(argv[2]);
  if (!words) return undefined;
  const found = matchProgram(programs, words, false);
  return found && !found.program.bareOnly ? words : undefined;
}

const SHELL_NAMES = new Set(["sh", "bash", "ash", "dash"]);

/**
 * The words of a script that is one command with nothing for the shell to expand, after an
 * optional `exec`: unquoted runs of [\w./:=,@+-], '…', and "…" holding no $ ` or \, joined
 * where they touch. Undefined for anything else (operators, expansions, redirections).
 * @example plainWords(`exec perl -wle 'print 1'`) // ["perl", "-wle", "print 1"]
 */
function plainWords(script: string): string[] | undefined {
  const token = /\s+|[\w./:=,@+-]+|'([^']*)'|"([^"$`\\]*)"/y;
  const words: string[] = [];
  let word: string | undefined;
  for (token.lastIndex = 0; token.lastIndex < script.length; ) {
    const m = token.exec(script);
    if (!m) return undefined;
    if (/^\s/.test(m[0])) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? "") + (m[1] ?? m[2] ?? m[0]);
  }
  if (word !== undefined) words.push(word);
  return words[0] === "exec" ? words.slice(1) : words;
}

/** The image program an argv runs, with the capture groups of its argument patterns. */
export function matchProgram(programs: readonly ImageProgram[], argv: readonly string[], stdin: boolean): { program: ImageProgram; inputs: string[] } | undefined {
  if (argv.length === 0) return undefined;
  for (const p of programs) {
    if (!p.names.includes(argv[0])) continue;
    if (p.subcommand !== undefined) {
      if (argv[1] === p.subcommand) return { program: p, inputs: [] };
      continue;
    }
    // A bare shell or REPL with stdin attached is interactive: the interpreter's job.
    if (p.bareOnly) {
      if (argv.length === 1 && !stdin) return { program: p, inputs: [] };
      continue;
    }
    if (p.args === undefined) return { program: p, inputs: [] };
    const inputs = argsInputs(p.args, argv.slice(1));
    if (inputs) return { program: p, inputs };
  }
  return undefined;
}

/** The capture groups when each argument matches its pattern whole, and there are no others. */
function argsInputs(patterns: readonly string[], args: readonly string[]): string[] | undefined {
  if (args.length !== patterns.length) return undefined;
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const m = wholeMatch(patterns[i]).exec(args[i]);
    if (!m) return undefined;
    inputs.push(...m.slice(1).map((g) => g ?? ""));
  }
  return inputs;
}

const compiled = new Map<string, RegExp>();
function wholeMatch(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) compiled.set(pattern, (re = new RegExp(`^(?:${pattern})$`)));
  return re;
}
