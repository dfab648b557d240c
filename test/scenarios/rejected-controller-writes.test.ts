// Scenario: a controller's pod create that the API server rejects is a Warning event and a
// retry with back-off, as upstream, never an internal error. A StatefulSet's pod template is
// not validated as a PodSpec (ValidatePodTemplateSpecForStatefulSet), so the mistake surfaces
// only when the controller creates web-0.

import { describe, expect, it } from "vitest";
import { harness, ok } from "../cli-harness";
import { freshCluster } from "../conformance/seed-states";
import { seconds, toRFC3339 } from "../../src/sim/time";

const statefulSet = (container: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [${container}]}
`;

const FAILED = 'create Pod web-0 in StatefulSet web failed error: Pod "web-0" is invalid: spec.containers[0].image: Required value';

describe("a StatefulSet whose pods the API server rejects", () => {
  it("is created, records FailedCreate with back-off, creates no pod, and comes up once fixed", async () => {
    const h = await harness();
    const broken = h.file("broken.yaml", statefulSet("{name: c}"));
    expect(await h.run("apply", "-f", broken)).toEqual(ok("statefulset.apps/web created\n"));
    expect((await h.run("sim", "advance", "10s")).code).toBe(0);

    // 11 failures in 10s: two at once (the status write wakes the set again), then retries
    // 5ms, 20ms, 40ms … 2.56s apart (the last at 5.105s); the next is due at 10.225s.
    expect(await h.run("describe", "sts", "web")).toEqual(
      ok(
        [
          "Name:               web",
          "Namespace:          default",
          "CreationTimestamp:  Wed, 01 Jan 2025 00:00:00 +0000",
          "Selector:           app=web",
          "Labels:             <none>",
          "Annotations:        <none>",
          "Replicas:           1 desired | 0 total",
          "Update Strategy:    RollingUpdate",
          "  Partition:        0",
          "Pods Status:        0 Running / 0 Waiting / 0 Succeeded / 0 Failed",
          "Pod Template:",
          "  Labels:  app=web",
          "  Containers:",
          "   c:",
          "    Image:         ",
          "    Port:          <none>",
          "    Host Port:     <none>",
          "    Environment:   <none>",
          "    Mounts:        <none>",
          "  Volumes:         <none>",
          "  Node-Selectors:  <none>",
          "  Tolerations:     <none>",
          "Volume Claims:     <none>",
          "Events:",
          "  Type     Reason        Age                From                    Message",
          "  ----     ------        ----               ----                    -------",
          `  Warning  FailedCreate  5s (x11 over 10s)  statefulset-controller  ${FAILED}`,
          "",
        ].join("\n"),
      ),
    );
    expect(await h.run("get", "events")).toEqual(
      ok(
        "LAST SEEN   TYPE      REASON         OBJECT            MESSAGE\n" +
          `5s          Warning   FailedCreate   statefulset/web   ${FAILED}\n`,
      ),
    );
    expect(await h.run("get", "pods")).toEqual({ stdout: "", stderr: "No resources found in default namespace.\n", code: 0 });

    const fixed = h.file("fixed.yaml", statefulSet("{name: c, image: nginx}"));
    expect(await h.run("apply", "-f", fixed)).toEqual(ok("statefulset.apps/web configured\n"));
    await h.run("sim", "advance", "30s");
    expect(await h.run("get", "pods")).toEqual(ok("NAME    READY   STATUS    RESTARTS   AGE\nweb-0   1/1     Running   0          30s\n"));
  });
});

describe("a StatefulSet whose claims the API server rejects", () => {
  it("records the claim's FailedCreate, then the pod's, and creates neither", async () => {
    const h = await harness();
    const manifest = h.file(
      "claims.yaml",
      statefulSet("{name: c, image: nginx}") + "  volumeClaimTemplates: [{metadata: {name: www}, spec: {accessModes: [ReadWriteOnce]}}]\n",
    );
    expect(await h.run("apply", "-f", manifest)).toEqual(ok("statefulset.apps/web created\n"));
    await h.run("sim", "advance", "10s");
    const invalid = 'PersistentVolumeClaim "www-web-0" is invalid: spec.resources[storage]: Required value';
    expect(await h.run("get", "events")).toEqual(
      ok(
        "LAST SEEN   TYPE      REASON         OBJECT            MESSAGE\n" +
          `5s          Warning   FailedCreate   statefulset/web   create Claim www-web-0 for Pod web-0 in StatefulSet web failed error: ${invalid}\n` +
          `5s          Warning   FailedCreate   statefulset/web   create Pod web-0 in StatefulSet web failed error: failed to create PVC www-web-0: ${invalid}\n`,
      ),
    );
    expect(await h.run("get", "pvc,pods")).toEqual({ stdout: "", stderr: "No resources found in default namespace.\n", code: 0 });
  });
});

describe("a ReplicaSet whose pods the API server rejects", () => {
  it("records one FailedCreate per sync (slowStartBatch stops at the first error), backs off, and creates no pod", () => {
    const c = freshCluster();
    // Stored past validation, as an older API server might have kept it: its pods cannot be created.
    c.store.put({
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name: "web", namespace: "default", uid: "uid-rs-web", generation: 1, resourceVersion: c.store.nextResourceVersion(), creationTimestamp: toRFC3339(c.now) },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: "web" } },
        template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c" }] } },
      },
    });
    c.settle();
    expect(c.store.list("Pod", "default")).toEqual([]);
    // Two syncs at once (the status write wakes the set again), each one failure: the pods'
    // names are random, so each is its own Warning, and the back-off counts them together.
    const failures = () => (c.store.list("Event", "default") as any[]).map((e) => `${e.type} ${e.reason} ${e.source.component} x${e.count}: ${e.message}`);
    expect(failures()).toHaveLength(2);
    for (const f of failures()) {
      expect(f).toMatch(/^Warning FailedCreate replicaset-controller x1: Error creating: Pod "web-[a-z0-9]{5}" is invalid: spec\.containers\[0\]\.image: Required value$/);
    }
    // One pending retry, the earliest (the work queue keeps one per key): 5ms after the first.
    expect(c.agenda.toJSON().filter((i) => i.component === "replicaset-controller")).toEqual([{ due: c.now + 5, component: "replicaset-controller", key: "ReplicaSet/default/web" }]);
    // Then 20ms, 40ms, 80ms … apart: 9 more failures in 10s, not one every 5ms. Similar events
    // (same object and reason, messages differ) are combined from the tenth on: 9 Events, then
    // one "(combined from similar events)" counted up to 2.
    c.advance(seconds(10));
    expect(failures()).toHaveLength(10);
    expect(failures()[9]).toMatch(/^Warning FailedCreate replicaset-controller x2: \(combined from similar events\): Error creating: Pod "web-[a-z0-9]{5}" is invalid/);
    expect((c.store.list("Event", "default") as any[]).reduce((n, e) => n + e.count, 0)).toBe(11);
    expect(c.store.list("Pod", "default")).toEqual([]);
  });
});
