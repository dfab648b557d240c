// Runs every test/golden/<area>/<case>.txt and compares whole transcripts byte for byte.
// UPDATE_GOLDEN=1 rewrites the files; review every change against the kubectl reference.

import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runCase } from "./runner";

const DIR = import.meta.dirname;
const cases = fs
  .readdirSync(DIR, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".txt"))
  .sort();

describe("golden CLI transcripts", () => {
  it("has cases", () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases)("%s", async (file) => {
    const full = path.join(DIR, file);
    const text = fs.readFileSync(full, "utf8");
    const { actual } = await runCase(text);
    if (process.env.UPDATE_GOLDEN === "1") fs.writeFileSync(full, actual);
    else expect(actual).toBe(text);
  });
});
