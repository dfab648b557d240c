// Controllers together, through the real API server, with a fake kubelet between settles.

import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import { MiniCluster } from "../../test/builders";

function web(image: string, replicas = 3): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web" },
    spec: { replicas, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image }] } } },
  };
}

const sizes = (c: MiniCluster) =>
  c.store
    .list("ReplicaSet")
    .map((rs) => `${rs.spec.template.spec.containers[0].image}=${rs.spec.replicas}/${rs.status?.availableReplicas ?? 0}`)
    .sort();

const scaling = (c: MiniCluster) => c.events.filter((e) => e.reason === "ScalingReplicaSet").map((e) => e.message.replace(/web-[a-z0-9]+/g, (n) => (n === rsOf(c, "nginx:1.25") ? "OLD" : "NEW")));
const rsOf = (c: MiniCluster, image: string) => c.store.list("ReplicaSet").find((rs) => rs.spec.template.spec.containers[0].image === image)?.metadata.name;

describe("the controllers together", () => {
  it("create a Deployment's ReplicaSet and pods, and report it complete", () => {
    const c = new MiniCluster();
    c.api.create(web("nginx:1.25"));
    c.run();
    expect(sizes(c)).toEqual(["nginx:1.25=3/3"]);
    expect(c.store.list("Pod").map((p) => p.metadata.name!.startsWith(`${rsOf(c, "nginx:1.25")}-`))).toEqual([true, true, true]);
    const d = c.store.get("Deployment/default/web")!;
    expect(d.metadata.annotations).toEqual({ "deployment.kubernetes.io/revision": "1" });
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status.conditions.map((x: { type: string; reason: string }) => `${x.type}/${x.reason}`)).toEqual(["Available/MinimumReplicasAvailable", "Progressing/NewReplicaSetAvailable"]);
  });

  it("roll a new image out one pod at a time with the default 25%/25%", () => {
    const c = new MiniCluster();
    c.api.create(web("nginx:1.25"));
    c.run();
    c.events.length = 0;
    const d = c.store.get("Deployment/default/web")!;
    c.api.update({ ...d, spec: { ...d.spec, template: { ...d.spec.template, spec: { containers: [{ name: "nginx", image: "nginx:1.26" }] } } } });
    c.run();
    expect(scaling(c)).toEqual([
      "Scaled up replica set NEW from 0 to 1",
      "Scaled down replica set OLD from 3 to 2",
      "Scaled up replica set NEW from 1 to 2",
      "Scaled down replica set OLD from 2 to 1",
      "Scaled up replica set NEW from 2 to 3",
      "Scaled down replica set OLD from 1 to 0",
    ]);
    expect(sizes(c)).toEqual(["nginx:1.25=0/0", "nginx:1.26=3/3"]);
    expect(c.store.get("Deployment/default/web")!.metadata.annotations).toEqual({ "deployment.kubernetes.io/revision": "2" });
  });

  it("reach a state in which a further settle changes nothing", () => {
    const c = new MiniCluster();
    c.api.create(web("nginx:1.25"));
    c.run();
    const rv = c.store.resourceVersion;
    for (const o of c.store.all()) c.store.put(o); // wake everything again
    c.settle();
    expect(c.store.resourceVersion).toBe(rv);
  });

  it("delete a deleted ReplicaSet's pods through the garbage collector", () => {
    const c = new MiniCluster();
    c.api.create(web("nginx:1.25", 2));
    c.run();
    c.api.delete({ kind: "Deployment", namespace: "default", name: "web" });
    c.run();
    expect(c.store.list("ReplicaSet")).toEqual([]);
    expect(c.store.list("Pod")).toEqual([]);
  });

  it("keep the ReplicaSet and pods when the Deployment is deleted with the orphan policy", () => {
    const c = new MiniCluster();
    c.api.create(web("nginx:1.25", 2));
    c.run();
    c.api.delete({ kind: "Deployment", namespace: "default", name: "web" }, { propagationPolicy: "Orphan" });
    c.run();
    expect(c.store.get("Deployment/default/web")).toBeUndefined();
    const rss = c.store.list("ReplicaSet");
    expect(rss.map((rs) => rs.metadata.ownerReferences)).toEqual([undefined]);
    expect(c.store.list("Pod")).toHaveLength(2);
  });

  it("remove a Deployment deleted in the foreground only after its pods are gone", () => {
    const c = new MiniCluster();
    c.api.create(web("nginx:1.25", 2));
    c.run();
    c.api.delete({ kind: "Deployment", namespace: "default", name: "web" }, { propagationPolicy: "Foreground" });
    c.settle();
    expect(c.store.get("Deployment/default/web")?.metadata.finalizers).toEqual(["foregroundDeletion"]);
    c.run();
    expect(c.store.get("Deployment/default/web")).toBeUndefined();
    expect(c.store.list("ReplicaSet")).toEqual([]);
    expect(c.store.list("Pod")).toEqual([]);
  });
});
