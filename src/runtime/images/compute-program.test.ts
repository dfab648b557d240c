import { describe, expect, it } from "vitest";
import type { ContainerStartSpec } from "./behaviour";
import { imageProcessFor, runOnStart } from "./behaviour";
import { bpiDurationMs } from "./computations";

const PERL = "perl:5.34.0";
const DOCS = ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"];

describe("perl -Mbignum=bpi 'print bpi(N)' is a computation; any other perl keeps today's behaviour", () => {
  const cases: { name: string; image?: string; spec: ContainerStartSpec; want: { kind: "compute"; inputs: string[] } | { kind: "shell" } | { kind: "exit" } }[] = [
    { name: "the Job docs' command", spec: { command: DOCS }, want: { kind: "compute", inputs: ["2000"] } },
    { name: "perl as command, the rest as args", spec: { command: ["perl"], args: DOCS.slice(1) }, want: { kind: "compute", inputs: ["2000"] } },
    { name: "the same through sh -c, the script single-quoted inside", spec: { command: ["sh", "-c", "perl -Mbignum=bpi -wle 'print bpi(2000)'"] }, want: { kind: "compute", inputs: ["2000"] } },
    { name: "the same through /bin/sh -c with exec and double quotes", spec: { command: ["/bin/sh", "-c", 'exec perl -Mbignum=bpi -wle "print bpi(2000)"'] }, want: { kind: "compute", inputs: ["2000"] } },
    { name: "perl by its path in the image", spec: { command: ["/usr/local/bin/perl", "-Mbignum=bpi", "-wle", "print bpi(10)"] }, want: { kind: "compute", inputs: ["10"] } },
    { name: "-le without warnings", spec: { command: ["perl", "-Mbignum=bpi", "-le", "print bpi(5)"] }, want: { kind: "compute", inputs: ["5"] } },
    { name: "-lwe, the switches in the other order", spec: { command: ["perl", "-Mbignum=bpi", "-lwe", "print bpi(5);"] }, want: { kind: "compute", inputs: ["5"] } },
    { name: "spaces inside the parentheses", spec: { command: ["perl", "-Mbignum=bpi", "-wle", " print bpi( 100 ) "] }, want: { kind: "compute", inputs: ["100"] } },
    { name: "the largest precision modelled", spec: { command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(10000)"] }, want: { kind: "compute", inputs: ["10000"] } },
    { name: "bare perl still reads an empty stdin and exits", spec: {}, want: { kind: "exit" } },
    { name: "another one-liner stays for the interpreter (sh: perl: not found)", spec: { command: ["perl", "-e", "print 1"] }, want: { kind: "shell" } },
    { name: "-we prints no newline: not modelled", spec: { command: ["perl", "-Mbignum=bpi", "-we", "print bpi(5)"] }, want: { kind: "shell" } },
    { name: "bpi(0) (40 digits in perl): not modelled", spec: { command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(0)"] }, want: { kind: "shell" } },
    { name: "more than 10000 digits: not modelled", spec: { command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(10001)"] }, want: { kind: "shell" } },
    { name: "an extra argument: not modelled", spec: { command: [...DOCS, "x"] }, want: { kind: "shell" } },
    { name: "a script that does more than run perl stays a script", spec: { command: ["sh", "-c", "perl -Mbignum=bpi -wle 'print bpi(5)'; echo done"] }, want: { kind: "shell" } },
    { name: "busybox has no perl", image: "busybox", spec: { command: DOCS }, want: { kind: "shell" } },
  ];
  it.each(cases)("$name", ({ image, spec, want }) => {
    const p = imageProcessFor(image ?? PERL, spec);
    if (want.kind === "shell") return expect(p.kind).toBe("shell");
    if (p.kind !== "model") throw new Error(`expected a model, got ${JSON.stringify(p)}`);
    expect(p.model.kind).toBe(want.kind);
    if (want.kind === "compute") expect(p.inputs).toEqual(want.inputs);
  });
});

describe("runOnStart: what the computation prints, how it exits and how long it takes", () => {
  const run = (n: number) => {
    const p = imageProcessFor(PERL, { command: ["perl", "-Mbignum=bpi", "-wle", `print bpi(${n})`] });
    if (p.kind !== "model") throw new Error("perl bpi is a model");
    return runOnStart(p);
  };
  const cases = [
    { name: "bpi(5) prints 3.1416 after perl's start-up", n: 5, want: { stdout: "3.1416\n", exitCode: 0, durationMs: 100 } },
    { name: "bpi(10) prints 3.141592654", n: 10, want: { stdout: "3.141592654\n", exitCode: 0, durationMs: 100 } },
    { name: "bpi(1000) still rounds perl's stored digits: no AGM time", n: 1000, want: { exitCode: 0, durationMs: 100 } },
  ];
  it.each(cases)("$name", ({ n, want }) => expect(run(n)).toMatchObject(want));

  it("bpi(2000) prints one newline-terminated line of 3. and 1999 digits after 4.06 s, then exits 0", () => {
    const r = run(2000);
    expect(r?.stdout).toMatch(/^3\.1415926535\d{1989}\n$/);
    expect(r?.exitCode).toBe(0);
    expect(r?.durationMs).toBe(4060);
  });

  it("a process that serves or exits at once has no run", () => {
    const nginx = imageProcessFor("nginx", {});
    const bare = imageProcessFor(PERL, {});
    if (nginx.kind !== "model" || bare.kind !== "model") throw new Error("both are models");
    expect(runOnStart(nginx)).toBeUndefined();
    expect(runOnStart(bare)).toBeUndefined();
  });
});

describe("bpiDurationMs follows Math::BigFloat's cost: stored digits to 1000, then AGM rounds × N²", () => {
  const cases = [
    { name: "one digit costs only perl's start-up", n: 1, want: 100 },
    { name: "1000 digits come from the stored string", n: 1000, want: 100 },
    { name: "1001 digits take 10 AGM rounds (measured 1.1 s)", n: 1001, want: 1002 },
    { name: "1500 digits take 11 rounds (measured 1.9 s)", n: 1500, want: 2328 },
    { name: "2000 digits take 11 rounds (measured 4.0 s)", n: 2000, want: 4060 },
    { name: "3000 digits take 12 rounds (measured 9.7 s)", n: 3000, want: 9820 },
    { name: "10000 digits take 14 rounds: about two minutes", n: 10000, want: 126100 },
  ];
  it.each(cases)("$name", ({ n, want }) => expect(bpiDurationMs(n)).toBe(want));
});
