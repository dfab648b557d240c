import { describe, expect, it } from "vitest";

import { runToCompletion } from "./process";
import { testHost } from "./test-host";
import type { TestHostOptions } from "./test-host";

interface Case {
  name: string;
  script: string;
  stdout: string;
  stderr?: string;
  code?: number;
  host?: TestHostOptions;
  env?: Record<string, string>;
}

function sh(script: string, host: TestHostOptions = {}, env: Record<string, string> = {}) {
  const h = testHost(host);
  const r = runToCompletion(["sh", "-c", script], env, h);
  const text = (s: "stdout" | "stderr") => r.output.filter((o) => o.stream === s).map((o) => o.text).join("");
  return { stdout: text("stdout"), stderr: text("stderr"), code: r.exitCode, fs: h.fs, run: r };
}

const controlFlow: Case[] = [
  { name: "a semicolon and a newline both separate commands", script: "echo a; echo b\necho c", stdout: "a\nb\nc\n" },
  { name: "&& runs the right side only after success", script: "true && echo yes; false && echo no", stdout: "yes\n", code: 1 },
  { name: "|| runs the right side only after failure", script: "false || echo yes; true || echo no", stdout: "yes\n" },
  { name: "! inverts a status", script: "! false && echo inverted; ! true; echo $?", stdout: "inverted\n1\n" },
  { name: "if takes the then branch on success", script: "if true; then echo then; else echo else; fi", stdout: "then\n" },
  { name: "elif is tried when the if condition fails", script: "if false; then echo 1; elif true; then echo 2; else echo 3; fi", stdout: "2\n" },
  { name: "else runs when every condition fails", script: "if false; then echo 1; elif false; then echo 2; else echo 3; fi", stdout: "3\n" },
  { name: "an if with no branch taken has status 0", script: "if false; then :; fi; echo $?", stdout: "0\n" },
  { name: "while loops while its condition succeeds", script: "i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done", stdout: "0\n1\n2\n" },
  { name: "until loops until its condition succeeds", script: "i=0; until [ $i -ge 2 ]; do echo $i; i=$((i+1)); done", stdout: "0\n1\n" },
  { name: "for iterates over expanded words", script: 'x="b c"; for w in a $x "d e"; do echo "[$w]"; done', stdout: "[a]\n[b]\n[c]\n[d e]\n" },
  { name: "break leaves the loop", script: "for i in 1 2 3; do if [ $i = 2 ]; then break; fi; echo $i; done; echo end", stdout: "1\nend\n" },
  { name: "continue skips to the next iteration", script: "for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done", stdout: "1\n3\n" },
  { name: "break 2 leaves two nested loops", script: "for i in 1 2; do for j in a b; do echo $i$j; break 2; done; done; echo end", stdout: "1a\nend\n" },
  { name: "continue in a while loop re-tests the condition", script: "i=0; while [ $i -lt 3 ]; do i=$((i+1)); [ $i = 2 ] && continue; echo $i; done", stdout: "1\n3\n" },
  { name: "case matches glob patterns", script: "for f in a.txt b.log c; do case $f in *.txt) echo text;; *.log|*.out) echo log;; *) echo other;; esac; done", stdout: "text\nlog\nother\n" },
  { name: "functions take positional parameters and return a status", script: 'f() { echo "$1-$#"; return 3; }; f x y; echo $?', stdout: "x-2\n3\n" },
  { name: "a subshell does not change the parent's variables", script: "x=1; (x=2; echo $x); echo $x", stdout: "2\n1\n" },
  { name: "exit inside a subshell only ends the subshell", script: "(exit 4); echo $?", stdout: "4\n" },
  { name: "a block runs in the current shell", script: "{ x=5; }; echo $x", stdout: "5\n" },
  { name: "exit N ends the script with status N", script: "echo before; exit 3; echo after", stdout: "before\n", code: 3 },
  { name: "the script's status is its last command's", script: "echo hi; false", stdout: "hi\n", code: 1 },
  { name: "a pipeline feeds stdout into the next command's stdin", script: "echo piped | cat", stdout: "piped\n" },
  { name: "a background command runs and the script goes on", script: "echo bg & echo fg", stdout: "bg\nfg\n" },
];

const expansion: Case[] = [
  { name: "$VAR and ${VAR} expand", script: 'A=x; echo $A ${A}y "$A"', stdout: "x xy x\n" },
  { name: "$? is the last status", script: "false; echo $?; true; echo $?", stdout: "1\n0\n" },
  { name: "$$ is the process id", script: "echo $$", stdout: "1\n" },
  { name: "$# and $@ are the positional parameters", script: 'set -- a "b c"; echo $#; for a in "$@"; do echo "<$a>"; done', stdout: "2\n<a>\n<b c>\n" },
  { name: "single quotes keep everything literal", script: "A=x; echo '$A \"q\"'", stdout: '$A "q"\n' },
  { name: "double quotes keep spaces and expand variables", script: 'A="a   b"; echo "$A"; echo $A', stdout: "a   b\na b\n" },
  { name: "backslash escapes in and out of double quotes", script: 'echo \\$A "\\$B \\"q\\"" a\\ b', stdout: '$A $B "q" a b\n' },
  { name: "$(...) substitutes a command's output without trailing newlines", script: 'x=$(echo hi; echo there); echo "[$x]"', stdout: "[hi\nthere]\n" },
  { name: "$(...) sets $? for an assignment", script: "x=$(false); echo $?", stdout: "1\n" },
  { name: "$((...)) does integer arithmetic", script: "i=7; echo $((i * 2 + 1)) $((i / 2)) $((i % 4)) $(( (1+2)*3 ))", stdout: "15 3 3 9\n" },
  { name: "${VAR:-default} substitutes for unset or empty", script: 'E=; echo ${U:-d1} ${E:-d2} ${E-d3}x', stdout: "d1 d2 x\n" },
  { name: "${VAR:=value} assigns", script: "echo ${N:=set}; echo $N", stdout: "set\nset\n" },
  { name: "${#VAR} is the length", script: "s=hello; echo ${#s}", stdout: "5\n" },
  { name: "unset removes a variable", script: "A=1; unset A; echo \"[${A}]\"", stdout: "[]\n" },
  { name: "variables from the environment are visible", script: "echo $GREETING", stdout: "hello\n", env: { GREETING: "hello" } },
];

const redirection: Case[] = [
  { name: "> creates and truncates a file", script: "echo one > /f; echo two > /f; cat /f", stdout: "two\n" },
  { name: ">> appends to a file", script: "echo one >> /f; echo two >> /f; cat /f", stdout: "one\ntwo\n" },
  { name: "2>&1 sends stderr where stdout goes", script: "cat /missing > /out 2>&1; cat /out", stdout: "cat: can't open '/missing': No such file or directory\n", code: 0 },
  { name: "2> sends stderr to a file", script: "cat /missing 2>/err; echo $?; cat /err", stdout: "1\ncat: can't open '/missing': No such file or directory\n" },
  { name: "> /dev/null discards output", script: "echo gone > /dev/null; echo kept", stdout: "kept\n" },
  { name: "< feeds a file to stdin", script: "cat < /in", stdout: "input\n", host: { files: { "/in": "input\n" } } },
  { name: "a here-document expands variables", script: "X=1\ncat <<EOF\nx=$X \\$y\nEOF", stdout: "x=1 $y\n" },
  { name: "a here-document with a quoted delimiter is literal", script: "cat <<'EOF'\nx=$X\nEOF", stdout: "x=$X\n" },
  { name: "<<- strips leading tabs", script: "cat <<-EOF\n\tindented\n\tEOF", stdout: "indented\n" },
  { name: "a redirection on a loop covers its whole body", script: "for i in 1 2; do echo $i; done > /f; cat /f", stdout: "1\n2\n" },
  { name: "a redirect into a missing directory fails the command", script: "echo x > /no/f; echo $?", stdout: "1\n", stderr: "sh: can't create /no/f: No such file or directory\n" },
  { name: "writing to a read-only volume reports EROFS", script: "echo x > /etc/config/k", stdout: "", stderr: "sh: can't create /etc/config/k: Read-only file system\n", code: 1, host: { files: { "/etc/config/k": "v" }, readOnly: ["/etc/config"] } },
];

describe("shell interpreter", () => {
  it.each([...controlFlow, ...expansion, ...redirection])("$name", (c) => {
    const r = sh(c.script, c.host, c.env);
    expect(r.stdout).toBe(c.stdout);
    expect(r.stderr).toBe(c.stderr ?? "");
    expect(r.code).toBe(c.code ?? 0);
  });
});
