// kubectl's help layouts: the top-level command list, a verb's help, and the unknown-command
// message with "Did you mean this?" suggestions (cobra's Levenshtein distance ≤ 2).

import type { Command } from "commander";
import type { Verb } from "./verb";
import { VERBS } from "./verb-table";

export function topLevelHelp(): string {
  const groups = new Map<string, [string, string][]>();
  for (const [name, entry] of Object.entries(VERBS)) {
    if (!entry.group) continue;
    const list = groups.get(entry.group) ?? [];
    list.push([name, entry.short]);
    groups.set(entry.group, list);
  }
  const width = Math.max(...[...groups.values()].flat().map(([n]) => n.length)) + 3;
  let out = "kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n";
  out += " kubesim runs these commands against a simulated cluster kept in one state file.\n\n";
  for (const [group, list] of groups) {
    out += `${group}:\n`;
    for (const [n, s] of list) out += `  ${n.padEnd(width)}${s}\n`;
    out += "\n";
  }
  out += "Usage:\n  kubectl [flags] [options]\n\n";
  out += 'Use "kubectl <command> --help" for more information about a given command.\n';
  out += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return out;
}

/** kubectl's verb help: long text, examples, options (pflag style), usage. */
export function verbHelp(verb: Verb, cmd: Command): string {
  let out = `${verb.help.long.trimEnd()}\n\n`;
  if (verb.help.aliases) out += `Aliases:\n${verb.help.aliases.join(", ")}\n\n`;
  if (verb.help.example.trim()) out += `Examples:\n${verb.help.example.replace(/\n+$/, "")}\n\n`;
  const subs = subcommandsOf(verb.name);
  if (subs.length > 0) {
    // cobra pads names to the longest (at least 11), then kubectl's template adds three spaces.
    const width = Math.max(11, ...subs.map(([n]) => n.length)) + 3;
    out += `Available Commands:\n${subs.map(([n, s]) => `  ${n.padEnd(width)}${s}\n`).join("")}\n`;
  }
  // pflag prints flags sorted by their long name.
  const opts = cmd.options.filter((o) => !o.negate && !o.hidden).sort((a, b) => ((a.long ?? "") < (b.long ?? "") ? -1 : 1));
  if (opts.length > 0) {
    out += "Options:\n";
    for (const o of opts) {
      const names = o.short ? `${o.short}, ${o.long}` : `${o.long}`;
      const def = defaultText(o.isBoolean(), o.defaultValue);
      out += `    ${names}=${def}:\n\t${o.description}\n\n`;
    }
  }
  out += `Usage:\n  kubectl ${verb.help.usage}\n\n`;
  if (subs.length > 0) out += `Use "kubectl ${verb.name} <command> --help" for more information about a given command.\n`;
  out += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return out;
}

/** The verb's sub-commands kubesim has, by name (cobra sorts them), aliases left out. */
export function subcommandsOf(verb: string): [string, string][] {
  return Object.entries(VERBS)
    .filter(([n, e]) => !e.alias && n.startsWith(`${verb} `) && !n.slice(verb.length + 1).includes(" "))
    .map(([n, e]): [string, string] => [n.slice(verb.length + 1), e.short])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** pflag's rendering of a default: false, 0, -1 and [] bare; strings in single quotes. */
function defaultText(isBoolean: boolean, value: unknown): string {
  if (isBoolean) return String(value ?? false);
  if (value === undefined) return "''";
  if (Array.isArray(value)) return `[${value.join(",")}]`;
  if (typeof value === "number" || /^-?\d+(\.\d+)?((ns|us|ms|s|m|h)(\d+(\.\d+)?(ns|us|ms|s|m|h))*)?$/.test(String(value))) return String(value);
  return `'${String(value)}'`;
}

/** kubectl's commands in the order cobra holds them (kubectl disables sorting). */
const KUBECTL_COMMANDS = (
  "create expose run set explain get edit delete rollout scale autoscale certificate cluster-info top cordon " +
  "uncordon drain taint describe logs attach exec port-forward proxy cp auth debug events diff apply patch " +
  "replace wait kustomize label annotate completion alpha config plugin version api-versions api-resources options"
).split(" ");

/** cobra's "unknown command" error, with suggestions at Levenshtein distance ≤ 2 or by prefix. */
export function unknownCommand(word: string, extra: readonly string[] = []): string {
  const all = [...KUBECTL_COMMANDS, ...extra.filter((v) => !KUBECTL_COMMANDS.includes(v))];
  const suggestions = all.filter((v) => levenshtein(v, word.toLowerCase()) <= 2 || v.startsWith(word.toLowerCase()));
  let out = `Error: unknown command "${word}" for "kubectl"\n`;
  if (suggestions.length > 0) out += `\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join("")}\n`;
  return out;
}

/** Whether kubectl has this command (kubesim may not, yet). */
export const isKubectlCommand = (word: string): boolean => KUBECTL_COMMANDS.includes(word);

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}
