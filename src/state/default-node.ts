// One node of the default cluster, shaped as a kind node reports itself: 4 CPU, 8Gi, 110 pods,
// a /24 pod CIDR (10.244.N.0/24) and an InternalIP on kind's docker network (172.18.0.N+2).

import type { KubeObject } from "../api/types";
import type { Rng } from "../sim/random";
import { newUid } from "../api/uid";

export interface NodeShape {
  readonly cpu?: string;
  readonly memory?: string;
  readonly labels?: Record<string, string>;
  readonly taints?: { key: string; value?: string; effect: string }[];
}

const KUBELET_VERSION = "v1.32.2";

export function buildNode(index: number, name: string, created: string, rng: Rng, shape: NodeShape = {}): KubeObject {
  const controlPlane = name.endsWith("control-plane");
  const labels: Record<string, string> = {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": name,
    "kubernetes.io/os": "linux",
    ...(controlPlane
      ? { "node-role.kubernetes.io/control-plane": "", "node.kubernetes.io/exclude-from-external-load-balancers": "" }
      : {}),
    ...shape.labels,
  };
  const taints = shape.taints ?? (controlPlane ? [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] : []);
  const resources = {
    cpu: shape.cpu ?? "4",
    "ephemeral-storage": "102626232Ki",
    "hugepages-1Gi": "0",
    "hugepages-2Mi": "0",
    memory: shape.memory ?? "8388608Ki", // 8Gi, in the Ki a kubelet reports
    pods: "110",
  };
  const machineId = newUid(rng).replace(/-/g, "");
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: created,
    lastTransitionTime: created,
    reason,
    message,
  });
  const node: KubeObject = {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      labels,
      annotations: {
        "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///run/containerd/containerd.sock",
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
    },
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      podCIDRs: [`10.244.${index}.0/24`],
      providerID: `kind://docker/kubesim/${name}`,
      ...(taints.length > 0 ? { taints } : {}),
    },
    status: {
      addresses: [
        { type: "InternalIP", address: `172.18.0.${index + 2}` },
        { type: "Hostname", address: name },
      ],
      allocatable: { ...resources },
      capacity: { ...resources },
      conditions: [
        condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: "amd64",
        bootID: newUid(rng),
        containerRuntimeVersion: "containerd://1.7.24",
        kernelVersion: "6.8.0-45-generic",
        kubeProxyVersion: KUBELET_VERSION,
        kubeletVersion: KUBELET_VERSION,
        machineID: machineId,
        operatingSystem: "linux",
        osImage: "Debian GNU/Linux 12 (bookworm)",
        systemUUID: newUid(rng),
      },
    },
  };
  return node;
}
