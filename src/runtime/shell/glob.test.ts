import { describe, expect, it } from "vitest";

import { globMatch } from "./glob";
import { runScript } from "./test-host";
import type { ScriptCase } from "./test-host";

const FILES = {
  "/etc/config/b.conf": "b",
  "/etc/config/a.conf": "a",
  "/etc/config/.hidden": "h",
  "/etc/config/c1.txt": "c",
  "/etc/config/sub/x.conf": "x",
  "/tmp/keep": "",
};


const cases: ScriptCase[] = [
  { name: "* matches names in a directory, sorted", script: "echo /etc/config/*", stdout: "/etc/config/a.conf /etc/config/b.conf /etc/config/c1.txt /etc/config/sub\n" },
  { name: "for f in dir/* iterates over the files", script: "for f in /etc/config/*.conf; do echo \"$f=$(cat $f)\"; done", stdout: "/etc/config/a.conf=a\n/etc/config/b.conf=b\n" },
  { name: "? matches one character", script: "echo /etc/config/c?.txt", stdout: "/etc/config/c1.txt\n" },
  { name: "[abc] and [!abc] classes", script: "echo /etc/config/[ab].conf; echo /etc/config/[!ab]*", stdout: "/etc/config/a.conf /etc/config/b.conf\n/etc/config/c1.txt /etc/config/sub\n" },
  { name: "an unmatched pattern stays as written", script: "echo /etc/config/*.yaml", stdout: "/etc/config/*.yaml\n" },
  { name: "quoted and escaped patterns are not expanded", script: "echo \"/etc/config/*\" '/etc/*' /etc/config/\\*", stdout: "/etc/config/* /etc/* /etc/config/*\n" },
  { name: "a leading dot must be matched explicitly", script: "echo /etc/config/.h*", stdout: "/etc/config/.hidden\n" },
  { name: "patterns in several segments", script: "echo /etc/*/sub/*.conf", stdout: "/etc/config/sub/x.conf\n" },
  { name: "relative patterns are seen from the working directory", script: "cd /etc/config && echo *.conf", stdout: "a.conf b.conf\n" },
  { name: "a pattern from an unquoted variable expands", script: "p='/etc/config/*.conf'; echo $p; echo \"$p\"", stdout: "/etc/config/a.conf /etc/config/b.conf\n/etc/config/*.conf\n" },
  { name: "assignments are not expanded", script: "x=/etc/config/*; echo \"$x\"", stdout: "/etc/config/*\n" },
  { name: "a trailing slash matches only directories", script: "echo /etc/config/*/", stdout: "/etc/config/sub/\n" },
  { name: "case patterns: quoted * is literal", script: "for w in '*' x; do case $w in \"*\") echo star;; *) echo other;; esac; done", stdout: "star\nother\n" },
];

describe("pathname expansion", () => {
  it.each(cases)("$name", (c) => {
    const r = runScript(c.script, { files: FILES });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(c.stdout);
  });
});

describe("globMatch", () => {
  it.each([
    ["*.txt", "a.txt", true],
    ["*.txt", "a.txt.bak", false],
    ["a?c", "abc", true],
    ["[[:digit:]]*", "9lives", true],
    ["[!0-9]*", "9lives", false],
    ["\\*", "*", true],
    ["\\*", "x", false],
    ["[", "[", true],
  ] as const)("%s against %s is %s", (pattern, text, want) => {
    expect(globMatch(pattern, text)).toBe(want);
  });
});
