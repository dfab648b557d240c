import { describe, expect, it } from "vitest";

import { runScript } from "./test-host";
import type { ScriptCase } from "./test-host";


const FILES = { "/etc/hosts.txt": "10.0.0.1 web\n10.0.0.2 db\n", "/noeol": "last" };

const cases: ScriptCase[] = [
  { name: "read VAR takes a line from a pipe", script: "echo hello | { read v; echo \"[$v]\"; }", stdout: "[hello]\n" },
  { name: "read A B splits; the last takes the rest", script: "echo 'a b  c d' | { read x y; echo \"$x|$y\"; }", stdout: "a|b  c d\n" },
  { name: "missing fields are empty", script: "echo one | { read x y; echo \"$x|$y|\"; }", stdout: "one||\n" },
  { name: "read without names sets REPLY", script: "echo r | { read; echo $REPLY; }", stdout: "r\n" },
  { name: "without -r a backslash escapes; -r keeps it", script: "printf 'a\\\\ b c\\n' | { read x y; echo \"$x|$y\"; }; printf 'a\\\\b\\n' | { read -r x; echo \"$x\"; }", stdout: "a b|c\na\\b\n" },
  { name: "while read loops over a file", script: "while read ip name; do echo \"$name=$ip\"; done < /etc/hosts.txt", stdout: "web=10.0.0.1\ndb=10.0.0.2\n" },
  { name: "a last line without a newline is read, with status 1", script: "while read l; do echo \"<$l>\"; done < /noeol; read x < /noeol; echo \"$? $x\"", stdout: "1 last\n" },
  { name: "read at end of input fails", script: "read x < /dev/null; echo $?", stdout: "1\n" },
  { name: "IFS= keeps leading spaces", script: "printf '  in\\n' | { IFS= read -r l; echo \"[$l]\"; }", stdout: "[  in]\n" },
  { name: "IFS=: splits on colons", script: "echo 'root:x:0' | { IFS=: read u p id; echo \"$u $id\"; }", stdout: "root 0\n" },
  { name: "read from a here-document", script: "read a b <<EOF\none two\nEOF\necho \"$b $a\"", stdout: "two one\n" },
  { name: "read from a here-string", script: "read a b <<< 'x y'; echo \"$b$a\"", stdout: "yx\n" },
  { name: "a here-string expands variables and adds a newline", script: "v=hi; cat <<< \"$v there\"", stdout: "hi there\n" },
  { name: "a loop over a here-document", script: "while read n; do echo $((n * 2)); done <<EOF\n1\n2\nEOF", stdout: "2\n4\n" },
  { name: "<<- strips tabs; a quoted delimiter keeps $", script: "cat <<-'E'\n\t$HOME\n\tE", stdout: "$HOME\n" },
  { name: "cat inside a read loop takes the rest of the input", script: "printf '1\\n2\\n3\\n' | while read a; do echo first=$a; cat; done", stdout: "first=1\n2\n3\n" },
  { name: "the loop's stdin redirect does not reach commands after it", script: "while read l; do :; done < /etc/hosts.txt; read x; echo \"[$x] $?\"", stdout: "[] 1\n" },
];

describe("read and here-documents", () => {
  it.each(cases)("$name", (c) => {
    const r = runScript(c.script, { files: FILES });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(c.stdout);
    expect(r.code).toBe(c.code ?? 0);
  });
});
