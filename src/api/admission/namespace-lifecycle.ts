// Port of plugin/pkg/admission/namespace/lifecycle: no objects in a namespace that does not
// exist, and no new objects in one that is terminating.

import type { KubeObject } from "../types";
import type { ResourceInfo } from "../registry";
import { pluralDotGroup } from "../registry";
import type { ApiServer } from "../server";
import { forbidden, notFound } from "../errors";

export function namespaceLifecycle(obj: KubeObject, info: ResourceInfo, api: ApiServer, name: string): void {
  if (!info.namespaced) return;
  const ns = obj.metadata.namespace ?? "default";
  const namespace = api.tryGet("Namespace", "", ns);
  if (!namespace) throw notFound("namespaces", ns);
  if (namespace.metadata.deletionTimestamp && obj.kind !== "Event") {
    throw forbidden(
      pluralDotGroup(info),
      name,
      `unable to create new content in namespace ${ns} because it is being terminated`,
    );
  }
}
