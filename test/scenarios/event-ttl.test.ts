// Scenario: Events live for an hour after they were last seen (kube-apiserver --event-ttl=1h).

import { describe, expect, it } from "vitest";
import { freshCluster } from "../conformance/seed-states";
import { seconds } from "../../src/sim/time";

const deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web" },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: "web" } },
    template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } },
  },
};

describe("event expiry", () => {
  it("keeps a Deployment's events for the hour after they happened", () => {
    const c = freshCluster();
    c.api.create(deployment);
    c.settle();
    c.advance(seconds(59 * 60));
    expect(c.store.list("Event", "default").length).toBeGreaterThan(0);
  });

  it("deletes them once an hour has passed since they were last seen", () => {
    const c = freshCluster();
    c.api.create(deployment);
    c.settle();
    c.advance(seconds(61 * 60));
    expect(c.store.list("Event", "default")).toEqual([]);
  });

  it("gives an event that happens again a new hour from its last occurrence", () => {
    const c = freshCluster();
    c.api.create({ ...deployment, spec: { ...deployment.spec, replicas: 1, template: { ...deployment.spec.template, spec: { containers: [{ name: "nginx", image: "nginx:1.161" }] } } } });
    c.settle();
    // The pull keeps failing and backing off (at most every 5 minutes), so its events recur. The
    // kubelet's spam filter spends the pod's 25 events in the first minutes, then lets one through
    // every 5 minutes: the pull's "Pulling", which comes first. Only it is written again.
    c.advance(seconds(90 * 60));
    const pod = c.store.list("Event", "default").filter((e) => (e.involvedObject as { kind: string }).kind === "Pod");
    expect(pod.map((e) => [e.reason, e.firstTimestamp, e.lastTimestamp])).toEqual([["Pulling", "2025-01-01T00:00:01Z", "2025-01-01T01:25:21Z"]]);
  });
});
