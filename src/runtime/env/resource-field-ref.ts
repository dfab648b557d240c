// Downward API resource values. Port of pkg/api/v1/resource/helpers.go
// ExtractResourceValueByContainerNameAndNodeAllocatable (v1.32): unset limits are the node's
// allocatable; the value is ceil(quantity / divisor), cpu counted in millicores.

import type { KubeObject } from "../../api/types/meta";
import { milliValue, wholeValue } from "../../api/quantity";

export interface ResourceFieldSelector {
  containerName?: string;
  resource: string;
  divisor?: string;
}

/** The node's allocatable resources (quantities as the Node's status gives them). */
export type NodeAllocatable = Readonly<Record<string, string>>;

/**
 * The value of `limits.cpu`, `requests.memory`, … for the named container (or `container`
 * when the selector names none), or an error text.
 * @example limits.cpu "250m" with divisor "1m" → "250"; with no divisor → "1"
 */
export function extractResourceValue(
  pod: KubeObject,
  sel: ResourceFieldSelector,
  defaultContainer: string | undefined,
  allocatable: NodeAllocatable,
): { value: string } | { error: string } {
  const name = sel.containerName || defaultContainer;
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const container = containers.find((c: { name: string }) => c.name === name);
  if (!container) return { error: `container ${name ?? ""} not found` };
  const [kind, resource] = splitResource(sel.resource);
  if (!kind) return { error: `unsupported container resource : ${sel.resource}` };
  const set: Record<string, string> = container.resources?.[kind] ?? {};
  let quantity = set[resource];
  // MergeContainerResourceLimits: a missing limit is what the node can give.
  if (quantity === undefined && kind === "limits") quantity = allocatable[resource];
  const divisor = sel.divisor && sel.divisor !== "0" ? sel.divisor : "1";
  if (resource === "cpu") return { value: String(Math.ceil(milliValue(quantity) / milliValue(divisor))) };
  return { value: String(Math.ceil(wholeValue(quantity) / wholeValue(divisor))) };
}

function splitResource(path: string): ["limits" | "requests" | undefined, string] {
  const m = /^(limits|requests)\.(cpu|memory|ephemeral-storage|hugepages-.+)$/.exec(path);
  return m ? [m[1] as "limits" | "requests", m[2]] : [undefined, ""];
}
