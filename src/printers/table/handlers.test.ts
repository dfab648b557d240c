import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { ago, obj, T0 } from "../test-objects";
import { printTable } from "./print";
import { tableHandlerFor } from "./index";

const table = (objects: KubeObject[], wide = false): string =>
  printTable(objects, { now: T0, wide, withNamespace: false, withKind: false, showLabels: false, labelColumns: [], noHeaders: false });

const rs = (name: string, desired: number, current: number, ready: number, created: number) =>
  obj("apps/v1", "ReplicaSet", name, { spec: { replicas: desired }, status: { replicas: current, readyReplicas: ready } }, { creationTimestamp: ago(created) });

const node = (name: string, ready: string | undefined, labels: Record<string, string>, unschedulable = false) =>
  obj("v1", "Node", name, {
    spec: { unschedulable },
    status: { conditions: ready ? [{ type: "Ready", status: ready }] : [], nodeInfo: { kubeletVersion: "v1.32.0" } },
  }, { namespace: undefined, labels, creationTimestamp: ago(4800) });

const svc = (name: string, spec: Record<string, unknown>, status: Record<string, unknown> = {}, created = 300) =>
  obj("v1", "Service", name, { spec, status }, { creationTimestamp: ago(created) });

const event = (name: string, fields: Record<string, unknown>) => ({ ...obj("v1", "Event", name), ...fields }) as KubeObject;

const cases: { name: string; objects: KubeObject[]; wide?: boolean; want: string }[] = [
  {
    name: "replicasets print desired, current and ready; old ones stay with zeros",
    objects: [rs("nginx-5d6f8b7c9", 3, 3, 3, 40), rs("nginx-7854ff8877", 0, 0, 0, 720)],
    want: "NAME               DESIRED   CURRENT   READY   AGE\nnginx-5d6f8b7c9    3         3         3       40s\nnginx-7854ff8877   0         0         0       12m\n",
  },
  {
    name: "nodes show Ready, NotReady for Unknown, SchedulingDisabled and roles",
    objects: [
      node("node-1", "True", { "node-role.kubernetes.io/control-plane": "" }),
      node("node-2", "True", {}, true),
      node("node-3", "Unknown", { "kubernetes.io/role": "worker" }),
      node("node-4", undefined, {}),
    ],
    want:
      "NAME     STATUS                     ROLES           AGE   VERSION\n" +
      "node-1   Ready                      control-plane   80m   v1.32.0\n" +
      "node-2   Ready,SchedulingDisabled   <none>          80m   v1.32.0\n" +
      "node-3   NotReady                   worker          80m   v1.32.0\n" +
      "node-4   Unknown                    <none>          80m   v1.32.0\n",
  },
  {
    name: "services show cluster IPs, node ports, pending load balancers and headless None",
    objects: [
      svc("kubernetes", { type: "ClusterIP", clusterIPs: ["10.96.0.1"], ports: [{ port: 443, protocol: "TCP" }] }, {}, 187200),
      svc("lb", { type: "LoadBalancer", clusterIPs: ["10.96.200.7"], ports: [{ port: 80, nodePort: 31380, protocol: "TCP" }] }, {}, 8),
      svc("nginx", { type: "NodePort", clusterIPs: ["10.96.45.10"], ports: [{ port: 80, nodePort: 30080, protocol: "TCP" }] }),
      svc("web", { type: "ClusterIP", clusterIPs: ["None"], ports: [{ port: 80, protocol: "TCP" }] }, {}, 180),
    ],
    want:
      "NAME         TYPE           CLUSTER-IP    EXTERNAL-IP   PORT(S)        AGE\n" +
      "kubernetes   ClusterIP      10.96.0.1     <none>        443/TCP        2d4h\n" +
      "lb           LoadBalancer   10.96.200.7   <pending>     80:31380/TCP   8s\n" +
      "nginx        NodePort       10.96.45.10   <none>        80:30080/TCP   5m\n" +
      "web          ClusterIP      None          <none>        80/TCP         3m\n",
  },
  {
    name: "a long load-balancer address list is cut without -o wide and whole with it",
    objects: [svc("lb", { type: "LoadBalancer", clusterIPs: ["10.96.0.9"], ports: [] }, { loadBalancer: { ingress: [{ ip: "203.0.113.10" }, { ip: "203.0.113.11" }] } })],
    want: "NAME   TYPE           CLUSTER-IP   EXTERNAL-IP        PORT(S)   AGE\nlb     LoadBalancer   10.96.0.9    203.0.113.10,...   <none>    5m\n",
  },
  {
    name: "wide services show the selector map",
    objects: [svc("nginx", { type: "ExternalName", externalName: "example.com", selector: { app: "nginx" } })],
    wide: true,
    want: "NAME    TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE   SELECTOR\nnginx   ExternalName   <none>       example.com   <none>    5m    app=nginx\n",
  },
  {
    name: "events print last seen, lower-case object kind and trimmed message",
    objects: [
      event("crashy.1", { type: "Warning", reason: "BackOff", involvedObject: { kind: "Pod", name: "crashy" }, message: " Back-off restarting failed container app \n", lastTimestamp: ago(30), firstTimestamp: ago(480), count: 27 }),
      event("nginx.1", { type: "Normal", reason: "ScalingReplicaSet", involvedObject: { kind: "Deployment", name: "nginx" }, message: "Scaled up", firstTimestamp: ago(720), lastTimestamp: ago(720), count: 1 }),
    ],
    want:
      "LAST SEEN   TYPE      REASON              OBJECT             MESSAGE\n" +
      "30s         Warning   BackOff             pod/crashy         Back-off restarting failed container app\n" +
      "12m         Normal    ScalingReplicaSet   deployment/nginx   Scaled up\n",
  },
  {
    name: "wide events put SUBOBJECT and SOURCE before MESSAGE and FIRST SEEN, COUNT, NAME after",
    objects: [
      event("crashy.1", { type: "Warning", reason: "BackOff", involvedObject: { kind: "Pod", name: "crashy", fieldPath: "spec.containers{app}" }, source: { component: "kubelet", host: "node-1" }, message: "m", lastTimestamp: ago(30), firstTimestamp: ago(480), count: 27 }),
    ],
    wide: true,
    want:
      "LAST SEEN   TYPE      REASON    OBJECT       SUBOBJECT              SOURCE            MESSAGE   FIRST SEEN   COUNT   NAME\n" +
      "30s         Warning   BackOff   pod/crashy   spec.containers{app}   kubelet, node-1   m         8m           27      crashy.1\n",
  },
  {
    name: "jobs show status, completions of parallelism and a growing duration",
    objects: [
      obj("batch/v1", "Job", "hello", { spec: { completions: 1 }, status: { succeeded: 1, startTime: ago(180), completionTime: ago(175), conditions: [{ type: "Complete", status: "True" }] } }, { creationTimestamp: ago(180) }),
      obj("batch/v1", "Job", "stuck", { spec: { completions: 1 }, status: { startTime: ago(600), conditions: [{ type: "Failed", status: "True" }] } }, { creationTimestamp: ago(600) }),
      obj("batch/v1", "Job", "work", { spec: { parallelism: 3 }, status: { startTime: ago(120) } }, { creationTimestamp: ago(120) }),
      obj("batch/v1", "Job", "new", { spec: { completions: 2 }, status: {} }, { creationTimestamp: ago(1) }),
    ],
    want:
      "NAME    STATUS     COMPLETIONS   DURATION   AGE\n" +
      "hello   Complete   1/1           5s         3m\n" +
      "stuck   Failed     0/1           10m        10m\n" +
      "work    Running    0/1 of 3      2m         2m\n" +
      "new     Running    0/2                      1s\n",
  },
  {
    name: "cronjobs show timezone, suspend and last schedule placeholders",
    objects: [obj("batch/v1", "CronJob", "hello", { spec: { schedule: "*/1 * * * *", suspend: false }, status: { lastScheduleTime: ago(25) } })],
    want: "NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\nhello   */1 * * * *   <none>     False     0        25s             5m\n",
  },
  {
    name: "endpoints list the first three ready addresses and count the rest",
    objects: [
      obj("v1", "Endpoints", "empty", {}),
      obj("v1", "Endpoints", "nginx", { subsets: [{ addresses: ["10.244.0.5", "10.244.0.6", "10.244.0.7", "10.244.0.8"].map((ip) => ({ ip })), notReadyAddresses: [{ ip: "10.244.0.9" }], ports: [{ port: 80 }] }] }),
    ],
    want: "NAME    ENDPOINTS                                               AGE\nempty   <none>                                                  5m\nnginx   10.244.0.5:80,10.244.0.6:80,10.244.0.7:80 + 1 more...   5m\n",
  },
  {
    name: "daemonsets show the node selector as a label map",
    objects: [obj("apps/v1", "DaemonSet", "kube-proxy", { spec: { template: { spec: { nodeSelector: { "kubernetes.io/os": "linux" } } } }, status: { desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 2, updatedNumberScheduled: 2, numberAvailable: 2 } })],
    want: "NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE\nkube-proxy   2         2         2       2            2           kubernetes.io/os=linux   5m\n",
  },
  {
    name: "statefulsets show ready over desired",
    objects: [obj("apps/v1", "StatefulSet", "web", { spec: { replicas: 2 }, status: { readyReplicas: 2 } })],
    want: "NAME   READY   AGE\nweb    2/2     5m\n",
  },
  {
    name: "configmaps count data and binaryData keys",
    objects: [obj("v1", "ConfigMap", "game-config", { data: { a: "1" }, binaryData: { b: "AA==" } })],
    want: "NAME          DATA   AGE\ngame-config   2      5m\n",
  },
  {
    name: "secrets show their type",
    objects: [obj("v1", "Secret", "mysecret", { type: "Opaque", data: { a: "", b: "" } })],
    want: "NAME       TYPE     DATA   AGE\nmysecret   Opaque   2      5m\n",
  },
  {
    name: "pvcs leave capacity and access modes empty until bound",
    objects: [
      obj("v1", "PersistentVolumeClaim", "pending-claim", { spec: { storageClassName: "standard" }, status: { phase: "Pending" } }, { creationTimestamp: ago(5) }),
      obj("v1", "PersistentVolumeClaim", "www-web-0", { spec: { storageClassName: "standard", volumeName: "pvc-1" }, status: { phase: "Bound", capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"] } }, { creationTimestamp: ago(180) }),
    ],
    want:
      "NAME            STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n" +
      "pending-claim   Pending                                      standard       <unset>                 5s\n" +
      "www-web-0       Bound     pvc-1    1Gi        RWO            standard       <unset>                 3m\n",
  },
  {
    name: "storage classes mark the default one",
    objects: [{ ...obj("storage.k8s.io/v1", "StorageClass", "standard", {}, { namespace: undefined, annotations: { "storageclass.kubernetes.io/is-default-class": "true" } }), provisioner: "rancher.io/local-path", volumeBindingMode: "WaitForFirstConsumer" } as KubeObject],
    want: "NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\nstandard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  5m\n",
  },
  {
    name: "hpas show resource targets and cut after two metrics",
    objects: [
      obj("autoscaling/v2", "HorizontalPodAutoscaler", "multi", {
        spec: {
          scaleTargetRef: { kind: "Deployment", name: "api" }, minReplicas: 1, maxReplicas: 20,
          metrics: [
            { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 60 } } },
            { type: "Resource", resource: { name: "memory", target: { type: "Utilization", averageUtilization: 75 } } },
            { type: "Pods", pods: { target: { averageValue: "1k" } } },
          ],
        },
        status: { currentReplicas: 3, currentMetrics: [{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: 12 } } }, { type: "Resource", resource: { name: "memory", current: { averageUtilization: 40 } } }] },
      }),
      obj("autoscaling/v2", "HorizontalPodAutoscaler", "new-hpa", {
        spec: { scaleTargetRef: { kind: "Deployment", name: "web" }, maxReplicas: 5, metrics: [{ type: "Resource", resource: { name: "cpu", target: { averageUtilization: 80 } } }] },
        status: {},
      }),
    ],
    want:
      "NAME      REFERENCE        TARGETS                                     MINPODS   MAXPODS   REPLICAS   AGE\n" +
      "multi     Deployment/api   cpu: 12%/60%, memory: 40%/75% + 1 more...   1         20        3          5m\n" +
      "new-hpa   Deployment/web   cpu: <unknown>/80%                          <unset>   5         0          5m\n",
  },
  {
    name: "kinds without a printer show NAME and CREATED AT",
    objects: [obj("rbac.authorization.k8s.io/v1", "Role", "reader", {}, { creationTimestamp: "2025-01-01T00:00:00Z" })],
    want: "NAME     CREATED AT\nreader   2025-01-01T00:00:00Z\n",
  },
];

describe("table handlers", () => {
  it.each(cases)("$name", ({ objects, wide, want }) => expect(table(objects, wide)).toBe(want));

  it.each(["Pod", "Deployment", "ReplicaSet", "Node", "Service", "Event", "Lease", "Role"])("has a NAME-led or LAST SEEN-led header for %s", (kind) => {
    expect(["NAME", "LAST SEEN"]).toContain(tableHandlerFor(kind).columns[0].name);
  });
});
