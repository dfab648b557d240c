// Nodes: NAME STATUS ROLES AGE VERSION (+ INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION
// CONTAINER-RUNTIME). printNode and findNodeRoles.

import type { KubeObject } from "../../api/types";
import { age } from "../age";
import { nameOf } from "./cells";
import type { TableHandler } from "./types";

const ROLE_PREFIX = "node-role.kubernetes.io/";
const ROLE_LABEL = "kubernetes.io/role";

/** Roles from node-role.kubernetes.io/<role> and kubernetes.io/role=<role>, sorted, de-duplicated. */
export function findNodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === ROLE_LABEL && v !== "") roles.add(v);
  }
  return [...roles].sort();
}

/** "Ready", "NotReady", "Unknown", with ",SchedulingDisabled" when cordoned. */
export function nodeStatus(node: KubeObject): string {
  const ready = (node.status?.conditions ?? []).find((c: any) => c.type === "Ready");
  const status = [ready ? (ready.status === "True" ? "Ready" : "NotReady") : "Unknown"];
  if (node.spec?.unschedulable) status.push("SchedulingDisabled");
  return status.join(",");
}

const address = (node: KubeObject, type: string): string =>
  (node.status?.addresses ?? []).find((a: any) => a.type === type)?.address ?? "<none>";

export const nodeTable: TableHandler = {
  kind: "Node",
  columns: [
    { name: "NAME" },
    { name: "STATUS" },
    { name: "ROLES" },
    { name: "AGE" },
    { name: "VERSION" },
    { name: "INTERNAL-IP", wide: true },
    { name: "EXTERNAL-IP", wide: true },
    { name: "OS-IMAGE", wide: true },
    { name: "KERNEL-VERSION", wide: true },
    { name: "CONTAINER-RUNTIME", wide: true },
  ],
  row(node, now) {
    const info = node.status?.nodeInfo ?? {};
    return [
      nameOf(node),
      nodeStatus(node),
      findNodeRoles(node).join(",") || "<none>",
      age(node.metadata.creationTimestamp, now),
      info.kubeletVersion ?? "",
      address(node, "InternalIP"),
      address(node, "ExternalIP"),
      info.osImage || "<unknown>",
      info.kernelVersion || "<unknown>",
      info.containerRuntimeVersion || "<unknown>",
    ];
  },
};
