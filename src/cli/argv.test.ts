import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { checkRequestTimeout, extractGlobals, normalizeArgs } from "./argv";

/** A command with get's kinds of flags: a boolean with a shorthand, one with a negation, a value flag. */
function command(): Command {
  const cmd = new Command("get");
  cmd.option("-w, --watch", "");
  cmd.option("--show-labels", "");
  cmd.option("--server-print", "", true);
  cmd.option("--no-server-print", "");
  cmd.option("-o, --output <format>", "");
  return cmd;
}

describe("normalizeArgs", () => {
  const cases: { name: string; args: string[]; want: string[] }[] = [
    { name: "a shorthand value written with =", args: ["-o=yaml"], want: ["-o", "yaml"] },
    { name: "a long value flag with = is left for commander", args: ["--output=yaml"], want: ["--output=yaml"] },
    { name: "a shorthand boolean set true", args: ["-w=true"], want: ["--watch"] },
    { name: "a shorthand boolean set false (no negation: left at its default)", args: ["-w=false"], want: [] },
    { name: "Go's other spellings of true", args: ["--show-labels=1", "--show-labels=t", "--show-labels=T", "--show-labels=TRUE", "--show-labels=True"], want: Array(5).fill("--show-labels") },
    { name: "false for a flag that defaults to true", args: ["--server-print=F"], want: ["--no-server-print"] },
    { name: "an unknown shorthand with a value is left whole", args: ["-Z=bar"], want: ["-Z=bar"] },
    { name: "nothing after -- is touched", args: ["--", "-w=abc"], want: ["--", "-w=abc"] },
  ];
  it.each(cases)("$name", ({ args, want }) => expect(normalizeArgs(args, command())).toEqual(want));

  it.each(["abc", "tRuE", "yes", "", "constructor"])("refuses %j as ParseBool does, naming the flag as pflag does", (value) => {
    expect(() => normalizeArgs([`-w=${value}`], command())).toThrow(
      `Error: invalid argument "${value}" for "-w, --watch" flag: strconv.ParseBool: parsing "${value}": invalid syntax`,
    );
  });
});

describe("extractGlobals", () => {
  it("takes global flags from anywhere before --", () => {
    expect(extractGlobals(["get", "-n", "dev", "pods", "--context=c", "--", "-n", "x"])).toEqual({
      globals: { namespace: "dev", context: "c" },
      rest: ["get", "pods", "--", "-n", "x"],
    });
  });

  it("takes words named like Object's properties as the arguments they are", () => {
    expect(extractGlobals(["get", "pods", "constructor", "toString"])).toEqual({ globals: {}, rest: ["get", "pods", "constructor", "toString"] });
  });

  it("reports a global flag left without its value, for the verb to add its hint", () => {
    expect(extractGlobals(["get", "pods", "-n"]).missing).toBe("Error: flag needs an argument: 'n' in -n");
    expect(extractGlobals(["get", "--namespace"]).missing).toBe("Error: flag needs an argument: --namespace");
  });
});

describe("checkRequestTimeout, as client-go's ParseTimeout", () => {
  it.each(["", "0", "-0", "30", "5s", "1m30s", "-5s"])("takes %j", (text) => expect(() => checkRequestTimeout(text)).not.toThrow());
  it.each(["abc", "-1", "10x", "99999999999999999999"])("refuses %j", (text) => expect(() => checkRequestTimeout(text)).toThrow("Invalid timeout value."));
});
