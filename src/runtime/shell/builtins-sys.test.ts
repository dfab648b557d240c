import { describe, expect, it } from "vitest";

import { runToCompletion } from "./process";
import { runScript, testHost } from "./test-host";
import type { ScriptCase } from "./test-host";


const cases: ScriptCase[] = [
  { name: "basename strips the directory and a suffix", script: "basename /a/b/c.txt; basename /a/b/c.txt .txt; basename /a/b/; basename /", stdout: "c.txt\nc\nb\n/\n" },
  { name: "dirname keeps the directory", script: "dirname /a/b/c.txt; dirname c.txt; dirname /a; dirname /a/b/", stdout: "/a/b\n.\n/\n/a\n" },
  { name: "seq LAST, FIRST LAST, FIRST INC LAST", script: "seq 3; seq 2 4; seq 10 -5 1", stdout: "1\n2\n3\n2\n3\n4\n10\n5\n" },
  { name: "seq -s and -w", script: "seq -s , 3; seq -w 8 10", stdout: "1,2,3\n08\n09\n10\n" },
  { name: "expr arithmetic and precedence", script: "expr 2 + 3 \\* 4; expr 7 / 2; expr 7 % 3", stdout: "14\n3\n1\n" },
  { name: "expr comparisons print 1/0 and set the status", script: "expr 3 \\> 2; expr a = b; echo $?", stdout: "1\n0\n1\n" },
  { name: "expr string operations", script: "expr length hello; expr abc : 'a.'; expr substr hello 2 3", stdout: "5\n2\nell\n" },
  { name: "expr with a non-number fails with 2", script: "expr a + 1", stdout: "", stderr: "expr: non-integer argument\n", code: 2 },
  { name: "uname prints the kernel name; -n the hostname", script: "uname; uname -n; uname -r", stdout: "Linux\ntest-pod\n6.8.0-45-generic\n" },
  { name: "id and whoami: root", script: "id; id -u; whoami", stdout: "uid=0(root) gid=0(root) groups=0(root)\n0\nroot\n" },
  { name: "$((...)) assignment, increments, ternary, bit operators", script: "i=1; echo $((i += 2)) $((i++)) $i $((++i)) $((i > 3 ? 10 : 20)) $((5 & 3)) $((1 << 4)) $((2 ** 8)) $((~0))", stdout: "3 3 4 5 10 1 16 256 -1\n" },
  { name: "$? $# $@ and shift", script: "set -- a b c; echo $#; shift; echo \"$@\"; shift 2; echo $# $?", stdout: "3\nb c\n0 0\n" },
  { name: "export without names lists the exported variables", script: "export A='x y'; export", stdout: "export A='x y'\n" },
  { name: "sleep infinity sleeps (a century)", script: "sleep infinity; echo woke", stdout: "" },
  { name: "an unknown program is not found with 127", script: "frobnicate --now; echo $?", stdout: "127\n", stderr: "sh: frobnicate: not found\n" },
];

describe("system builtins", () => {
  it.each(cases)("$name", (c) => {
    const r = runScript(c.script);
    expect(r.stdout).toBe(c.stdout);
    expect(r.stderr).toBe(c.stderr ?? "");
    if (c.name.startsWith("sleep infinity")) expect(r.run.timedOut).toBe(true);
    else expect(r.code).toBe(c.code ?? 0);
  });

  it("ps lists pid 1, the exec'd shell and itself", () => {
    const r = runToCompletion(["sh", "-c", "ps"], {}, testHost(), 1000, { pid: 7, mainCommand: "nginx -g daemon off;" });
    expect(r.output.map((o) => o.text).join("")).toBe(
      "PID   USER     TIME  COMMAND\n    1 root      0:00 nginx -g daemon off;\n    7 root      0:00 sh -c ps\n    8 root      0:00 ps\n",
    );
  });
});

describe("a process's standard input", () => {
  it("is read by the commands of the script, in order", () => {
    const r = runToCompletion(["sh", "-c", "read first; echo \"first=$first\"; cat | wc -l"], {}, testHost(), 1000, { stdin: "a\nb\nc\n" });
    expect(r.output.map((o) => o.text).join("")).toBe("first=a\n2\n");
  });

  it("feeds a single program", () => {
    const r = runToCompletion(["grep", "-c", "x"], {}, testHost(), 1000, { stdin: "x\ny\nx\n" });
    expect(r.output.map((o) => o.text).join("")).toBe("2\n");
  });
});
