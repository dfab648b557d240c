// Fluent Node fixtures shaped like kubesim's default kind nodes (4 CPU, 8Gi, 110 pods,
// 10.244.N.0/24, InternalIP 172.18.0.N+2, Ready).
// @example node("kubesim-worker", 1).cpu("2").tainted("dedicated", "gpu").build()

import type { KubeObject } from "../../src/api/types";

type Effect = "NoSchedule" | "PreferNoSchedule" | "NoExecute";

export class NodeBuilder {
  private readonly obj: KubeObject;

  constructor(name: string, index: number) {
    this.obj = {
      apiVersion: "v1",
      kind: "Node",
      metadata: { name, uid: `uid-node-${name}`, resourceVersion: "1", labels: { "kubernetes.io/hostname": name } },
      spec: { podCIDR: `10.244.${index}.0/24`, podCIDRs: [`10.244.${index}.0/24`] },
      status: {
        addresses: [
          { type: "InternalIP", address: `172.18.0.${index + 2}` },
          { type: "Hostname", address: name },
        ],
        allocatable: { cpu: "4", memory: "8Gi", pods: "110" },
        capacity: { cpu: "4", memory: "8Gi", pods: "110" },
        conditions: [{ type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" }],
      },
    };
  }

  cpu(q: string): this {
    this.obj.status.allocatable.cpu = q;
    return this;
  }

  memory(q: string): this {
    this.obj.status.allocatable.memory = q;
    return this;
  }

  maxPods(n: number): this {
    this.obj.status.allocatable.pods = String(n);
    return this;
  }

  labels(labels: Record<string, string>): this {
    Object.assign(this.obj.metadata.labels!, labels);
    return this;
  }

  tainted(key: string, value = "", effect: Effect = "NoSchedule"): this {
    this.obj.spec.taints = [...(this.obj.spec.taints ?? []), { key, ...(value ? { value } : {}), effect }];
    return this;
  }

  controlPlane(): this {
    return this.labels({ "node-role.kubernetes.io/control-plane": "" }).tainted("node-role.kubernetes.io/control-plane");
  }

  cordoned(): this {
    this.obj.spec.unschedulable = true;
    return this;
  }

  notReady(): this {
    this.obj.status.conditions = [{ type: "Ready", status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status." }];
    return this;
  }

  build(): KubeObject {
    return structuredClone(this.obj);
  }
}

export function node(name: string, index = 1): NodeBuilder {
  return new NodeBuilder(name, index);
}

/** The default cluster's three nodes: a tainted control plane and two workers. */
export function kindNodes(): KubeObject[] {
  return [
    node("kubesim-control-plane", 0).controlPlane().build(),
    node("kubesim-worker", 1).build(),
    node("kubesim-worker2", 2).build(),
  ];
}
