// Admission: the checks the API server makes after validation, against other objects.

import type { KubeObject } from "../types";
import type { ResourceInfo } from "../registry";
import type { ApiServer } from "../server";
import type { Rng } from "../../sim/random";
import { namespaceLifecycle } from "./namespace-lifecycle";
import { mountServiceAccountToken, requireServiceAccount } from "./service-account";
import { setDefaultStorageClass } from "./default-storage-class";
import { addProtectionFinalizer } from "./storage-object-in-use-protection";
import { admitMirrorPod } from "./mirror-pod";

/**
 * Admission on create, in the API server's plugin order; mutating plugins change obj.
 * `name`: what a refusal calls the object (admission-name.ts).
 */
export function admit(obj: KubeObject, info: ResourceInfo, api: ApiServer, rng: Rng, name: string): void {
  namespaceLifecycle(obj, info, api, name);
  admitMirrorPod(obj, info);
  requireServiceAccount(obj, api, name);
  mountServiceAccountToken(obj, rng);
  setDefaultStorageClass(obj, api);
  addProtectionFinalizer(obj);
}
