import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { planStatefulSetRollback, statefulSetRevisions } from "./statefulset";

const template = (image: string) => ({ metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image }] } });
const sts = (image: string): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "StatefulSet",
  metadata: { name: "web", namespace: "default", uid: "uid-web" },
  spec: { selector: { matchLabels: { app: "web" } }, template: template(image) },
});
const revision = (image: string, n: number, extra: Partial<KubeObject["metadata"]> = {}): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "ControllerRevision",
  metadata: { name: `web-${image}`, namespace: "default", labels: { app: "web" }, ownerReferences: [{ apiVersion: "apps/v1", kind: "StatefulSet", name: "web", uid: "uid-web", controller: true }], ...extra },
  data: { spec: { template: { ...template(image), $patch: "replace" } } },
  revision: n,
});

describe("statefulSetRevisions", () => {
  it("lists the set's revisions ascending with their change-cause and template, ignoring others'", () => {
    const foreign = { ...revision("z", 9), metadata: { ...revision("z", 9).metadata, ownerReferences: [{ apiVersion: "apps/v1", kind: "StatefulSet", name: "other", uid: "uid-other", controller: true }] } };
    const rows = statefulSetRevisions(sts("b"), [revision("b", 2), revision("a", 1, { annotations: { "kubernetes.io/change-cause": "first" } }), foreign]);
    expect(rows.map((r) => [r.revision, r.changeCause, r.template.spec.containers[0].image])).toEqual([
      [1, "first", "a"],
      [2, undefined, "b"],
    ]);
  });
});

describe("planStatefulSetRollback", () => {
  const history = [revision("a", 1), revision("b", 2)];
  it.each([
    { name: "rolls back to the previous revision by default", to: 0, revs: history, want: "rollback a" },
    { name: "rolls back to the revision asked for", to: 1, revs: history, want: "rollback a" },
    { name: "skips when the template already matches", to: 2, revs: history, want: "skipped rollback (current template already matches revision 2)" },
    { name: "refuses with a single revision", to: 0, revs: [revision("b", 1)], want: "error: no last revision to roll back to" },
    { name: "refuses an unknown revision", to: 7, revs: history, want: "error: unable to find specified revision 7 in history" },
  ])("$name", ({ to, revs, want }) => {
    let got: string;
    try {
      const plan = planStatefulSetRollback(sts("b"), revs, to, false);
      got = plan.kind === "rollback" ? `rollback ${plan.deployment.spec.template.spec.containers[0].image}` : plan.kind === "skipped" ? plan.message : "preview";
    } catch (e) {
      got = `error: ${(e as Error).message}`;
    }
    expect(got).toBe(want);
  });
});
