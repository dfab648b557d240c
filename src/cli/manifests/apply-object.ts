// One object of `kubectl apply` (k8s.io/kubectl/pkg/cmd/apply/apply.go applyOneObject and
// patcher.go): absent → create it with the last-applied annotation; present → the three-way
// strategic merge patch of last-applied, the new configuration and the live object, sent as a
// patch; an empty patch means unchanged.

import type { KubeObject } from "../../api/types";
import type { ResourceInfo } from "../../api/registry";
import type { ApiServer, FieldValidation } from "../../api/server";
import { StatusError } from "../../api/errors";
import type { JsonMap } from "../../api/apply/merge";
import { strategicMergePatch } from "../../api/apply/merge";
import { createThreeWayMergePatch } from "../../api/apply/three-way";
import { getOriginalConfiguration, goJson, withLastApplied } from "../../api/apply/last-applied";
import type { DryRun } from "../flags/dry-run";
import { UsageError } from "../../api/errors";
import { objectIdentity, withSource } from "./report";

export interface ApplyRequest {
  readonly object: KubeObject;
  readonly info: ResourceInfo;
  readonly source: string;
  readonly dryRun: DryRun;
  readonly fieldValidation: FieldValidation;
}

export interface ApplyResult {
  readonly object: KubeObject;
  readonly operation: "created" | "configured" | "unchanged";
}

/**
 * Applies one object. kubectl's own warnings (missing annotation, object being deleted) are
 * added to `clientWarnings` before the patch is sent, so they are printed even when it fails;
 * the server's go to `serverWarnings`.
 */
export function applyObject(api: ApiServer, req: ApplyRequest, clientWarnings: string[], serverWarnings: string[]): ApplyResult {
  const { object, info, source } = req;
  const name = object.metadata.name;
  if (!name) {
    if (object.metadata.generateName) throw new UsageError(`from ${object.metadata.generateName}: cannot use generate name with apply`);
    throw new UsageError(
      `error when retrieving current configuration of:\n${objectIdentity(object, info)}\nfrom server for: "${source}": resource name may not be empty`,
    );
  }
  const write = { dryRun: req.dryRun === "server", fieldValidation: req.fieldValidation, warnings: serverWarnings };
  const live = api.tryGet(info.kind, object.metadata.namespace ?? "", name);
  const modified = withLastApplied(object);
  if (!live) {
    if (req.dryRun === "client") return { object: modified, operation: "created" };
    try {
      return { object: api.create(modified, write), operation: "created" };
    } catch (err) {
      throw withSource(err, "creating", source);
    }
  }
  const warnings = clientWarnings;
  if (live.metadata.deletionTimestamp) warnings.push(`Detected changes to resource ${name} which is currently being deleted.`);
  const original = getOriginalConfiguration(live);
  if (!original) {
    warnings.push(
      `resource ${info.plural}/${name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
    );
  }
  const patch = createThreeWayMergePatch(original, modified as unknown as JsonMap, live as unknown as JsonMap);
  if (Object.keys(patch).length === 0) return { object: live, operation: "unchanged" };
  const patched = strategicMergePatch(live as unknown as JsonMap, patch) as unknown as KubeObject;
  if (req.dryRun === "client") return { object: patched, operation: "configured" };
  try {
    return { object: api.update(patched, write), operation: "configured" };
  } catch (err) {
    throw patchError(err, patch, object, info, source);
  }
}

/** `error when applying patch:\n{…}\nto:\n<identity>\nfor: "x.yaml": error when patching "x.yaml": …` */
function patchError(err: unknown, patch: JsonMap, object: KubeObject, info: ResourceInfo, source: string): unknown {
  if (!(err instanceof StatusError)) return err;
  const inner = withSource(err, "patching", source) as StatusError;
  return withSource(inner, `applying patch:\n${goJson(patch)}\nto:\n${objectIdentity(object, info)}\nfor:`, source);
}
