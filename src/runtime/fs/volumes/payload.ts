// Shared shapes of volume projection: a payload (files with modes, by path inside the volume)
// and the per-source MakePayload of pkg/volume/configmap and pkg/volume/secret (v1.32).

import type { KubeObject } from "../../../api/types/meta";
import type { ConfigLookup } from "../../env/config-lookup";
import type { PodAddresses } from "../../env/field-ref";
import type { NodeAllocatable } from "../../env/resource-field-ref";
import type { TreeData } from "../tree";

/** 0644, the kubelet's default file mode for projected files. */
export const DEFAULT_MODE = 0o644;

export interface FileProjection {
  data: string;
  mode: number;
}

/** Files by path relative to the volume's root. */
export type Payload = Record<string, FileProjection>;

/** What projecting a pod's volume needs besides the volume itself. */
export interface ProjectionInput {
  pod: KubeObject;
  lookup: ConfigLookup;
  allocatable: NodeAllocatable;
  /** The service account token to write; a deterministic fake one when omitted. */
  serviceAccountToken?: string;
  /** Unused by volumes today; accepted so env and volumes share one context object. */
  addresses?: PodAddresses;
}

export interface KeyToPath {
  key: string;
  path: string;
  mode?: number;
}

/**
 * MakePayload of configmap.go / secret.go: every key as a file, or only `items` (key → path,
 * per-item mode); a listed key the object lacks is an error unless the volume is optional.
 */
export function makePayload(
  items: readonly KeyToPath[] | undefined,
  data: Readonly<Record<string, string>>,
  defaultMode: number,
  optional: boolean,
  missingKey: (key: string) => string,
): { payload: Payload } | { error: string } {
  const payload: Payload = {};
  if (!items || items.length === 0) {
    for (const [key, value] of Object.entries(data)) payload[key] = { data: value, mode: defaultMode };
    return { payload };
  }
  for (const item of items) {
    if (!Object.hasOwn(data, item.key)) {
      if (optional) continue;
      return { error: missingKey(item.key) };
    }
    payload[item.path] = { data: data[item.key], mode: item.mode ?? defaultMode };
  }
  return { payload };
}

/** The payload as a volume blob, with modes recorded beside the files. */
export function payloadToTree(payload: Payload): TreeData {
  const tree: TreeData = { files: {}, dirs: [], modes: {} };
  for (const [path, f] of Object.entries(payload)) {
    const rel = cleanRel(path);
    tree.files[rel] = f.data;
    tree.modes![rel] = f.mode;
  }
  return tree;
}

/** filepath.Clean of an item path, relative to the volume root. */
function cleanRel(path: string): string {
  const parts: string[] = [];
  for (const p of path.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return parts.join("/");
}

/** utilerrors.NewAggregate(...).Error(): one message as is, several as "[a, b]" without repeats. */
export function aggregateMessage(errors: readonly string[]): string | undefined {
  const unique = [...new Set(errors)];
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? unique[0] : `[${unique.join(", ")}]`;
}
