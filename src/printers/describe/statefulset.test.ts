import { describe as suite, expect, it } from "vitest";
import { Store } from "../../api/store/store";
import { viewOf } from "../../api/store/view";
import type { KubeObject } from "../../api/types";
import { T0 } from "../test-objects";
import { describe } from "./index";

const sts: KubeObject = {
  apiVersion: "apps/v1",
  kind: "StatefulSet",
  metadata: { name: "web", namespace: "default", uid: "uid-web", creationTimestamp: "2025-01-01T00:00:00Z" },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: "nginx" } },
    updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } },
    template: { metadata: { labels: { app: "nginx" } }, spec: { containers: [{ name: "nginx", image: "registry.k8s.io/nginx-slim:0.21", volumeMounts: [{ name: "www", mountPath: "/usr/share/nginx/html" }] }] } },
    volumeClaimTemplates: [{ metadata: { name: "www" }, spec: { accessModes: ["ReadWriteOnce"], storageClassName: "standard", resources: { requests: { storage: "1Gi" } } } }],
  },
  status: { replicas: 1 },
};
const pod = (name: string, phase: string): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default", uid: `uid-${name}`, ownerReferences: [{ apiVersion: "apps/v1", kind: "StatefulSet", name: "web", uid: "uid-web", controller: true }] },
  status: { phase },
});
const ctx = (objects: KubeObject[]) => ({ now: T0, view: viewOf(new Store(objects), new Map()) });

suite("describe statefulset", () => {
  it("prints replicas, strategy with partition, pods status, the template and the claim templates", () => {
    expect(describe(sts, ctx([sts, pod("web-0", "Running"), pod("web-1", "Pending")]))).toBe(`Name:               web
Namespace:          default
CreationTimestamp:  Wed, 01 Jan 2025 00:00:00 +0000
Selector:           app=nginx
Labels:             <none>
Annotations:        <none>
Replicas:           2 desired | 1 total
Update Strategy:    RollingUpdate
  Partition:        0
Pods Status:        1 Running / 1 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=nginx
  Containers:
   nginx:
    Image:        registry.k8s.io/nginx-slim:0.21
    Port:         <none>
    Host Port:    <none>
    Environment:  <none>
    Mounts:
      /usr/share/nginx/html from www (rw)
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Volume Claims:
  Name:          www
  StorageClass:  standard
  Labels:        <none>
  Annotations:   <none>
  Capacity:      1Gi
  Access Modes:  [ReadWriteOnce]
Events:          <none>
`);
  });

  it("says <none> without claim templates and omits Partition for OnDelete", () => {
    const onDelete = { ...sts, spec: { ...sts.spec, updateStrategy: { type: "OnDelete" }, volumeClaimTemplates: undefined } };
    const text = describe(onDelete, ctx([onDelete]));
    expect(text).toContain("Update Strategy:    OnDelete\nPods Status:");
    expect(text).toContain("  Tolerations:     <none>\nVolume Claims:     <none>\nEvents:            <none>\n");
  });
});
