import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { instant } from "../../sim/time";
import { deploymentRevisions } from "./history";
import { planDeploymentRollback } from "./rollback";
import { pauseObject, restartObject, resumeObject, RolloutRefusal } from "./mutations";
import { noHelperError } from "./kinds";

const template = (image: string, hash?: string) => ({
  metadata: { labels: { app: "web", ...(hash ? { "pod-template-hash": hash } : {}) } },
  spec: { containers: [{ name: "nginx", image }] },
});

function deployment(image: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "default", uid: "d-uid", annotations: { "deployment.kubernetes.io/revision": "2", "kubectl.kubernetes.io/last-applied-configuration": "{}" } },
    spec: { replicas: 3, template: template(image), ...extra },
  } as KubeObject;
}

function rs(name: string, revision: string, image: string, annotations: Record<string, string> = {}, owner = "d-uid"): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name,
      namespace: "default",
      annotations: { "deployment.kubernetes.io/revision": revision, "deployment.kubernetes.io/desired-replicas": "3", ...annotations },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: owner, controller: true }],
    },
    spec: { replicas: 0, template: template(image, name.split("-")[1]) },
  } as KubeObject;
}

const rs1 = rs("web-aaa", "1", "nginx:1.14.2", { "kubernetes.io/change-cause": "first" });
const rs2 = rs("web-bbb", "2", "nginx:1.16.1");
const stranger = rs("web-ccc", "9", "nginx:9", {}, "someone-else");

describe("deploymentRevisions", () => {
  it("lists the owned ReplicaSets by revision and carries the change-cause into the template", () => {
    const revs = deploymentRevisions(deployment("nginx:1.16.1"), [rs2, stranger, rs1]);
    expect(revs.map((r) => [r.revision, r.changeCause, r.template.metadata.annotations])).toEqual([
      [1, "first", { "kubernetes.io/change-cause": "first" }],
      [2, undefined, {}],
    ]);
  });
});

describe("planDeploymentRollback", () => {
  it.each([
    { name: "rolls back to the previous revision by default", to: 0, image: "nginx:1.14.2" },
    { name: "rolls back to the revision asked for", to: 1, image: "nginx:1.14.2" },
  ])("$name", ({ to, image }) => {
    const plan = planDeploymentRollback(deployment("nginx:1.16.1"), [rs1, rs2], to, false);
    if (plan.kind !== "rollback") throw new Error(plan.kind);
    expect(plan.deployment.spec.template).toEqual(template(image));
    // Copyable annotations come from the ReplicaSet; revision and last-applied stay the Deployment's.
    expect(plan.deployment.metadata.annotations).toEqual({
      "deployment.kubernetes.io/revision": "2",
      "kubectl.kubernetes.io/last-applied-configuration": "{}",
      "kubernetes.io/change-cause": "first",
    });
  });

  it.each([
    { name: "skips when the current template already matches, naming the revision flag's value", d: deployment("nginx:1.16.1"), to: 2, want: "skipped rollback (current template already matches revision 2)" },
    { name: "names revision 0 when the flag was omitted", d: deployment("nginx:1.16.1"), to: 0, want: "skipped rollback (current template already matches revision 0)" },
  ])("$name", ({ d, to, want }) => {
    // Without --to-revision the second newest revision (rs2 here, below revision 3) is compared.
    const sets = to === 0 ? [rs2, rs("web-aaa", "3", "nginx:1.14.2")] : [rs1, rs2];
    expect(planDeploymentRollback(d, sets, to, false)).toEqual({ kind: "skipped", message: want });
  });

  it.each([
    { name: "rejects an unknown revision", d: deployment("nginx:1.16.1"), sets: [rs1, rs2], to: 7, err: "unable to find specified revision 7 in history" },
    { name: "rejects a negative revision", d: deployment("nginx:1.16.1"), sets: [rs1, rs2], to: -1, err: "unable to find specified revision -1 in history" },
    { name: "has nothing to go back to with a single revision", d: deployment("nginx:1.16.1"), sets: [rs2], to: 0, err: 'no rollout history found for deployment "web"' },
    {
      name: "refuses a paused deployment",
      d: deployment("nginx:1.16.1", { paused: true }),
      sets: [rs1, rs2],
      to: 0,
      err: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    },
  ])("$name", ({ d, sets, to, err }) => expect(() => planDeploymentRollback(d, sets, to, false)).toThrow(err));

  it("previews the target template (hash label included) on a client dry run, even when paused", () => {
    expect(planDeploymentRollback(deployment("nginx:1.16.1", { paused: true }), [rs1, rs2], 0, true)).toEqual({ kind: "preview", template: template("nginx:1.14.2", "aaa") });
  });
});

const now = instant(Date.parse("2025-01-01T00:01:03.500Z"));

describe("pause, resume and restart", () => {
  it.each([
    { name: "pause sets spec.paused", f: pauseObject, d: deployment("x"), want: true },
    { name: "resume drops spec.paused", f: resumeObject, d: deployment("x", { paused: true }), want: undefined },
  ])("$name", ({ f, d, want }) => expect(f(d, now)!.spec.paused).toBe(want));

  it("restart stamps the template with the simulated time in RFC 3339", () => {
    expect(restartObject(deployment("x"), now)!.spec.template.metadata.annotations).toEqual({ "kubectl.kubernetes.io/restartedAt": "2025-01-01T00:01:03Z" });
  });

  it("restart changes nothing twice within one second", () => {
    expect(restartObject(restartObject(deployment("x"), now)!, now)).toBeUndefined();
  });

  const service = { apiVersion: "v1", kind: "Service", metadata: { name: "s" } } as KubeObject;
  it.each([
    { name: "pause refuses a paused deployment", f: pauseObject, obj: deployment("x", { paused: true }), reason: "is already paused" },
    { name: "resume refuses a running deployment", f: resumeObject, obj: deployment("x"), reason: "is not paused" },
    { name: "restart refuses a paused deployment", f: restartObject, obj: deployment("x", { paused: true }), reason: "can't restart paused deployment (run rollout resume first)" },
    { name: "pause refuses other kinds", f: pauseObject, obj: service, reason: "pausing is not supported" },
    { name: "resume refuses other kinds", f: resumeObject, obj: service, reason: "resuming is not supported" },
    { name: "restart refuses other kinds", f: restartObject, obj: service, reason: "restarting is not supported" },
  ])("$name", ({ f, obj, reason }) => {
    let caught: unknown;
    try {
      f(obj, now);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(RolloutRefusal);
    expect((caught as RolloutRefusal).reason).toBe(reason);
  });
});

describe("noHelperError", () => {
  it.each([
    { name: "names a visitable kind it has no helper for", info: { kind: "ReplicaSet", group: "apps" }, helper: "history viewer" as const, want: 'no history viewer has been implemented for "ReplicaSet.apps"' },
    { name: "names a core kind without a group", info: { kind: "Pod", group: "" }, helper: "rollbacker" as const, want: 'no rollbacker has been implemented for "Pod"' },
    { name: "explains kinds the visitor does not know", info: { kind: "Service", group: "" }, helper: "rollbacker" as const, want: 'error retrieving rollbacker for "Service", no visitor method exists for { Service}' },
  ])("$name", ({ info, helper, want }) => expect(noHelperError(info, helper).message).toBe(want));
});
