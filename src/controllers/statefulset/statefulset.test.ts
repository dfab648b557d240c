// The StatefulSet controller through the real API server (MiniCluster), step by step: each case
// applies a StatefulSet, then alternates controller settles with a fake kubelet that makes the
// pods Running and Ready (or not), and states what the cluster must look like.

import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { keyOf, refOf } from "../../api/types";
import { MiniCluster } from "../../../test/builders";
import { viewOf } from "../../api/store/view";
import { statefulSetController } from "./index";
import { toRFC3339 } from "../../sim/time";
import type { Instant } from "../../sim/time";

function web(spec: Record<string, unknown> = {}, image = "nginx:1.25"): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name: "web" },
    spec: {
      serviceName: "nginx",
      replicas: 3,
      selector: { matchLabels: { app: "nginx" } },
      template: { metadata: { labels: { app: "nginx" } }, spec: { containers: [{ name: "nginx", image, volumeMounts: [{ name: "www", mountPath: "/usr/share/nginx/html" }] }] } },
      volumeClaimTemplates: [{ metadata: { name: "www" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }],
      ...spec,
    },
  };
}

const podNames = (c: MiniCluster) => c.store.list("Pod").map((p) => p.metadata.name).sort();
const claimNames = (c: MiniCluster) => c.store.list("PersistentVolumeClaim").map((p) => p.metadata.name).sort();
const sts = (c: MiniCluster) => c.store.get("StatefulSet/default/web")!;
const messages = (c: MiniCluster) => c.events.map((e) => `${e.reason} ${e.message}`);
const revisionOf = (c: MiniCluster, pod: string) => c.store.get(`Pod/default/${pod}`)?.metadata.labels?.["controller-revision-hash"];

/** Makes one pod Running (and Ready unless told otherwise), as a kubelet would. */
function start(c: MiniCluster, name: string, ready = true, phase = "Running"): void {
  const pod = structuredClone(c.store.get(`Pod/default/${name}`)!);
  pod.spec.nodeName ??= "kubesim-worker";
  pod.status = { phase, conditions: [{ type: "Ready", status: ready ? "True" : "False", lastTransitionTime: toRFC3339(c.now) }] };
  pod.metadata.resourceVersion = c.store.nextResourceVersion();
  c.store.put(pod);
  c.settle();
}

/** Finishes every graceful deletion (the kubelet's final delete). */
function reap(c: MiniCluster): void {
  for (const pod of c.store.list("Pod")) if (pod.metadata.deletionTimestamp) c.store.remove(keyOf(refOf(pod)));
  c.settle();
}

function update(c: MiniCluster, mutate: (s: KubeObject) => void): void {
  const s = structuredClone(sts(c));
  mutate(s);
  c.api.update(s);
  c.settle();
}

const setImage = (image: string) => (s: KubeObject) => {
  s.spec.template.spec.containers[0].image = image;
};

describe("OrderedReady scaling", () => {
  it.each([
    { name: "creates web-0 first and waits for it to be Running and Ready", ready: [] as string[], want: ["web-0"] },
    { name: "creates web-1 only once web-0 is Ready", ready: ["web-0"], want: ["web-0", "web-1"] },
    { name: "creates the last ordinal once all before it are Ready", ready: ["web-0", "web-1"], want: ["web-0", "web-1", "web-2"] },
  ])("$name", ({ ready, want }) => {
    const c = new MiniCluster();
    c.api.create(web());
    c.settle();
    for (const name of ready) start(c, name);
    expect(podNames(c)).toEqual(want);
  });

  it("does not go on while a created pod is Running but not Ready", () => {
    const c = new MiniCluster();
    c.api.create(web());
    c.settle();
    start(c, "web-0", false);
    expect(podNames(c)).toEqual(["web-0"]);
  });

  it("waits minReadySeconds after Ready before the next ordinal, and asks to come back then", () => {
    const c = new MiniCluster();
    c.api.create(web({ minReadySeconds: 10 }));
    c.settle();
    start(c, "web-0");
    expect(podNames(c)).toEqual(["web-0"]);
    c.now = (c.now + 10_001) as Instant;
    update(c, (s) => (s.metadata.labels = { touched: "yes" }));
    expect(podNames(c)).toEqual(["web-0", "web-1"]);
  });

  it("asks to come back exactly when the ready pod becomes available", () => {
    const c = new MiniCluster();
    c.api.create(web({ minReadySeconds: 10 }));
    c.settle();
    start(c, "web-0");
    const out = statefulSetController.reconcile(viewOf(c.store, new Map()), "StatefulSet/default/web", c.now);
    expect(out.writes).toEqual([]);
    expect(out.requeueAfter).toBe(10_001);
  });

  it("gives each pod its identity: labels, hostname, subdomain, owner and claim volume", () => {
    const c = new MiniCluster();
    c.api.create(web());
    c.settle();
    const pod = c.store.get("Pod/default/web-0")!;
    expect(pod.metadata.labels).toEqual({
      app: "nginx",
      "apps.kubernetes.io/pod-index": "0",
      "controller-revision-hash": sts(c).status.updateRevision,
      "statefulset.kubernetes.io/pod-name": "web-0",
    });
    expect(pod.metadata.generateName).toBe("web-");
    expect([pod.spec.hostname, pod.spec.subdomain]).toEqual(["web-0", "nginx"]);
    expect(pod.metadata.ownerReferences?.map((r) => `${r.kind}/${r.name}/${r.controller}`)).toEqual(["StatefulSet/web/true"]);
    expect(pod.spec.volumes[0]).toEqual({ name: "www", persistentVolumeClaim: { claimName: "www-web-0" } });
  });

  it("creates the claim before the pod and records both events", () => {
    const c = new MiniCluster();
    c.api.create(web());
    c.settle();
    expect(claimNames(c)).toEqual(["www-web-0"]);
    expect(messages(c)).toEqual(["SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success", "SuccessfulCreate create Pod web-0 in StatefulSet web successful"]);
    const claim = c.store.get("PersistentVolumeClaim/default/www-web-0")!;
    expect(claim.metadata.labels).toEqual({ app: "nginx" });
    expect(claim.metadata.ownerReferences).toBeUndefined();
    expect(claim.spec.resources.requests.storage).toBe("1Gi");
  });

  it("scales down from the highest ordinal, one at a time, waiting for each to be gone", () => {
    const c = new MiniCluster();
    c.api.create(web());
    c.run();
    c.events.length = 0;
    update(c, (s) => (s.spec.replicas = 1));
    expect(c.store.list("Pod").filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.name)).toEqual(["web-2"]);
    reap(c);
    expect(c.store.list("Pod").filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.name)).toEqual(["web-1"]);
    reap(c);
    expect(podNames(c)).toEqual(["web-0"]);
    expect(messages(c)).toEqual(["SuccessfulDelete delete Pod web-2 in StatefulSet web successful", "SuccessfulDelete delete Pod web-1 in StatefulSet web successful"]);
    expect(claimNames(c)).toEqual(["www-web-0", "www-web-1", "www-web-2"]);
  });

  it("replaces a Failed pod under the same name at once: a finished pod has no grace period to wait", () => {
    const c = new MiniCluster();
    c.api.create(web({ replicas: 1 }));
    c.run();
    const uid = c.store.get("Pod/default/web-0")!.metadata.uid;
    start(c, "web-0", false, "Failed");
    const again = c.store.get("Pod/default/web-0")!;
    expect(again.metadata.uid).not.toBe(uid);
    expect(again.metadata.deletionTimestamp).toBeUndefined();
  });

  it("starts ordinals at spec.ordinals.start", () => {
    const c = new MiniCluster();
    c.api.create(web({ replicas: 2, ordinals: { start: 5 } }));
    c.run();
    expect(podNames(c)).toEqual(["web-5", "web-6"]);
  });
});

describe("Parallel pod management", () => {
  it("creates every pod (and claim) in one pass without waiting", () => {
    const c = new MiniCluster();
    c.api.create(web({ podManagementPolicy: "Parallel" }));
    c.settle();
    expect(podNames(c)).toEqual(["web-0", "web-1", "web-2"]);
    expect(claimNames(c)).toEqual(["www-web-0", "www-web-1", "www-web-2"]);
  });

  it("deletes every condemned pod at once", () => {
    const c = new MiniCluster();
    c.api.create(web({ podManagementPolicy: "Parallel" }));
    c.run();
    update(c, (s) => (s.spec.replicas = 1));
    expect(c.store.list("Pod").filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.name).sort()).toEqual(["web-1", "web-2"]);
  });
});

describe("updates", () => {
  it("rolls from the highest ordinal down, one pod at a time, and completes the revision", () => {
    const c = new MiniCluster();
    c.api.create(web());
    c.run();
    const first = sts(c).status.currentRevision;
    update(c, setImage("nginx:1.26"));
    const next = sts(c).status.updateRevision;
    expect(next).not.toBe(first);
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const deleting = c.store.list("Pod").filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.name!);
      order.push(...deleting);
      reap(c);
      start(c, deleting[0]);
    }
    expect(order).toEqual(["web-2", "web-1", "web-0"]);
    expect(["web-0", "web-1", "web-2"].map((p) => revisionOf(c, p))).toEqual([next, next, next]);
    expect(sts(c).status).toMatchObject({ currentRevision: next, updateRevision: next, currentReplicas: 3, updatedReplicas: 3, readyReplicas: 3 });
    expect(c.store.list("ControllerRevision").map((r) => `${r.metadata.name}=${r.revision}`).sort()).toEqual([`${first}=1`, `${next}=2`].sort());
  });

  it("updates only ordinals at or above the partition", () => {
    const c = new MiniCluster();
    c.api.create(web({ updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 2 } } }));
    c.run();
    const first = sts(c).status.currentRevision;
    update(c, setImage("nginx:1.26"));
    reap(c);
    start(c, "web-2");
    const next = sts(c).status.updateRevision;
    expect(["web-0", "web-1", "web-2"].map((p) => revisionOf(c, p))).toEqual([first, first, next]);
    expect(sts(c).status).toMatchObject({ currentRevision: first, currentReplicas: 2, updatedReplicas: 1 });
  });

  it("re-creates a deleted pod below the partition from the current revision", () => {
    const c = new MiniCluster();
    c.api.create(web({ updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 2 } } }));
    c.run();
    const first = sts(c).status.currentRevision;
    update(c, setImage("nginx:1.26"));
    c.api.delete({ kind: "Pod", namespace: "default", name: "web-0" });
    reap(c);
    expect(revisionOf(c, "web-0")).toBe(first);
  });

  it("OnDelete updates nothing until the user deletes a pod, which comes back updated", () => {
    const c = new MiniCluster();
    c.api.create(web({ updateStrategy: { type: "OnDelete" } }));
    c.run();
    update(c, setImage("nginx:1.26"));
    expect(c.store.list("Pod").some((p) => p.metadata.deletionTimestamp)).toBe(false);
    const next = sts(c).status.updateRevision;
    c.api.delete({ kind: "Pod", namespace: "default", name: "web-1" });
    reap(c);
    expect(revisionOf(c, "web-1")).toBe(next);
    expect(revisionOf(c, "web-0")).not.toBe(next);
  });

  it("rolling back to an older template renumbers its revision instead of making a new one", () => {
    const c = new MiniCluster();
    c.api.create(web({ replicas: 1 }));
    c.run();
    const first = sts(c).status.currentRevision;
    update(c, setImage("nginx:1.26"));
    c.run();
    update(c, setImage("nginx:1.25"));
    c.run();
    expect(sts(c).status.updateRevision).toBe(first);
    expect(c.store.get(`ControllerRevision/default/${first}`)!.revision).toBe(3);
  });

  it("keeps at most revisionHistoryLimit unused revisions, deleting the oldest", () => {
    const c = new MiniCluster();
    c.api.create(web({ replicas: 1, revisionHistoryLimit: 1 }));
    c.run();
    for (const tag of ["1.26", "1.27", "1.28"]) {
      update(c, setImage(`nginx:${tag}`));
      c.run();
    }
    expect(c.store.list("ControllerRevision").map((r) => r.revision).sort()).toEqual([3, 4]);
  });
});

describe("PVC retention", () => {
  it.each([
    { name: "Retain/Retain leaves claims without owners", policy: { whenDeleted: "Retain", whenScaled: "Retain" }, want: { kept: [], scaled: [] } },
    { name: "whenDeleted Delete gives every claim the set as owner", policy: { whenDeleted: "Delete", whenScaled: "Retain" }, want: { kept: ["StatefulSet/web"], scaled: ["StatefulSet/web"] } },
    { name: "whenScaled Delete gives a scaled-away claim its pod as owner", policy: { whenDeleted: "Retain", whenScaled: "Delete" }, want: { kept: [], scaled: ["Pod/web-1"] } },
  ])("$name", ({ policy, want }) => {
    const c = new MiniCluster();
    c.api.create(web({ replicas: 2, persistentVolumeClaimRetentionPolicy: policy }));
    c.run();
    update(c, (s) => (s.spec.replicas = 1));
    const owners = (name: string) => (c.store.get(`PersistentVolumeClaim/default/${name}`)!.metadata.ownerReferences ?? []).map((r) => `${r.kind}/${r.name}`);
    expect({ kept: owners("www-web-0"), scaled: owners("www-web-1") }).toEqual(want);
  });
});

describe("status", () => {
  it("reports observedGeneration, counts and revisions once converged, and a second pass writes nothing", () => {
    const c = new MiniCluster();
    c.api.create(web());
    c.run();
    const s = sts(c);
    expect(s.status).toEqual({
      observedGeneration: 1,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      currentRevision: s.status.updateRevision,
      updateRevision: s.status.updateRevision,
      collisionCount: 0,
      availableReplicas: 3,
    });
    expect(s.status.updateRevision).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    const rv = s.metadata.resourceVersion;
    update(c, () => {});
    expect(sts(c).metadata.resourceVersion).toBe(rv);
  });
});
