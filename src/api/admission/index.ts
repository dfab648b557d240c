// Admission: the checks the API server makes after validation, against other objects.

import type { KubeObject } from "../types";
import type { ResourceInfo } from "../registry";
import type { ApiServer } from "../server";
import { namespaceLifecycle } from "./namespace-lifecycle";

export function admit(obj: KubeObject, info: ResourceInfo, api: ApiServer): void {
  namespaceLifecycle(obj, info, api);
}
