import { describe, expect, it } from "vitest";
import { newUid } from "./uid";
import { createRng } from "../sim/random";

describe("newUid", () => {
  it("draws the same uids from the same seed, version 4 with the RFC 4122 variant", () => {
    const rng = createRng(1);
    expect([newUid(rng), newUid(rng)]).toEqual(["a08ff49b-6f77-4632-a16c-43069c43a8c3", "7cf3c256-32b9-4409-93fb-64afebede10d"]);
    expect(rng.state()).toBe(624259371); // 33 draws each
    expect(newUid(createRng(424242))).toBe("232a5908-ff9b-4b30-aa68-3d1477607b4f");
  });

  it.each([1, 2, 3, 99, 123456])("seed %i gives a well-formed v4 uid", (seed) => {
    expect(newUid(createRng(seed))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
