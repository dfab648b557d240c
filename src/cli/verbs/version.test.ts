import { describe, expect, it } from "vitest";
import { harness } from "../../../test/cli-harness";

describe("kubectl version -o", () => {
  it("json: Go's struct order, indented by two, one newline after", async () => {
    const r = await (await harness()).run("version", "--client", "-o", "json");
    expect(Object.keys(JSON.parse(r.stdout).clientVersion)).toEqual(["major", "minor", "gitVersion", "gitCommit", "gitTreeState", "buildDate", "goVersion", "compiler", "platform"]);
    expect(r.stdout.startsWith('{\n  "clientVersion": {\n    "major": "1",\n')).toBe(true);
    expect(r.stdout.endsWith('"kustomizeVersion": "v5.5.0"\n}\n')).toBe(true);
  });

  it("yaml: sorted keys, and the blank line Println adds after the document", async () => {
    const r = await (await harness()).run("version", "--client", "-o", "yaml");
    expect(r.stdout.startsWith('clientVersion:\n  buildDate: "2025-05-15T20:09:34Z"\n  compiler: gc\n')).toBe(true);
    expect(r.stdout.endsWith("kustomizeVersion: v5.5.0\n\n")).toBe(true);
  });
});
