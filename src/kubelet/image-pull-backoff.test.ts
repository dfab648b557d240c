import { describe, expect, it } from "vitest";
import type { BackOffEntry } from "./image-pull-backoff";
import { backOffEndsAt, isInBackOffSinceUpdate, nextBackOff } from "./image-pull-backoff";

describe("the image-pull back-off", () => {
  it("doubles from 10s to a 300s cap over consecutive failures", () => {
    let e: BackOffEntry | undefined;
    const delays: number[] = [];
    let t = 0;
    for (let i = 0; i < 8; i++) {
      e = nextBackOff(e, t);
      delays.push(e.backoffMs / 1000);
      t = backOffEndsAt(e) + 500;
    }
    expect(delays).toEqual([10, 20, 40, 80, 160, 300, 300, 300]);
  });

  const cases = [
    { name: "is not in back-off without a failure", entry: undefined, now: 0, want: false },
    { name: "is in back-off right after a failure", entry: { backoffMs: 10_000, lastUpdate: 0 }, now: 0, want: true },
    { name: "is in back-off 1ms before it ends", entry: { backoffMs: 10_000, lastUpdate: 0 }, now: 9_999, want: true },
    { name: "is out of back-off exactly when it ends", entry: { backoffMs: 10_000, lastUpdate: 0 }, now: 10_000, want: false },
    { name: "forgets an entry untouched for more than 600s", entry: { backoffMs: 300_000, lastUpdate: 0 }, now: 600_001, want: false },
  ];
  it.each(cases)("$name", ({ entry, now, want }) => expect(isInBackOffSinceUpdate(entry, now)).toBe(want));

  it("starts over at 10s after more than 600s without a failure", () => {
    expect(nextBackOff({ backoffMs: 300_000, lastUpdate: 0 }, 600_001)).toEqual({ backoffMs: 10_000, lastUpdate: 600_001 });
    expect(nextBackOff({ backoffMs: 300_000, lastUpdate: 0 }, 600_000)).toEqual({ backoffMs: 300_000, lastUpdate: 600_000 });
  });
});
