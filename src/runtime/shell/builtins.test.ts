import { describe, expect, it } from "vitest";

import { runToCompletion } from "./process";
import { TEST_EPOCH, testHost } from "./test-host";
import type { TestHostOptions } from "./test-host";

interface Case {
  name: string;
  script: string;
  stdout: string;
  stderr?: string;
  code?: number;
  host?: TestHostOptions;
  env?: Record<string, string>;
  /** Files expected afterwards (undefined: must not exist). */
  files?: Record<string, string | undefined>;
  dirs?: string[];
}

const FILES = { "/data/a.txt": "alpha\n", "/data/b.txt": "beta\n", "/data/.hidden": "", "/data/sub/c": "" };

const cases: Case[] = [
  { name: "echo joins its arguments", script: "echo a  b   c", stdout: "a b c\n" },
  { name: "echo -n omits the newline", script: "echo -n no; echo line", stdout: "noline\n" },
  { name: "echo -e interprets escapes", script: "echo -e 'a\\tb\\nc'", stdout: "a\tb\nc\n" },
  { name: "echo without -e leaves backslashes", script: "echo 'a\\nb'", stdout: "a\\nb\n" },
  { name: "printf formats %s, %d and \\n", script: "printf '%s is %d\\n' age 42", stdout: "age is 42\n" },
  { name: "printf reuses the format for extra arguments", script: "printf '%s,' a b c; printf '\\n'", stdout: "a,b,c,\n" },
  { name: "printf pads with width and flags", script: "printf '[%5s][%-3s][%03d]\\n' ab c 7", stdout: "[   ab][c  ][007]\n" },
  { name: "printf rejects a non-number for %d", script: "printf '%d\\n' x", stdout: "0\n", stderr: "printf: invalid number 'x'\n", code: 1 },
  { name: "cat prints files in order", script: "cat /data/a.txt /data/b.txt", stdout: "alpha\nbeta\n", host: { files: FILES } },
  { name: "cat of a missing file fails with busybox's message", script: "cat /nope", stdout: "", stderr: "cat: can't open '/nope': No such file or directory\n", code: 1 },
  { name: "cat of a directory is a read error", script: "cat /data", stdout: "", stderr: "cat: read error: Is a directory\n", code: 1, host: { files: FILES } },
  { name: "touch creates an empty file and keeps an existing one", script: "touch /data/new /data/a.txt", stdout: "", host: { files: FILES }, files: { "/data/new": "", "/data/a.txt": "alpha\n" } },
  { name: "touch in a missing directory fails", script: "touch /no/f", stdout: "", stderr: "touch: /no/f: No such file or directory\n", code: 1 },
  { name: "rm removes a file", script: "rm /data/a.txt", stdout: "", host: { files: FILES }, files: { "/data/a.txt": undefined } },
  { name: "rm of a missing file fails", script: "rm /nope", stdout: "", stderr: "rm: can't remove '/nope': No such file or directory\n", code: 1 },
  { name: "rm -f ignores a missing file", script: "rm -f /nope", stdout: "" },
  { name: "rm of a directory needs -r", script: "rm /data/sub", stdout: "", stderr: "rm: can't remove '/data/sub': Is a directory\n", code: 1, host: { files: FILES } },
  { name: "rm -rf removes a directory tree", script: "rm -rf /data/sub; ls /data", stdout: "a.txt\nb.txt\n", host: { files: FILES }, files: { "/data/sub/c": undefined } },
  { name: "mkdir creates a directory", script: "mkdir /d; ls /", stdout: "d\n", dirs: ["/d"] },
  { name: "mkdir of an existing directory fails", script: "mkdir /d; mkdir /d", stdout: "", stderr: "mkdir: can't create directory '/d': File exists\n", code: 1 },
  { name: "mkdir without -p needs the parent", script: "mkdir /a/b", stdout: "", stderr: "mkdir: can't create directory '/a/b': No such file or directory\n", code: 1 },
  { name: "mkdir -p creates parents and accepts existing ones", script: "mkdir -p /a/b/c && mkdir -p /a/b", stdout: "", dirs: ["/a", "/a/b", "/a/b/c"] },
  { name: "ls lists a directory without dot files", script: "ls /data", stdout: "a.txt\nb.txt\nsub\n", host: { files: FILES } },
  { name: "ls -a includes dot files", script: "ls -a /data", stdout: ".hidden\na.txt\nb.txt\nsub\n", host: { files: FILES } },
  { name: "ls of several paths prints headers", script: "ls /data/a.txt /data/sub /data", stdout: "/data/a.txt\n\n/data/sub:\nc\n\n/data:\na.txt\nb.txt\nsub\n", host: { files: FILES } },
  { name: "ls of a missing path fails", script: "ls /nope", stdout: "", stderr: "ls: /nope: No such file or directory\n", code: 1 },
  { name: "cd changes the directory relative paths use", script: "cd /data && cat a.txt && pwd", stdout: "alpha\n/data\n", host: { files: FILES } },
  { name: "env prints the exported environment in order", script: "env", stdout: "B=2\nA=1\n", env: { B: "2", A: "1" } },
  { name: "export adds a variable to the environment", script: "X=1; export X; export Y=2; Z=3; env", stdout: "X=1\nY=2\n" },
  { name: "a prefix assignment is in the command's environment only", script: "FOO=bar printenv FOO; printenv FOO", stdout: "bar\n", code: 1 },
  { name: "printenv prints one variable's value", script: "printenv HOME", stdout: "/root\n", env: { HOME: "/root" } },
  { name: "printenv of an unset variable fails", script: "printenv NOPE", stdout: "", code: 1 },
  { name: "hostname prints the pod's hostname", script: "hostname", stdout: "web-0\n", host: { hostname: "web-0" } },
  { name: "date prints the busybox default format in UTC", script: "date", stdout: "Wed Jan  1 00:00:05 UTC 2025\n", host: { now: TEST_EPOCH + 5000 } },
  { name: "date +FORMAT uses strftime conversions", script: "date +%Y-%m-%dT%H:%M:%S%z", stdout: "2025-01-01T00:00:05+0000\n", host: { now: TEST_EPOCH + 5000 } },
  { name: "true and false set the status", script: "true; echo $?; false; echo $?", stdout: "0\n1\n" },
  { name: "exit without a number keeps the last status", script: "false; exit", stdout: "", code: 1 },
  { name: "an unknown program is not found", script: "nginx -g 'daemon off;'", stdout: "", stderr: "sh: nginx: not found\n", code: 127 },
  { name: "/bin/ paths run the builtins", script: "/bin/echo hi", stdout: "hi\n" },
  { name: "sleep rejects an invalid duration", script: "sleep abc", stdout: "", stderr: "sleep: invalid number 'abc'\n", code: 1 },
  { name: "kill of the shell's own pid ends it with 128+signal", script: "kill $$; echo not reached", stdout: "", code: 143 },
  { name: "kill -9 of the shell's own pid gives 137", script: "kill -9 $$", stdout: "", code: 137 },
  { name: "kill of another pid fails", script: "kill 42", stdout: "", stderr: "sh: can't kill pid 42: No such process\n", code: 1 },
  { name: "exec runs a command and ends the shell with its status", script: "exec false; echo not reached", stdout: "", code: 1 },
];

describe("builtins", () => {
  it.each(cases)("$name", (c) => {
    const host = testHost(c.host);
    const r = runToCompletion(["sh", "-c", c.script], c.env ?? {}, host);
    const text = (s: string) => r.output.filter((o) => o.stream === s).map((o) => o.text).join("");
    expect(text("stdout")).toBe(c.stdout);
    expect(text("stderr")).toBe(c.stderr ?? "");
    expect(r.exitCode).toBe(c.code ?? 0);
    for (const [path, content] of Object.entries(c.files ?? {})) expect(host.fs.read(path)).toBe(content);
    for (const d of c.dirs ?? []) expect(host.fs.kind(d)).toBe("dir");
  });
});

const testCases: { name: string; expr: string; code: number; host?: TestHostOptions }[] = [
  { name: "-f is true for a file", expr: "[ -f /f ]", code: 0, host: { files: { "/f": "x" } } },
  { name: "-f is false for a directory", expr: "[ -f /d ]", code: 1, host: { dirs: ["/d"] } },
  { name: "-d is true for a directory", expr: "test -d /d", code: 0, host: { dirs: ["/d"] } },
  { name: "-e is false for a missing path", expr: "[ -e /nope ]", code: 1 },
  { name: "-s is false for an empty file", expr: "[ -s /f ]", code: 1, host: { files: { "/f": "" } } },
  { name: "-z is true for an empty string", expr: '[ -z "" ]', code: 0 },
  { name: "-n is true for a non-empty string", expr: "[ -n abc ]", code: 0 },
  { name: "= compares strings", expr: "[ abc = abc ]", code: 0 },
  { name: "!= compares strings", expr: "[ abc != abc ]", code: 1 },
  { name: "-eq compares integers", expr: "[ 010 -eq 10 ]", code: 0 },
  { name: "-ne compares integers", expr: "[ 1 -ne 2 ]", code: 0 },
  { name: "-lt compares integers", expr: "[ 2 -lt 10 ]", code: 0 },
  { name: "-gt compares integers", expr: "[ 2 -gt 10 ]", code: 1 },
  { name: "-le accepts equality", expr: "[ 3 -le 3 ]", code: 0 },
  { name: "-ge rejects smaller", expr: "[ 2 -ge 3 ]", code: 1 },
  { name: "! negates", expr: "[ ! -e /nope ]", code: 0 },
  { name: "-a needs both sides", expr: "[ a = a -a b = c ]", code: 1 },
  { name: "-o needs either side", expr: "[ a = b -o b = b ]", code: 0 },
  { name: "a lone string is true when non-empty", expr: "[ word ]", code: 0 },
  { name: "no expression is false", expr: "[ ]", code: 1 },
  { name: "a bad integer is an error (status 2)", expr: "[ x -eq 1 ]", code: 2 },
  { name: "[ without ] is an error (status 2)", expr: "[ a = a", code: 2 },
];

describe("test and [", () => {
  it.each(testCases)("$name", (c) => {
    const r = runToCompletion(["sh", "-c", c.expr], {}, testHost(c.host));
    expect(r.exitCode).toBe(c.code);
  });
});
