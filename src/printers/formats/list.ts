// The `kind: List` wrapper kubectl prints for anything but a single named object (§1.6).

import type { KubeObject } from "../../api/types";

export interface ListObject {
  apiVersion: "v1";
  items: readonly KubeObject[];
  kind: "List";
  metadata: { resourceVersion: "" };
}

export function asList(objects: readonly KubeObject[]): ListObject {
  return { apiVersion: "v1", items: objects, kind: "List", metadata: { resourceVersion: "" } };
}

/** The single object, or the List wrapper. */
export function printable(objects: readonly KubeObject[], single: boolean): KubeObject | ListObject {
  return single && objects.length === 1 ? objects[0] : asList(objects);
}
