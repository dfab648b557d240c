import { describe, expect, it } from "vitest";
import { asksForHelp, commandWords, findVerb } from "./find-verb";

describe("findVerb", () => {
  const cases: { argv: string[]; want: { name: string; args: string[] } | undefined }[] = [
    { argv: ["get", "pods", "-o", "wide"], want: { name: "get", args: ["pods", "-o", "wide"] } },
    { argv: ["create", "deployment", "web", "--image=nginx"], want: { name: "create deployment", args: ["web", "--image=nginx"] } },
    { argv: ["rollout", "status", "deploy/web"], want: { name: "rollout status", args: ["deploy/web"] } },
    // A leading flag with its value after `=` owns no word: the verb parses (and refuses) it.
    { argv: ["--foo=bar", "get", "pods"], want: { name: "get", args: ["--foo=bar", "pods"] } },
    // Without `=`, cobra takes the next word as the flag's value: no verb is left.
    { argv: ["--foo", "get", "pods"], want: undefined },
    { argv: ["frobnicate"], want: undefined },
    { argv: ["constructor"], want: undefined },
    { argv: ["__proto__", "x"], want: undefined },
  ];
  it.each(cases)("$argv", ({ argv, want }) => expect(findVerb(argv)).toEqual(want));
});

describe("commandWords, as cobra's stripFlags", () => {
  const cases: { argv: string[]; want: string[] }[] = [
    { argv: ["--foo", "get", "pods"], want: ["pods"] },
    { argv: ["--foo", "get"], want: [] },
    { argv: ["-Z", "get", "pods"], want: ["pods"] },
    { argv: ["--foo=bar", "get", "pods"], want: ["get", "pods"] },
    { argv: ["get", "--", "pods"], want: ["get"] },
  ];
  it.each(cases)("$argv", ({ argv, want }) => expect(commandWords(argv)).toEqual(want));
});

describe("asksForHelp", () => {
  it.each([
    { args: ["pods", "-h"], want: true },
    { args: ["--help"], want: true },
    { args: ["p", "--", "ls", "-h"], want: false },
  ])("$args", ({ args, want }) => expect(asksForHelp(args)).toBe(want));
});
