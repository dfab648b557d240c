import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { applyRevision, equalRevision, getPatch, getStatefulSetRevisions, hashControllerRevision, newRevision, truncateHistory } from "./revision";

const set = (image: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "StatefulSet",
  metadata: { name: "web", namespace: "default", uid: "uid-web", ...extra },
  spec: { revisionHistoryLimit: 10, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image }] } } },
});

const stored = (image: string, revision: number): KubeObject => ({ ...newRevision(set(image), revision, 0), metadata: { ...newRevision(set(image), revision, 0).metadata, creationTimestamp: `2025-01-01T00:00:0${revision}Z` } });
const pod = (revision: string): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "web-0", labels: { "controller-revision-hash": revision } } });

describe("revision data and names", () => {
  it("stores the template as a replace patch, which applyRevision restores", () => {
    const patch = getPatch(set("nginx:1"));
    expect(patch).toEqual({ spec: { template: { $patch: "replace", metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx:1" }] } } } });
    expect(applyRevision(set("nginx:2"), newRevision(set("nginx:1"), 1, 0)).spec.template.spec.containers[0].image).toBe("nginx:1");
  });

  it.each([
    { name: "the same template hashes alike", a: hashControllerRevision(getPatch(set("x"))), b: hashControllerRevision(getPatch(set("x"))), same: true },
    { name: "a different template hashes differently", a: hashControllerRevision(getPatch(set("x"))), b: hashControllerRevision(getPatch(set("y"))), same: false },
    { name: "the collision count changes the hash", a: hashControllerRevision(getPatch(set("x")), 0), b: hashControllerRevision(getPatch(set("x")), 1), same: false },
  ])("$name", ({ a, b, same }) => {
    expect(a === b).toBe(same);
    expect(a).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
  });

  it("names the revision <set>-<hash>, labels it like the template plus the hash, and copies the set's annotations", () => {
    const r = newRevision(set("x", { annotations: { "kubernetes.io/change-cause": "why" } }), 3, 0);
    const hash = r.metadata.labels!["controller.kubernetes.io/hash"];
    expect(r.metadata.name).toBe(`web-${hash}`);
    expect(r.metadata.labels).toEqual({ app: "web", "controller.kubernetes.io/hash": hash });
    expect(r.metadata.annotations).toEqual({ "kubernetes.io/change-cause": "why" });
    expect(r.revision).toBe(3);
    expect(r.metadata.ownerReferences).toEqual([{ apiVersion: "apps/v1", kind: "StatefulSet", name: "web", uid: "uid-web", controller: true, blockOwnerDeletion: true }]);
  });

  it("treats revisions with the same data as equal whatever their number", () => {
    expect(equalRevision(stored("x", 1), stored("x", 4))).toBe(true);
    expect(equalRevision(stored("x", 1), stored("y", 1))).toBe(false);
  });
});

describe("getStatefulSetRevisions", () => {
  const none = () => undefined;
  it.each([
    { name: "creates revision 1 for a new set", revisions: [] as KubeObject[], image: "a", want: ["create 1"], update: 1 },
    { name: "reuses the newest revision when the template is unchanged", revisions: [stored("a", 1)], image: "a", want: [], update: 1 },
    { name: "creates the next revision for a new template", revisions: [stored("a", 1)], image: "b", want: ["create 2"], update: 2 },
    { name: "renumbers an older equal revision on a rollback", revisions: [stored("a", 1), stored("b", 2)], image: "a", want: ["update 3"], update: 3 },
  ])("$name", ({ revisions, image, want, update }) => {
    const r = getStatefulSetRevisions(set(image), revisions, none);
    expect(r.writes.map((w) => `${w.op} ${"object" in w ? w.object.revision : ""}`)).toEqual(want);
    expect(r.update.revision).toBe(update);
  });

  it("bumps collisionCount when the name is taken by different data", () => {
    const clash = { ...newRevision(set("a"), 1, 0), data: { other: true } };
    const r = getStatefulSetRevisions(set("a"), [], (name) => (name === clash.metadata.name ? clash : undefined));
    expect(r.collisionCount).toBe(1);
    expect(r.update.metadata.name).not.toBe(clash.metadata.name);
  });

  it("keeps status.currentRevision as the current revision", () => {
    const old = stored("a", 1);
    const s = { ...set("b"), status: { currentRevision: old.metadata.name } };
    expect(getStatefulSetRevisions(s, [old], () => undefined).current).toBe(old);
  });
});

describe("truncateHistory", () => {
  const revisions = ["a", "b", "c", "d"].map((image, i) => stored(image, i + 1));
  const names = revisions.map((r) => r.metadata.name);
  it.each([
    { name: "keeps everything within the limit", limit: 10, pods: [] as KubeObject[], want: [] as string[] },
    { name: "deletes the oldest unused revisions beyond the limit", limit: 1, pods: [], want: [names[0]] },
    { name: "never deletes a revision a pod still uses", limit: 0, pods: [pod(names[0]!)], want: [names[1]] },
    { name: "a negative limit keeps everything", limit: -1, pods: [], want: [] },
  ])("$name", ({ limit, pods, want }) => {
    const s = { ...set("d"), spec: { ...set("d").spec, revisionHistoryLimit: limit } };
    const writes = truncateHistory(s, pods, revisions, revisions[2], revisions[3]);
    expect(writes.map((w) => (w.op === "delete" ? w.ref.name : ""))).toEqual(want);
  });
});
