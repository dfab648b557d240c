// Scenario: the Deployment docs' stalled rollout on the real engine. A three-replica
// nginx:1.14.2 Deployment is updated to the mistyped nginx:1.161: the new pod never pulls, the
// old pods stay as maxUnavailable demands, the deadline passes, and undo recovers it.

import { describe, expect, it } from "vitest";
import { freshCluster } from "../conformance/seed-states";
import { seconds } from "../../src/sim/time";
import type { Cluster } from "../../src/sim/cluster";
import type { KubeObject } from "../../src/api/types";

const nginx: KubeObject = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "nginx-deployment", labels: { app: "nginx" } },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: "nginx" } },
    template: { metadata: { labels: { app: "nginx" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.14.2", ports: [{ containerPort: 80 }] }] } },
  },
};

function setImage(c: Cluster, image: string): void {
  const d = structuredClone(c.api.get("Deployment", "default", "nginx-deployment"));
  d.spec.template.spec.containers[0].image = image;
  c.api.update(d);
  c.settle();
}

const deployment = (c: Cluster) => c.store.get("Deployment/default/nginx-deployment")!;
/** Each ReplicaSet as "image desired/ready", oldest first. */
const replicaSets = (c: Cluster) =>
  c.store
    .list("ReplicaSet", "default")
    .sort((a, b) => Number(a.metadata.annotations?.["deployment.kubernetes.io/revision"]) - Number(b.metadata.annotations?.["deployment.kubernetes.io/revision"]))
    .map((rs) => `${rs.spec.template.spec.containers[0].image} ${rs.spec.replicas}/${rs.status?.readyReplicas ?? 0}`);
/** Each live pod as "image phase waiting-reason", sorted. */
const pods = (c: Cluster) =>
  c.store
    .list("Pod", "default")
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => `${p.spec.containers[0].image} ${p.status?.phase} ${p.status?.containerStatuses?.[0]?.state?.waiting?.reason ?? "-"}`)
    .sort();
const progressing = (c: Cluster) => {
  const cond = deployment(c).status.conditions.find((x: { type: string }) => x.type === "Progressing");
  return `${cond.status} ${cond.reason}: ${cond.message}`;
};
const newRSName = (c: Cluster) => c.store.list("ReplicaSet", "default").find((rs) => rs.spec.template.spec.containers[0].image === "nginx:1.161")!.metadata.name;

/** A rollout of nginx:1.161 started at T0+60s, on a Deployment that has been up for a minute. */
function stalled(): Cluster {
  const c = freshCluster();
  c.api.create(nginx);
  c.settle();
  c.advance(seconds(60));
  setImage(c, "nginx:1.161");
  return c;
}

describe("a rollout to an image tag that does not exist (nginx:1.161)", () => {
  it("stops at one new pod beside the three old ones: maxSurge 1, maxUnavailable 0 for 3 replicas", () => {
    const c = stalled();
    c.advance(seconds(30));
    expect(replicaSets(c)).toEqual(["nginx:1.14.2 3/3", "nginx:1.161 1/0"]);
    expect(pods(c)).toEqual(["nginx:1.14.2 Running -", "nginx:1.14.2 Running -", "nginx:1.14.2 Running -", "nginx:1.161 Pending ImagePullBackOff"]);
    const s = deployment(c).status;
    expect([s.replicas, s.updatedReplicas, s.readyReplicas, s.availableReplicas, s.unavailableReplicas]).toEqual([4, 1, 3, 3, 1]);
  });

  it("alternates ErrImagePull and ImagePullBackOff on the new pod, retrying with a growing back-off", () => {
    const c = stalled();
    const seen: string[] = [];
    for (let t = 0; t < 120; t++) {
      c.advance(seconds(1));
      const reason = pods(c).find((p) => p.startsWith("nginx:1.161"))!.split(" ")[2];
      if (seen[seen.length - 1] !== reason) seen.push(reason);
    }
    // ContainerCreating first: the sandbox takes 1s and the first pull another 500ms.
    expect(seen).toEqual(["ContainerCreating", "ErrImagePull", "ImagePullBackOff", "ErrImagePull", "ImagePullBackOff", "ErrImagePull", "ImagePullBackOff", "ErrImagePull", "ImagePullBackOff"]);
    const pod = c.store.list("Pod", "default").find((p) => p.spec.containers[0].image === "nginx:1.161")!;
    const pulls = c.store.list("Event", "default").filter((e) => (e.involvedObject as { name?: string } | undefined)?.name === pod.metadata.name && e.reason === "Pulling");
    expect(pulls.map((e) => e.count)).toEqual([4]);
  });

  it("keeps Progressing True until the 600s deadline, then reports ProgressDeadlineExceeded", () => {
    const c = stalled();
    c.advance(seconds(590));
    expect(progressing(c)).toBe(`True ReplicaSetUpdated: ReplicaSet "${newRSName(c)}" is progressing.`);
    c.advance(seconds(20));
    expect(progressing(c)).toBe(`False ProgressDeadlineExceeded: ReplicaSet "${newRSName(c)}" has timed out progressing.`);
    expect(replicaSets(c)).toEqual(["nginx:1.14.2 3/3", "nginx:1.161 1/0"]);
    const available = deployment(c).status.conditions.find((x: { type: string }) => x.type === "Available");
    expect(`${available.status} ${available.reason}`).toBe("True MinimumReplicasAvailable");
  });

  it("recovers when the template is set back to nginx:1.14.2, as rollout undo does", () => {
    const c = stalled();
    c.advance(seconds(620));
    setImage(c, "nginx:1.14.2");
    c.advance(seconds(30));
    expect(replicaSets(c)).toEqual(["nginx:1.161 0/0", "nginx:1.14.2 3/3"]);
    expect(pods(c)).toEqual(["nginx:1.14.2 Running -", "nginx:1.14.2 Running -", "nginx:1.14.2 Running -"]);
    const s = deployment(c).status;
    expect([s.replicas, s.updatedReplicas, s.readyReplicas, s.availableReplicas]).toEqual([3, 3, 3, 3]);
    expect(s.unavailableReplicas).toBeUndefined();
    expect(progressing(c)).toMatch(/^True NewReplicaSetAvailable: ReplicaSet "nginx-deployment-[a-z0-9]+" has successfully progressed\.$/);
  });
});
