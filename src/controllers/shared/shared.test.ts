import { describe, expect, it } from "vitest";
import { computeHash, fnv32a, safeEncodeString } from "./pod-template-hash";
import { isPodActive, isPodAvailable, isPodReady } from "./controller-utils";
import { claimObjects } from "./owner-refs";
import { getPodsToDelete, logarithmicRankDiff } from "./pod-ranking";
import { setCondition } from "./conditions";
import { at, pod, replicaSet, T0 } from "../../../test/builders";
import type { Condition } from "../../api/types";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("pod-template-hash", () => {
  it.each([
    { name: "FNV-1a of the empty input is the offset basis", input: "", want: 0x811c9dc5 },
    { name: "FNV-1a of 'a' is the published test vector", input: "a", want: 0xe40c292c },
    { name: "FNV-1a of 'foobar' is the published test vector", input: "foobar", want: 0xbf9cf968 },
  ])("$name", ({ input, want }) => {
    expect(fnv32a(bytes(input))).toBe(want);
  });

  it("safe-encodes each decimal digit into the name alphabet (so hashes use only 4-9, b, c, d, f), as SafeEncodeString does", () => {
    expect(safeEncodeString("0123456789")).toBe("456789bcdf");
  });

  it("hashes equal templates alike whatever their key order, and differently with a collision count", () => {
    const a = computeHash({ metadata: { labels: { app: "web", tier: "x" } }, spec: { containers: [] } });
    const b = computeHash({ spec: { containers: [] }, metadata: { labels: { tier: "x", app: "web" } } });
    expect(a).toBe(b);
    expect(a).toMatch(/^[4-9bcdf]{9,10}$/);
    expect(computeHash({ metadata: { labels: { app: "web", tier: "x" } }, spec: { containers: [] } }, 1)).not.toBe(a);
  });
});

describe("pod predicates", () => {
  it.each([
    { name: "a ready pod with minReadySeconds 0 is available at once", p: pod("a").ready(T0), min: 0, now: T0, want: true },
    { name: "a pod is not available exactly minReadySeconds after it became ready", p: pod("a").ready(T0), min: 10, now: at("10s"), want: false },
    { name: "a pod is available just after minReadySeconds", p: pod("a").ready(T0), min: 10, now: at("10.001s"), want: true },
    { name: "a running pod that is not ready is never available", p: pod("a").running(), min: 0, now: at("1h"), want: false },
  ])("$name", ({ p, min, now, want }) => {
    expect(isPodAvailable(p.build(), min, now)).toBe(want);
  });

  it.each([
    { name: "a pending pod is active", p: pod("a"), want: true },
    { name: "a succeeded pod is not active", p: pod("a").phase("Succeeded"), want: false },
    { name: "a failed pod is not active", p: pod("a").phase("Failed"), want: false },
    { name: "a terminating pod is not active", p: pod("a").ready().deleting(T0), want: false },
  ])("$name", ({ p, want }) => {
    expect(isPodActive(p.build())).toBe(want);
  });

  it("reads readiness from the Ready condition", () => {
    expect([isPodReady(pod("a").ready().build()), isPodReady(pod("a").running().build())]).toEqual([true, false]);
  });
});

describe("claimObjects", () => {
  const rs = replicaSet("web").build();
  const match = (o: { metadata: { labels?: Record<string, string> } }) => o.metadata.labels?.app === "web";
  it("adopts matching orphans, keeps matching owned objects, releases non-matching owned ones, ignores others", () => {
    const { claimed, writes } = claimObjects(
      rs,
      [
        pod("orphan").labels({ app: "web" }).build(),
        pod("mine").labels({ app: "web" }).ownedBy(rs).build(),
        pod("mine-relabeled").labels({ app: "db" }).ownedBy(rs).build(),
        pod("theirs").labels({ app: "web" }).ownedBy(replicaSet("other")).build(),
        pod("orphan-terminating").labels({ app: "web" }).deleting(T0).build(),
      ],
      match,
    );
    expect(claimed.map((p) => p.metadata.name)).toEqual(["orphan", "mine"]);
    expect(writes.map((w) => (w.op === "update" ? `${w.object.metadata.name}:${(w.object.metadata.ownerReferences ?? []).length}` : w.op))).toEqual(["orphan:1", "mine-relabeled:0"]);
  });

  it("neither adopts nor releases while the controller is being deleted", () => {
    const deleting = replicaSet("web").deleting(T0).build();
    const { claimed, writes } = claimObjects(deleting, [pod("orphan").labels({ app: "web" }).build(), pod("mine").labels({ app: "db" }).ownedBy(deleting).build()], match);
    expect([claimed, writes]).toEqual([[], []]);
  });
});

describe("pod ranking", () => {
  it("deletes every pod without ranking when all must go", () => {
    const pods = [pod("b").ready().build(), pod("a").build()];
    expect(getPodsToDelete(pods, pods, 2, T0).map((p) => p.metadata.name)).toEqual(["b", "a"]);
  });

  it("puts pods ready within the same power-of-two age in one bucket", () => {
    expect(logarithmicRankDiff(at("-60s"), at("-40s"), T0)).toBe(0);
    expect(logarithmicRankDiff(at("-10s"), at("-60s"), T0)).toBeLessThan(0);
  });

  it("deletes the lower pod-deletion-cost first", () => {
    const pods = [pod("cheap").ready().annotations({ "controller.kubernetes.io/pod-deletion-cost": "-5" }).build(), pod("dear").ready().annotations({ "controller.kubernetes.io/pod-deletion-cost": "100" }).build()];
    expect(getPodsToDelete([...pods].reverse(), pods, 1, T0).map((p) => p.metadata.name)).toEqual(["cheap"]);
  });
});

describe("setCondition", () => {
  const t = (s: string): Condition => ({ type: "Progressing", status: "True", reason: s, lastTransitionTime: s, lastUpdateTime: s });
  it.each([
    { name: "leaves a condition with the same status and reason untouched", before: [t("A")], next: t("A"), want: ["A@A"] },
    { name: "keeps lastTransitionTime when only the reason changes", before: [t("A")], next: t("B"), want: ["B@A"] },
    { name: "moves a changed condition to the end", before: [t("A"), { type: "Available", status: "True", reason: "X" } as Condition], next: t("B"), want: ["X@undefined", "B@A"] },
  ])("$name", ({ before, next, want }) => {
    expect(setCondition(before, next).map((c) => `${c.reason}@${c.lastTransitionTime}`)).toEqual(want);
  });
});
