import { describe, expect, it } from "vitest";
import type { CorrelatorState, SimilarRecord } from "./event-correlator";
import { AGGREGATE_INTERVAL_MS, SPAM_BURST, SPAM_REFILL_MS, aggregate, correlatorId, isCorrelated, sweep, takeToken } from "./event-correlator";
import { instant } from "./time";

const T0 = instant(Date.parse("2025-01-01T00:00:00Z"));
const at = (ms: number) => instant(T0 + ms);
const nine: SimilarRecord = { last: T0, messages: Array.from({ length: 9 }, (_, i) => `m${i + 1}`) };

describe("aggregate (EventAggregate)", () => {
  const cases: { name: string; previous?: SimilarRecord; message: string; now: number; want: { record: SimilarRecord; combined: boolean } }[] = [
    { name: "starts a record", message: "a", now: T0, want: { record: { last: T0, messages: ["a"] }, combined: false } },
    { name: "adds a new message", previous: { last: T0, messages: ["a"] }, message: "b", now: at(1000), want: { record: { last: at(1000), messages: ["a", "b"] }, combined: false } },
    { name: "keeps a message once", previous: { last: T0, messages: ["a"] }, message: "a", now: at(1000), want: { record: { last: at(1000), messages: ["a"] }, combined: false } },
    { name: "keeps a record ten minutes old", previous: { last: T0, messages: ["a"] }, message: "b", now: at(AGGREGATE_INTERVAL_MS), want: { record: { last: at(AGGREGATE_INTERVAL_MS), messages: ["a", "b"] }, combined: false } },
    { name: "starts afresh after ten minutes", previous: { last: T0, messages: ["a"] }, message: "b", now: at(AGGREGATE_INTERVAL_MS + 1), want: { record: { last: at(AGGREGATE_INTERVAL_MS + 1), messages: ["b"] }, combined: false } },
    { name: "combines the tenth message, dropping the oldest", previous: nine, message: "m10", now: T0, want: { record: { last: T0, messages: [...nine.messages.slice(1), "m10"] }, combined: true } },
    { name: "does not combine a message it holds", previous: nine, message: "m5", now: T0, want: { record: { last: T0, messages: nine.messages }, combined: false } },
  ];
  it.each(cases)("$name", ({ previous, message, now, want }) => expect(aggregate(previous, message, instant(now))).toEqual(want));
});

describe("takeToken (the spam filter's bucket)", () => {
  it("lets a burst of 25 through at one instant, then drops", () => {
    let fullAt: number | undefined;
    const passed = Array.from({ length: SPAM_BURST + 3 }, () => {
      const next = takeToken(fullAt, T0);
      if (next !== undefined) fullAt = next;
      return next !== undefined;
    });
    expect(passed.filter(Boolean)).toHaveLength(SPAM_BURST);
    expect(passed.slice(SPAM_BURST)).toEqual([false, false, false]);
  });

  const cases = [
    { name: "a full bucket", fullAt: undefined, now: T0, want: T0 + SPAM_REFILL_MS },
    { name: "a bucket full in the past counts as full", fullAt: T0 - 5000, now: T0, want: T0 + SPAM_REFILL_MS },
    { name: "one token left", fullAt: T0 + (SPAM_BURST - 1) * SPAM_REFILL_MS, now: T0, want: T0 + SPAM_BURST * SPAM_REFILL_MS },
    { name: "none left", fullAt: T0 + SPAM_BURST * SPAM_REFILL_MS, now: T0, want: undefined },
    { name: "one back five minutes later", fullAt: T0 + SPAM_BURST * SPAM_REFILL_MS, now: T0 + SPAM_REFILL_MS, want: T0 + (SPAM_BURST + 1) * SPAM_REFILL_MS },
    { name: "not quite five minutes later", fullAt: T0 + SPAM_BURST * SPAM_REFILL_MS, now: T0 + SPAM_REFILL_MS - 1, want: undefined },
  ];
  it.each(cases)("$name", ({ fullAt, now, want }) => expect(takeToken(fullAt, instant(now))).toBe(want));
});

describe("sweep", () => {
  const state = (): CorrelatorState => ({
    spam: { full: T0, filling: T0 + 1 },
    similar: { old: { last: T0 - AGGREGATE_INTERVAL_MS - 1, messages: ["a", "b"] }, recent: { last: T0 - 1000, messages: ["a", "b"] } },
    unwritten: { old: { name: "x.1", count: 30, firstTimestamp: "2024-12-31T23:00:00Z", at: T0 - 3_600_000 }, recent: { name: "x.2", count: 2, firstTimestamp: "2025-01-01T00:00:00Z", at: T0 } },
  });

  it("clears away what no longer changes anything", () => {
    const s = state();
    sweep(s, T0, 3_600_000);
    expect(s).toEqual({
      spam: { filling: T0 + 1 },
      similar: { recent: { last: T0 - 1000, messages: ["a", "b"] } },
      unwritten: { recent: { name: "x.2", count: 2, firstTimestamp: "2025-01-01T00:00:00Z", at: T0 } },
      swept: T0,
    });
  });

  it("leaves no empty part", () => {
    const s: CorrelatorState = { spam: { full: T0 } };
    sweep(s, T0, 3_600_000);
    expect(s).toEqual({ swept: T0 });
  });

  it("sweeps at most once per aggregation interval", () => {
    const s: CorrelatorState = { spam: { full: T0 }, swept: T0 - AGGREGATE_INTERVAL_MS + 1 };
    sweep(s, T0, 3_600_000);
    expect(s.spam).toEqual({ full: T0 });
    sweep(s, at(1), 3_600_000);
    expect(s).toEqual({ swept: at(1) });
  });
});

describe("which recorders correlate", () => {
  it("names a component's correlator by source and host", () => {
    expect(correlatorId("kubelet", "kubesim-worker")).toBe("events:kubelet@kubesim-worker");
    expect(correlatorId("replicaset-controller", undefined)).toBe("events:replicaset-controller");
  });

  it("leaves out the scheduler, which records through events.k8s.io", () => {
    expect(isCorrelated("default-scheduler")).toBe(false);
    expect(isCorrelated("kubelet")).toBe(true);
  });
});
