// Whole-output tests of `kubectl describe`: separators, prefix matching, selectors, NotFound
// and empty results (reference/kubectl-output.md §2.1). The descriptions themselves come from
// src/printers/describe.

import { beforeAll, describe, expect, it } from "vitest";
import { harness } from "../../../test/cli-harness";
import type { Harness } from "../../../test/cli-harness";
import { seed, standardObjects } from "./get/test-fixtures";
import { withoutEvents } from "./describe";

interface Case {
  name: string;
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
}

const cases: Case[] = [
  {
    name: "describes a namespace",
    args: ["describe","namespace","dev"],
    stdout: `Name:         dev
Labels:       kubernetes.io/metadata.name=dev
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "describes a node",
    args: ["describe","node","kubesim-worker"],
    stdout: `Name:               kubesim-worker
Roles:              <none>
Labels:             beta.kubernetes.io/arch=amd64
                    beta.kubernetes.io/os=linux
                    kubernetes.io/arch=amd64
                    kubernetes.io/hostname=kubesim-worker
                    kubernetes.io/os=linux
Annotations:        kubeadm.alpha.kubernetes.io/cri-socket: unix:///run/containerd/containerd.sock
                    node.alpha.kubernetes.io/ttl: 0
                    volumes.kubernetes.io/controller-managed-attach-detach: true
CreationTimestamp:  Wed, 01 Jan 2025 00:00:00 +0000
Taints:             <none>
Unschedulable:      false
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Wed, 01 Jan 2025 00:00:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  DiskPressure     False   Wed, 01 Jan 2025 00:00:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
  PIDPressure      False   Wed, 01 Jan 2025 00:00:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
  Ready            True    Wed, 01 Jan 2025 00:00:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:  172.18.0.3
  Hostname:    kubesim-worker
Capacity:
  cpu:                4
  ephemeral-storage:  102626232Ki
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             8388608Ki
  pods:               110
Allocatable:
  cpu:                4
  ephemeral-storage:  102626232Ki
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             8388608Ki
  pods:               110
System Info:
  Machine ID:                 79632fa099224407afa70a0cf2ae9969
  System UUID:                aca716e7-ef93-499e-9e07-3087c4ce6288
  Boot ID:                    cd6cb32e-6f8a-41ca-810c-c35b0304e56a
  Kernel Version:             6.8.0-45-generic
  OS Image:                   Debian GNU/Linux 12 (bookworm)
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://1.7.24
  Kubelet Version:            v1.32.2
  Kube-Proxy Version:         v1.32.2
PodCIDR:                      10.244.1.0/24
PodCIDRs:                     10.244.1.0/24
ProviderID:                   kind://docker/kubesim/kubesim-worker
Non-terminated Pods:          (0 in total)
  Namespace                   Name    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----    ------------  ----------  ---------------  -------------  ---
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests  Limits
  --------           --------  ------
  cpu                0 (0%)    0 (0%)
  memory             0 (0%)    0 (0%)
  ephemeral-storage  0 (0%)    0 (0%)
  hugepages-1Gi      0 (0%)    0 (0%)
  hugepages-2Mi      0 (0%)    0 (0%)
Events:              <none>
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "describes a config map given as TYPE/NAME",
    args: ["describe","configmap/settings"],
    stdout: `Name:         settings
Namespace:    default
Labels:       <none>
Annotations:  <none>

Data
====
level:
----
3

mode:
----
fast


BinaryData
====

Events:  <none>
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "separates several descriptions by two blank lines",
    args: ["describe","ns","dev","default"],
    stdout: `Name:         dev
Labels:       kubernetes.io/metadata.name=dev
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.


Name:         default
Labels:       kubernetes.io/metadata.name=default
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "describes every object whose name starts with the argument, each followed by a blank line",
    args: ["describe","pods","web"],
    stdout: `Name:         web-1
Namespace:    default
Node:         <none>
Labels:       app=web
              tier=frontend
Annotations:  <none>
Status:       Pending
IP:           
IPs:          <none>
Containers:
  app:
    Image:        nginx:1.27
    Port:         <none>
    Host Port:    <none>
    Environment:  <none>
    Mounts:       <none>
Volumes:          <none>
QoS Class:        BestEffort
Node-Selectors:   <none>
Tolerations:      <none>
Events:           <none>

Name:         web-2
Namespace:    default
Node:         <none>
Labels:       app=web
Annotations:  <none>
Status:       Pending
IP:           
IPs:          <none>
Containers:
  app:
    Image:        nginx:1.27
    Port:         <none>
    Host Port:    <none>
    Environment:  <none>
    Mounts:       <none>
Volumes:          <none>
QoS Class:        BestEffort
Node-Selectors:   <none>
Tolerations:      <none>
Events:           <none>

`,
    stderr: ``,
    code: 0,
  },
  {
    name: "says NotFound when no name starts with the argument",
    args: ["describe","pods","nope"],
    stdout: ``,
    stderr: `Error from server (NotFound): pods "nope" not found
`,
    code: 1,
  },
  {
    name: "says NotFound for a missing TYPE/NAME without prefix matching",
    args: ["describe","pod/web"],
    stdout: ``,
    stderr: `Error from server (NotFound): pods "web" not found
`,
    code: 1,
  },
  {
    name: "describes the objects a label selector picks",
    args: ["describe","ns","-l","kubernetes.io/metadata.name in (dev,kube-public)"],
    stdout: `Name:         dev
Labels:       kubernetes.io/metadata.name=dev
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.


Name:         kube-public
Labels:       kubernetes.io/metadata.name=kube-public
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`,
    stderr: ``,
    code: 0,
  },
  {
    name: "says No resources found when the selector matches nothing",
    args: ["describe","cm","-l","x=y"],
    stdout: ``,
    stderr: `No resources found in default namespace.
`,
    code: 0,
  },
  {
    name: "says No resources found in the namespace when nothing matches",
    args: ["describe","pods","-n","empty"],
    stdout: ``,
    stderr: `No resources found in empty namespace.
`,
    code: 0,
  },
  {
    name: "says No resources found without a namespace with -A",
    args: ["describe","pods","-A","-l","app=none"],
    stdout: ``,
    stderr: `No resources found
`,
    code: 0,
  },
  {
    name: "prints the found objects and then the error for a missing one",
    args: ["describe","ns","dev","nope"],
    stdout: `Name:         dev
Labels:       kubernetes.io/metadata.name=dev
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`,
    stderr: `Error from server (NotFound): namespaces "nope" not found
`,
    code: 1,
  },
  {
    name: "leaves the Events section out with --show-events=false",
    args: ["describe","cm","settings","--show-events=false"],
    stdout: `Name:         settings
Namespace:    default
Labels:       <none>
Annotations:  <none>

Data
====
level:
----
3

mode:
----
fast


BinaryData
====

`,
    stderr: ``,
    code: 0,
  },
  {
    name: "requires a resource type",
    args: ["describe"],
    stdout: ``,
    stderr: `Error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.
`,
    code: 1,
  },
  {
    name: "names an unknown resource type",
    args: ["describe","foo"],
    stdout: ``,
    stderr: `error: the server doesn't have a resource type "foo"
`,
    code: 1,
  },
];

describe("kubectl describe", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
    seed(h, standardObjects());
  });

  it.each(cases)("$name", async ({ args, stdout, stderr, code }) => {
    expect(await h.run(...args)).toEqual({ stdout, stderr, code });
  });
});

describe("withoutEvents", () => {
  const sections = [
    { name: "cuts an Events table and everything after it", text: "Name:  x\n\nEvents:\n  Type  Reason\n  ----  ------\n", want: "Name:  x\n\n" },
    { name: "cuts an aligned Events: <none> line", text: "Name:    x\nEvents:  <none>\n", want: "Name:    x\n" },
    { name: "leaves a description without events alone", text: "Name:  x\nStatus:  Active\n", want: "Name:  x\nStatus:  Active\n" },
  ];
  it.each(sections)("$name", ({ text, want }) => {
    expect(withoutEvents(text)).toBe(want);
  });
});
