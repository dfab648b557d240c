import { describe as suite, expect, it } from "vitest";
import { Store } from "../../api/store/store";
import { viewOf } from "../../api/store/view";
import type { KubeObject } from "../../api/types";
import { ago, T0 } from "../test-objects";
import { describe } from "./index";

const at = (iso: string): string => iso;
const ctxOf = (objects: KubeObject[]) => ({ now: T0, view: viewOf(new Store(objects), new Map()) });

const rsOwner = { apiVersion: "apps/v1", kind: "ReplicaSet", name: "nginx-7854ff8877", uid: "uid-rs", controller: true };

const nginxPod: KubeObject = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "nginx-7854ff8877-2xk9p", namespace: "default", uid: "uid-pod", creationTimestamp: ago(300), labels: { app: "nginx", "pod-template-hash": "7854ff8877" }, ownerReferences: [rsOwner] },
  spec: {
    priority: 0,
    serviceAccountName: "default",
    nodeName: "node-1",
    containers: [
      {
        name: "nginx",
        image: "nginx:1.27",
        ports: [{ containerPort: 80, protocol: "TCP" }],
        resources: { limits: { memory: "128Mi" }, requests: { cpu: "100m", memory: "64Mi" } },
        readinessProbe: { httpGet: { path: "/", port: 80, scheme: "HTTP" }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
        volumeMounts: [{ name: "kube-api-access-8xq2d", mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", readOnly: true }],
      },
    ],
    volumes: [
      {
        name: "kube-api-access-8xq2d",
        projected: { sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: "token" } }, { configMap: { name: "kube-root-ca.crt" } }, { downwardAPI: {} }] },
      },
    ],
    tolerations: [
      { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
      { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
    ],
  },
  status: {
    phase: "Running",
    hostIP: "172.18.0.2",
    podIP: "10.244.0.5",
    podIPs: [{ ip: "10.244.0.5" }],
    startTime: at("2025-11-22T10:00:00Z"),
    conditions: ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"].map((type) => ({ type, status: "True" })),
    containerStatuses: [
      {
        name: "nginx",
        containerID: "containerd://4c1f0d2b9a7e",
        imageID: "docker.io/library/nginx@sha256:2c3f5a1b",
        ready: true,
        restartCount: 0,
        state: { running: { startedAt: at("2025-11-22T10:00:04Z") } },
      },
    ],
  },
};

const event = (name: string, involved: KubeObject, fields: Record<string, unknown>): KubeObject =>
  ({
    apiVersion: "v1",
    kind: "Event",
    metadata: { name, namespace: "default" },
    involvedObject: { kind: involved.kind, name: involved.metadata.name, namespace: involved.metadata.namespace, uid: involved.metadata.uid },
    type: "Normal",
    ...fields,
  }) as KubeObject;

const podEvents = [
  event("e1", nginxPod, { reason: "Scheduled", source: { component: "default-scheduler" }, message: "Successfully assigned default/nginx-7854ff8877-2xk9p to node-1", firstTimestamp: ago(130), lastTimestamp: ago(130), count: 1 }),
  event("e2", nginxPod, { reason: "Pulling", source: { component: "kubelet", host: "node-1" }, message: 'Pulling image "nginx:1.27"', firstTimestamp: ago(129), lastTimestamp: ago(129), count: 1 }),
  event("e3", nginxPod, { reason: "Started", source: { component: "kubelet" }, message: "Started container nginx", firstTimestamp: ago(126), lastTimestamp: ago(126), count: 1 }),
];

const POD_WANT = `Name:             nginx-7854ff8877-2xk9p
Namespace:        default
Priority:         0
Service Account:  default
Node:             node-1/172.18.0.2
Start Time:       Sat, 22 Nov 2025 10:00:00 +0000
Labels:           app=nginx
                  pod-template-hash=7854ff8877
Annotations:      <none>
Status:           Running
IP:               10.244.0.5
IPs:
  IP:           10.244.0.5
Controlled By:  ReplicaSet/nginx-7854ff8877
Containers:
  nginx:
    Container ID:   containerd://4c1f0d2b9a7e
    Image:          nginx:1.27
    Image ID:       docker.io/library/nginx@sha256:2c3f5a1b
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Sat, 22 Nov 2025 10:00:04 +0000
    Ready:          True
    Restart Count:  0
    Limits:
      memory:  128Mi
    Requests:
      cpu:        100m
      memory:     64Mi
    Readiness:    http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3
    Environment:  <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-8xq2d (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-8xq2d:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   Burstable
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age    From               Message
  ----    ------     ----   ----               -------
  Normal  Scheduled  2m10s  default-scheduler  Successfully assigned default/nginx-7854ff8877-2xk9p to node-1
  Normal  Pulling    2m9s   kubelet            Pulling image "nginx:1.27"
  Normal  Started    2m6s   kubelet            Started container nginx
`;

const pendingPod: KubeObject = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "pending-pod", namespace: "default", uid: "uid-pending", labels: { run: "pending-pod" } },
  spec: { priority: 0, serviceAccountName: "default", containers: [{ name: "app", image: "busybox:1.36", command: ["sh", "-c", "exit 1"] }] },
  status: { phase: "Pending" },
};

const PENDING_WANT = `Name:             pending-pod
Namespace:        default
Priority:         0
Service Account:  default
Node:             <none>
Labels:           run=pending-pod
Annotations:      <none>
Status:           Pending
IP:               
IPs:              <none>
Containers:
  app:
    Image:      busybox:1.36
    Port:       <none>
    Host Port:  <none>
    Command:
      sh
      -c
      exit 1
    Environment:  <none>
    Mounts:       <none>
Volumes:          <none>
QoS Class:        BestEffort
Node-Selectors:   <none>
Tolerations:      <none>
Events:
  Type     Reason            Age   From               Message
  ----     ------            ----  ----               -------
  Warning  FailedScheduling  12s   default-scheduler  0/1 nodes are available.
`;

const crashEvents = (pod: KubeObject) => [
  event("c1", pod, { type: "Warning", reason: "FailedScheduling", source: { component: "default-scheduler" }, message: "0/1 nodes are available.", firstTimestamp: ago(12), lastTimestamp: ago(12), count: 1 }),
];

const template = {
  metadata: { labels: { app: "nginx" } },
  spec: { containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80, protocol: "TCP" }] }] },
};
const deployment: KubeObject = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "nginx", namespace: "default", uid: "uid-deploy", creationTimestamp: "2025-11-22T10:00:00Z", labels: { app: "nginx" }, annotations: { "deployment.kubernetes.io/revision": "2" } },
  spec: { replicas: 3, selector: { matchLabels: { app: "nginx" } }, strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } }, template },
  status: {
    replicas: 3, updatedReplicas: 3, availableReplicas: 3,
    conditions: [{ type: "Available", status: "True", reason: "MinimumReplicasAvailable" }, { type: "Progressing", status: "True", reason: "NewReplicaSetAvailable" }],
  },
};
const deployOwner = { apiVersion: "apps/v1", kind: "Deployment", name: "nginx", uid: "uid-deploy", controller: true };
const newRS: KubeObject = {
  apiVersion: "apps/v1",
  kind: "ReplicaSet",
  metadata: { name: "nginx-5d6f8b7c9", namespace: "default", uid: "uid-new", creationTimestamp: ago(40), ownerReferences: [deployOwner] },
  spec: { replicas: 3, template: { ...template, metadata: { labels: { app: "nginx", "pod-template-hash": "5d6f8b7c9" } } } },
  status: { replicas: 3 },
};
const oldRS: KubeObject = {
  apiVersion: "apps/v1",
  kind: "ReplicaSet",
  metadata: { name: "nginx-7854ff8877", namespace: "default", uid: "uid-rs", creationTimestamp: ago(720), ownerReferences: [deployOwner] },
  spec: { replicas: 0, template: { metadata: { labels: { app: "nginx", "pod-template-hash": "7854ff8877" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.26" }] } } },
  status: { replicas: 0 },
};

const DEPLOY_WANT = `Name:                   nginx
Namespace:              default
CreationTimestamp:      Sat, 22 Nov 2025 10:00:00 +0000
Labels:                 app=nginx
Annotations:            deployment.kubernetes.io/revision: 2
Selector:               app=nginx
Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=nginx
  Containers:
   nginx:
    Image:         nginx:1.27
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  <none>
NewReplicaSet:   nginx-5d6f8b7c9 (3/3 replicas created)
Events:
  Type    Reason             Age   From                   Message
  ----    ------             ----  ----                   -------
  Normal  ScalingReplicaSet  12m   deployment-controller  Scaled up replica set nginx-7854ff8877 from 0 to 3
`;

const rs: KubeObject = {
  apiVersion: "apps/v1",
  kind: "ReplicaSet",
  metadata: {
    name: "nginx-7854ff8877", namespace: "default", uid: "uid-rs", labels: { app: "nginx", "pod-template-hash": "7854ff8877" },
    annotations: { "deployment.kubernetes.io/desired-replicas": "3", "deployment.kubernetes.io/max-replicas": "4", "deployment.kubernetes.io/revision": "1" },
    ownerReferences: [deployOwner],
  },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: "nginx", "pod-template-hash": "7854ff8877" } },
    template: { metadata: { labels: { app: "nginx", "pod-template-hash": "7854ff8877" } }, spec: template.spec },
  },
  status: { replicas: 3 },
};

const RS_WANT = `Name:           nginx-7854ff8877
Namespace:      default
Selector:       app=nginx,pod-template-hash=7854ff8877
Labels:         app=nginx
                pod-template-hash=7854ff8877
Annotations:    deployment.kubernetes.io/desired-replicas: 3
                deployment.kubernetes.io/max-replicas: 4
                deployment.kubernetes.io/revision: 1
Controlled By:  Deployment/nginx
Replicas:       3 current / 3 desired
Pods Status:    1 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=nginx
           pod-template-hash=7854ff8877
  Containers:
   nginx:
    Image:         nginx:1.27
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:            <none>
`;

const configMap: KubeObject = {
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: "game-config", namespace: "default", uid: "uid-cm" },
  data: { "ui.properties": "color.good=purple\n", "game.properties": "enemies=aliens\nlives=3" },
};

const CM_WANT = `Name:         game-config
Namespace:    default
Labels:       <none>
Annotations:  <none>

Data
====
game.properties:
----
enemies=aliens
lives=3

ui.properties:
----
color.good=purple



BinaryData
====

Events:  <none>
`;

const node: KubeObject = {
  apiVersion: "v1",
  kind: "Node",
  metadata: { name: "node-1", uid: "uid-node", creationTimestamp: "2025-11-22T09:00:12Z", labels: { "kubernetes.io/hostname": "node-1", "node-role.kubernetes.io/control-plane": "" }, annotations: { "node.alpha.kubernetes.io/ttl": "0" } },
  spec: { podCIDR: "10.244.0.0/24", podCIDRs: ["10.244.0.0/24"], providerID: "kind://docker/kind/node-1" },
  status: {
    conditions: [{ type: "Ready", status: "True", lastHeartbeatTime: "2025-11-22T10:20:31Z", lastTransitionTime: "2025-11-22T09:00:12Z", reason: "KubeletReady", message: "kubelet is posting ready status" }],
    addresses: [{ type: "InternalIP", address: "172.18.0.2" }, { type: "Hostname", address: "node-1" }],
    capacity: { cpu: "8", memory: "16336308Ki", pods: "110" },
    allocatable: { cpu: "8", memory: "16336308Ki", pods: "110" },
    nodeInfo: { machineID: "m", systemUUID: "s", bootID: "b", kernelVersion: "6.8.0-45-generic", osImage: "Debian GNU/Linux 12 (bookworm)", operatingSystem: "linux", architecture: "amd64", containerRuntimeVersion: "containerd://1.7.24", kubeletVersion: "v1.32.0", kubeProxyVersion: "v1.32.0" },
  },
};
const lease: KubeObject = { apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name: "node-1", namespace: "kube-node-lease" }, spec: { holderIdentity: "node-1", renewTime: "2025-11-22T10:20:31Z" } };

const NODE_WANT = `Name:               node-1
Roles:              control-plane
Labels:             kubernetes.io/hostname=node-1
                    node-role.kubernetes.io/control-plane=
Annotations:        node.alpha.kubernetes.io/ttl: 0
CreationTimestamp:  Sat, 22 Nov 2025 09:00:12 +0000
Taints:             <none>
Unschedulable:      false
Lease:
  HolderIdentity:  node-1
  AcquireTime:     <unset>
  RenewTime:       Sat, 22 Nov 2025 10:20:31 +0000
Conditions:
  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message
  ----    ------  -----------------                 ------------------                ------         -------
  Ready   True    Sat, 22 Nov 2025 10:20:31 +0000   Sat, 22 Nov 2025 09:00:12 +0000   KubeletReady   kubelet is posting ready status
Addresses:
  InternalIP:  172.18.0.2
  Hostname:    node-1
Capacity:
  cpu:     8
  memory:  16336308Ki
  pods:    110
Allocatable:
  cpu:     8
  memory:  16336308Ki
  pods:    110
System Info:
  Machine ID:                 m
  System UUID:                s
  Boot ID:                    b
  Kernel Version:             6.8.0-45-generic
  OS Image:                   Debian GNU/Linux 12 (bookworm)
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://1.7.24
  Kubelet Version:            v1.32.0
  Kube-Proxy Version:         v1.32.0
PodCIDR:                      10.244.0.0/24
PodCIDRs:                     10.244.0.0/24
ProviderID:                   kind://docker/kind/node-1
Non-terminated Pods:          (1 in total)
  Namespace                   Name                      CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                      ------------  ----------  ---------------  -------------  ---
  default                     nginx-7854ff8877-2xk9p    100m (1%)     0 (0%)      64Mi (0%)        128Mi (0%)     5m
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests   Limits
  --------           --------   ------
  cpu                100m (1%)  0 (0%)
  memory             64Mi (0%)  128Mi (0%)
  ephemeral-storage  0 (0%)     0 (0%)
Events:              <none>
`;

const namespace: KubeObject = { apiVersion: "v1", kind: "Namespace", metadata: { name: "default", labels: { "kubernetes.io/metadata.name": "default" } }, status: { phase: "Active" } };
const NS_WANT = `Name:         default
Labels:       kubernetes.io/metadata.name=default
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`;

const cases = [
  { name: "a running pod of a Deployment prints every section with its events", object: nginxPod, store: [nginxPod, ...podEvents], want: POD_WANT },
  { name: "an unscheduled pod has an empty IP, no Start Time and a Command block", object: pendingPod, store: [pendingPod, ...crashEvents(pendingPod)], want: PENDING_WANT },
  {
    name: "a deployment lists its new ReplicaSet and no scaled-down old ones",
    object: deployment,
    store: [deployment, newRS, oldRS, event("d1", deployment, { reason: "ScalingReplicaSet", source: { component: "deployment-controller" }, message: "Scaled up replica set nginx-7854ff8877 from 0 to 3", firstTimestamp: ago(720), lastTimestamp: ago(720), count: 1 })],
    want: DEPLOY_WANT,
  },
  { name: "a replicaset counts its pods by phase and shows its controller", object: rs, store: [rs, nginxPod], want: RS_WANT },
  { name: "a configmap prints sorted keys with blank lines after each value", object: configMap, store: [configMap], want: CM_WANT },
  { name: "a node shows its lease, pods and allocated resources", object: node, store: [node, lease, nginxPod], want: NODE_WANT },
  { name: "a namespace without quotas says so", object: namespace, store: [namespace], want: NS_WANT },
];

suite("describe", () => {
  it.each(cases)("$name", ({ object, store, want }) => expect(describe(object, ctxOf(store))).toBe(want));

  it("aggregates repeated events as x<count> over <first>", () => {
    const e = event("b1", pendingPod, { type: "Warning", reason: "BackOff", source: { component: "kubelet" }, message: "Back-off", firstTimestamp: ago(567), lastTimestamp: ago(240), count: 26 });
    expect(describe(pendingPod, ctxOf([pendingPod, e]))).toContain("  Warning  BackOff  4m (x26 over 9m27s)  kubelet  Back-off\n");
  });

  it("shows Terminating with the time since deletion and the grace period", () => {
    const p = { ...pendingPod, metadata: { ...pendingPod.metadata, deletionTimestamp: ago(7), deletionGracePeriodSeconds: 30 } };
    expect(describe(p, ctxOf([p]))).toContain("Status:                    Terminating (lasts 7s)\nTermination Grace Period:  30s\n");
  });

  it("falls back to the generic describer for other kinds", () => {
    const sa: KubeObject = { apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name: "x", namespace: "default", uid: "u" }, spec: { holderIdentity: "me" } };
    expect(describe(sa, ctxOf([sa]))).toBe(
      "Name:         x\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\nAPI Version:  coordination.k8s.io/v1\nKind:         Lease\nSpec:\n  Holder Identity:  me\nEvents:             <none>\n",
    );
  });
});
