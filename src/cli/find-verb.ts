// Where the verb is in argv: the words that name one (`create deployment`), found as cobra's
// command lookup finds them, and whether the line asks for help.

import { VERBS } from "./verb-table";

/** A verb's name: VERBS's own keys only ("constructor" is a word, not a verb). */
const isVerb = (name: string): boolean => Object.hasOwn(VERBS, name);

export interface FoundVerb {
  readonly name: string;
  /** argv without the verb's words. */
  readonly args: string[];
}

/** The verb argv names, and the rest of argv: see leadingVerb and verbAfterFlags. */
export function findVerb(argv: readonly string[]): FoundVerb | undefined {
  return leadingVerb(argv) ?? verbAfterFlags(argv);
}

/** The longest leading run of non-flag words that names a verb: "create deployment" before "create". */
function leadingVerb(argv: readonly string[]): FoundVerb | undefined {
  const words: number[] = [];
  for (let i = 0; i < argv.length && words.length < 3; i++) {
    if (argv[i] === "--") break;
    if (argv[i].startsWith("-")) break;
    words.push(i);
  }
  for (let n = words.length; n > 0; n--) {
    const name = words.slice(0, n).map((i) => argv[i]).join(" ");
    if (isVerb(name)) return { name, args: [...argv.slice(0, words[0]), ...argv.slice(words[n - 1] + 1)] };
  }
  return undefined;
}

/**
 * The command words cobra finds past leading flags (its stripFlags): a flag written without
 * `=` is taken to own the next word, as an unknown flag at the root would.
 */
export function commandWords(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") break;
    const takesNext = !a.includes("=") && (a.startsWith("--") || (a.startsWith("-") && a.length === 2));
    if (takesNext) {
      if (argv.length - i - 1 <= 1) break;
      i++;
    } else if (a !== "" && !a.startsWith("-")) words.push(a);
  }
  return words;
}

/** A verb named past leading flags written with `=` (`--foo=bar get pods`): its parser reports them. */
function verbAfterFlags(rest: readonly string[]): FoundVerb | undefined {
  if (!rest[0]?.startsWith("-")) return undefined;
  const words = commandWords(rest);
  for (let n = Math.min(3, words.length); n > 0; n--) {
    const name = words.slice(0, n).join(" ");
    if (!isVerb(name)) continue;
    const args = [...rest];
    for (const w of words.slice(0, n)) args.splice(args.indexOf(w), 1);
    return { name, args };
  }
  return undefined;
}

/** -h or --help among the flags: after `--` they belong to the command run (`exec p -- ls -h`). */
export function asksForHelp(args: readonly string[]): boolean {
  const dash = args.indexOf("--");
  const flags = dash < 0 ? args : args.slice(0, dash);
  return flags.includes("-h") || flags.includes("--help");
}
