import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import type { Outcome, Write } from "../controllers/types";
import { createRng } from "../sim/random";
import { mirrorStateId, staticPods } from "./static-pods";
import { staticManifestsId } from "./static-pod-manifests";
import type { StaticManifest } from "./static-pod-manifests";
import { at, viewOver, workerNode } from "../../test/builders/node-health";

const KEY = "Node//kubesim-worker";

const web: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "static-web", labels: { role: "web" } }, spec: { containers: [{ name: "web", image: "nginx" }] } };
const manifest = (hash = "h1", pod: KubeObject | null = web, extra: Partial<StaticManifest> = {}): StaticManifest => ({ file: "web.yaml", hash, seenAt: "2025-01-01T00:00:00Z", ...(pod ? { pod } : {}), ...extra });

function mirror(opts: { uid?: string; hash?: string; deleting?: boolean } = {}): KubeObject {
  const hash = opts.hash ?? "h1";
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: "static-web-kubesim-worker",
      namespace: "default",
      uid: opts.uid ?? "uid-mirror",
      resourceVersion: "1",
      annotations: { "kubernetes.io/config.mirror": hash, "kubernetes.io/config.hash": hash },
      ...(opts.deleting ? { deletionTimestamp: "2025-01-01T00:01:00Z", deletionGracePeriodSeconds: 30 } : {}),
    },
    spec: { nodeName: "kubesim-worker", containers: [{ name: "web", image: "nginx" }] },
    status: { phase: "Running" },
  };
}

function run(objects: KubeObject[], manifests: StaticManifest[], runtime: Record<string, unknown> = {}): Outcome {
  const records = { ...(manifests.length > 0 ? { [staticManifestsId("kubesim-worker")]: { manifests } } : {}), ...runtime };
  return staticPods.reconcile(viewOver(objects, records), KEY, at(0), createRng(1));
}

const ops = (writes: readonly Write[]) =>
  writes.map((w) => (w.op === "delete" ? `delete ${w.ref.name} grace=${w.gracePeriodSeconds} uid=${w.uid}` : `${w.op} ${(w as { object: KubeObject }).object.metadata.name}`));

describe("static pods", () => {
  it.each([
    { name: "a new manifest gets a mirror pod", objects: [workerNode()], manifests: [manifest()], runtime: {}, want: ["create static-web-kubesim-worker"] },
    { name: "a current mirror is left alone", objects: [workerNode(), mirror()], manifests: [manifest()], runtime: {}, want: [] },
    {
      name: "a mirror deleted through the API is force-deleted and re-created",
      objects: [workerNode(), mirror({ deleting: true })],
      manifests: [manifest()],
      runtime: {},
      want: ["delete static-web-kubesim-worker grace=0 uid=uid-mirror", "create static-web-kubesim-worker"],
    },
    {
      name: "an edited manifest replaces the mirror",
      objects: [workerNode(), mirror({ hash: "old" })],
      manifests: [manifest("h2")],
      runtime: {},
      want: ["delete static-web-kubesim-worker grace=0 uid=uid-mirror", "create static-web-kubesim-worker"],
    },
    { name: "a removed file deletes its mirror at once", objects: [workerNode(), mirror()], manifests: [], runtime: {}, want: ["delete static-web-kubesim-worker grace=0 uid=uid-mirror"] },
    { name: "a stopped kubelet does nothing", objects: [workerNode()], manifests: [manifest()], runtime: { "kubelet:kubesim-worker": { stoppedAt: 0 } }, want: [] },
    { name: "a node that is not Ready does nothing", objects: [workerNode({ ready: "Unknown" })], manifests: [manifest()], runtime: {}, want: [] },
  ])("$name", ({ objects, manifests, runtime, want }) => {
    expect(ops(run(objects, manifests, runtime).writes)).toEqual(want);
  });

  it("builds the mirror as the kubelet does: name-node, annotations, Node owner, bound, tolerating NoExecute", () => {
    const created = (run([workerNode()], [manifest()]).writes[0] as { object: KubeObject }).object;
    expect(created.metadata).toEqual({
      name: "static-web-kubesim-worker",
      namespace: "default",
      labels: { role: "web" },
      annotations: {
        "kubernetes.io/config.hash": "h1",
        "kubernetes.io/config.mirror": "h1",
        "kubernetes.io/config.seen": "2025-01-01T00:00:00Z",
        "kubernetes.io/config.source": "file",
      },
      ownerReferences: [{ apiVersion: "v1", kind: "Node", name: "kubesim-worker", uid: "uid-node", controller: true }],
    });
    expect(created.spec.nodeName).toBe("kubesim-worker");
    expect(created.spec.tolerations).toEqual([{ operator: "Exists", effect: "NoExecute" }]);
    expect(created.spec.serviceAccountName).toBeUndefined();
  });

  it("moves the static pod's runtime record to a re-created mirror's uid", () => {
    const runtime = {
      [mirrorStateId("kubesim-worker")]: { "web.yaml": { hash: "h1", podUid: "uid-old" } },
      "uid-old": { sandbox: { ip: "10.244.1.9", createdAt: 0 }, containers: [] },
      "node:kubesim-worker": { images: {}, pullFreeAt: 0, pods: { "uid-old": "Pod/default/static-web-kubesim-worker", "uid-x": "Pod/default/x" } },
    };
    const out = run([workerNode(), mirror({ uid: "uid-new" })], [manifest()], runtime);
    expect(out.writes).toEqual([]);
    const byId = Object.fromEntries((out.runtime ?? []).map((r) => [r.podUid, r.record]));
    expect(byId["uid-old"]).toBeUndefined();
    expect("uid-old" in byId).toBe(true);
    expect(byId["uid-new"]).toEqual(runtime["uid-old"]);
    expect((byId["node:kubesim-worker"] as { pods: unknown }).pods).toEqual({ "uid-x": "Pod/default/x", "uid-new": "Pod/default/static-web-kubesim-worker" });
    expect(byId[mirrorStateId("kubesim-worker")]).toEqual({ "web.yaml": { hash: "h1", podUid: "uid-new" } });
  });

  it("an edited manifest does not inherit the old version's record", () => {
    const runtime = { [mirrorStateId("kubesim-worker")]: { "web.yaml": { hash: "h1", podUid: "uid-old" } }, "uid-old": { containers: [] } };
    const out = run([workerNode(), mirror({ uid: "uid-new", hash: "h2" })], [manifest("h2")], runtime);
    expect((out.runtime ?? []).map((r) => r.podUid)).toEqual([mirrorStateId("kubesim-worker")]);
  });

  it.each([
    { name: "a ConfigMap reference", spec: { containers: [{ name: "c", image: "nginx", envFrom: [{ configMapRef: { name: "x" } }] }] }, why: 'node "kubesim-worker" can not create pods that reference configmaps' },
    { name: "a Secret volume", spec: { containers: [{ name: "c", image: "nginx" }], volumes: [{ name: "s", secret: { secretName: "x" } }] }, why: "a mirror pod may not reference secrets" },
    { name: "a service account", spec: { serviceAccountName: "robot", containers: [{ name: "c", image: "nginx" }] }, why: "a mirror pod may not reference service accounts" },
    {
      name: "a token projection",
      spec: { containers: [{ name: "c", image: "nginx" }], volumes: [{ name: "t", projected: { sources: [{ serviceAccountToken: { path: "token" } }] } }] },
      why: "a mirror pod may not use ServiceAccountToken volume projections",
    },
  ])("refuses a static pod with $name and reports it once", ({ spec, why }) => {
    const pod = { ...web, spec };
    const first = run([workerNode()], [manifest("h1", pod)]);
    expect(first.writes).toEqual([]);
    expect(first.events.map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual([
      `Warning FailedCreateMirrorPod Failed creating a mirror pod: pods "static-web-kubesim-worker" is forbidden: ${why}`,
    ]);
    const state = first.runtime!.find((r) => r.podUid === mirrorStateId("kubesim-worker"))!.record;
    expect(run([workerNode()], [manifest("h1", pod)], { [mirrorStateId("kubesim-worker")]: state }).events).toEqual([]);
  });

  it("reports a file it could not read", () => {
    const out = run([workerNode()], [manifest("h1", null, { error: "invalid pod: the file must hold one v1 Pod" })]);
    expect(out.events.map((e) => `${e.reason} ${e.message}`)).toEqual(['FailedStaticPodManifest Could not process manifest file "web.yaml": invalid pod: the file must hold one v1 Pod']);
  });
});
