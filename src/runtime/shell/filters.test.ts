import { describe, expect, it } from "vitest";

import { runScript } from "./test-host";
import type { ScriptCase } from "./test-host";


const FILES = { "/data/log": "INFO start\nwarn disk\nERROR boom\nINFO done\n", "/data/nums": "10\n9\n100\n9\n" };

const cases: ScriptCase[] = [
  // grep
  { name: "grep prints matching lines; status 0", script: "grep INFO /data/log", stdout: "INFO start\nINFO done\n" },
  { name: "grep -i ignores case", script: "grep -i error /data/log", stdout: "ERROR boom\n" },
  { name: "grep -v inverts", script: "grep -v INFO /data/log", stdout: "warn disk\nERROR boom\n" },
  { name: "grep -c counts", script: "grep -c INFO /data/log", stdout: "2\n" },
  { name: "grep -q prints nothing, status says", script: "grep -q boom /data/log && echo found; grep -q nope /data/log; echo $?", stdout: "found\n1\n" },
  { name: "grep without a match exits 1", script: "echo a | grep b", stdout: "", code: 1 },
  { name: "grep -E takes extended regexes", script: "grep -E '^(warn|ERROR)' /data/log", stdout: "warn disk\nERROR boom\n" },
  { name: "grep basic regex: + is literal, \\+ repeats", script: "printf 'a+b\\naab\\n' | grep 'a+b'; printf 'aab\\n' | grep 'a\\+b'", stdout: "a+b\naab\n" },
  { name: "grep -n numbers lines; several files get a prefix", script: "grep -n done /data/log; grep -c 9 /data/log /data/nums", stdout: "4:INFO done\n/data/log:0\n/data/nums:2\n" },
  { name: "grep on a missing file exits 2", script: "grep x /nope", stdout: "", stderr: "grep: /nope: No such file or directory\n", code: 2 },
  { name: "grep [[:digit:]] classes", script: "printf 'a1\\nb\\n' | grep '[[:digit:]]'", stdout: "a1\n" },
  // wc
  { name: "wc -l on stdin prints the bare count", script: "wc -l < /data/log", stdout: "4\n" },
  { name: "wc without options pads three counts (busybox)", script: "echo hi there | wc", stdout: "        1         2         9\n" },
  { name: "wc -w and -c", script: "echo hi there | wc -w; echo hi | wc -c", stdout: "2\n3\n" },
  { name: "wc with files names them and totals", script: "wc -l /data/log /data/nums", stdout: "        4 /data/log\n        4 /data/nums\n        8 total\n" },
  // head / tail
  { name: "head -n N and -N", script: "head -n 2 /data/log; seq 5 | head -1", stdout: "INFO start\nwarn disk\n1\n" },
  { name: "head defaults to 10 lines", script: "seq 12 | head | wc -l", stdout: "10\n" },
  { name: "tail -n N, -N and -n +N", script: "seq 5 | tail -n 2; seq 5 | tail -1; seq 5 | tail -n +4", stdout: "4\n5\n5\n4\n5\n" },
  // sort / uniq
  { name: "sort in byte order", script: "printf 'b\\nB\\na\\n' | sort", stdout: "B\na\nb\n" },
  { name: "sort -n and -r", script: "sort -n /data/nums; sort -rn /data/nums | head -1", stdout: "9\n9\n10\n100\n100\n" },
  { name: "sort -u drops duplicates", script: "sort -u /data/nums", stdout: "10\n100\n9\n" },
  { name: "uniq collapses adjacent duplicates; -c counts", script: "printf 'a\\na\\nb\\na\\n' | uniq; printf 'a\\na\\nb\\n' | uniq -c", stdout: "a\nb\na\n      2 a\n      1 b\n" },
  // cut / tr / sed
  { name: "cut -d -f picks fields", script: "echo a:b:c:d | cut -d: -f2; echo a:b:c:d | cut -d : -f1,3-", stdout: "b\na:c:d\n" },
  { name: "cut passes lines without the delimiter", script: "printf 'x\\ny,z\\n' | cut -d, -f2", stdout: "x\nz\n" },
  { name: "cut -c picks characters", script: "echo abcdef | cut -c2-4", stdout: "bcd\n" },
  { name: "tr maps sets with ranges and classes", script: "echo Hello | tr a-z A-Z; echo Hello | tr '[:upper:]' '[:lower:]'", stdout: "HELLO\nhello\n" },
  { name: "tr -d deletes; -s squeezes", script: "echo a-b-c | tr -d -; echo 'a   b' | tr -s ' '", stdout: "abc\na b\n" },
  { name: "tr '\\n' turns lines into words", script: "printf 'a\\nb\\n' | tr '\\n' ' '", stdout: "a b " },
  { name: "sed s replaces the first match; g all", script: "echo aaa | sed s/a/b/; echo aaa | sed 's/a/b/g'", stdout: "baa\nbbb\n" },
  { name: "sed groups, & and another delimiter", script: "echo key=val | sed 's|\\(.*\\)=\\(.*\\)|\\2 is &|'", stdout: "val is key=val\n" },
  { name: "sed -n with p prints only what is asked", script: "seq 4 | sed -n 3p; seq 3 | sed -n '$p'; printf 'a\\nb\\n' | sed -n '/b/p'", stdout: "3\n3\nb\n" },
  { name: "sed d deletes lines", script: "seq 3 | sed 2d", stdout: "1\n3\n" },
  { name: "sed -i edits a file in place", script: "sed -i 's/INFO/info/' /data/log; head -1 /data/log", stdout: "info start\n" },
  // tee / cat
  { name: "tee copies stdin to a file and stdout", script: "echo x | tee /data/t; cat /data/t", stdout: "x\nx\n" },
  { name: "tee -a appends", script: "echo 1 > /data/t; echo 2 | tee -a /data/t >/dev/null; cat /data/t", stdout: "1\n2\n" },
  { name: "cat - reads stdin between files", script: "echo mid | cat /data/nums - | tail -2", stdout: "9\nmid\n" },
];

describe("text filters", () => {
  it.each(cases)("$name", (c) => {
    const r = runScript(c.script, { files: { ...FILES, ...c.files } });
    expect(r.stdout).toBe(c.stdout);
    expect(r.stderr).toBe(c.stderr ?? "");
    expect(r.code).toBe(c.code ?? 0);
  });
});
