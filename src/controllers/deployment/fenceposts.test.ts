import { describe, expect, it } from "vitest";
import { maxSurge, maxUnavailable, resolveFenceposts } from "./fenceposts";
import { deployment } from "../../../test/builders";

describe("resolveFenceposts", () => {
  // cluster-behavior.md §2.3's worked defaults (25%/25%): surge rounds up, unavailable down.
  it.each([
    { name: "1 replica at 25%/25% surges 1 and keeps all available", r: 1, want: [1, 0] },
    { name: "2 replicas at 25%/25% surge 1", r: 2, want: [1, 0] },
    { name: "3 replicas at 25%/25% surge 1", r: 3, want: [1, 0] },
    { name: "4 replicas at 25%/25% surge 1 and lose 1", r: 4, want: [1, 1] },
    { name: "10 replicas at 25%/25% surge 3 and lose 2", r: 10, want: [3, 2] },
  ])("$name", ({ r, want }) => {
    expect(resolveFenceposts("25%", "25%", r)).toEqual(want);
  });

  it("makes maxUnavailable 1 when both resolve to 0", () => {
    expect(resolveFenceposts(0, "25%", 3)).toEqual([0, 1]);
  });

  it.each([
    { name: "caps maxUnavailable at the replica count", d: deployment("web").replicas(2).rolling(0, 5), want: [0, 2] },
    { name: "gives Recreate neither surge nor unavailability", d: deployment("web").replicas(4).recreate(), want: [0, 0] },
    { name: "gives a Deployment of 0 replicas no unavailability", d: deployment("web").replicas(0).rolling(1, 1), want: [1, 0] },
  ])("$name", ({ d, want }) => {
    const o = d.build();
    expect([maxSurge(o), maxUnavailable(o)]).toEqual(want);
  });
});
