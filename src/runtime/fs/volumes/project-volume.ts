// Volume projection: a pod volume's initial blob, computed from API objects. Pure: the kubelet
// stores the result under an id of its choosing (see ../container-layers) and re-projects to
// propagate ConfigMap/Secret/label updates.

import { emptyTree } from "../tree";
import type { TreeData } from "../tree";
import { DEFAULT_MODE, aggregateMessage, payloadToTree } from "./payload";
import type { Payload, ProjectionInput } from "./payload";
import { configMapPayload, downwardAPIPayload, fakeServiceAccountToken, secretPayload } from "./sources";

/**
 * The blob, or the FailedMount event text (the pod stays ContainerCreating and the kubelet
 * retries), or "external" for volumes whose data the caller keeps outside the pod
 * (persistentVolumeClaim, hostPath, …): it mounts the blob it stores for them.
 */
export type ProjectionResult =
  | { ok: true; data: TreeData }
  | { ok: false; reason: "FailedMount"; message: string }
  | { ok: "external" };

/**
 * Projects one entry of pod.spec.volumes.
 * @example
 * projectVolume({ name: "config", configMap: { name: "x" } }, input)
 * // ConfigMap x missing → { ok: false, reason: "FailedMount",
 * //   message: 'MountVolume.SetUp failed for volume "config" : configmap "x" not found' }
 */
export function projectVolume(volume: any, input: ProjectionInput): ProjectionResult {
  const r = volumePayload(volume, input);
  if (r === "external") return { ok: "external" };
  if ("error" in r) {
    return { ok: false, reason: "FailedMount", message: `MountVolume.SetUp failed for volume "${volume.name}" : ${r.error}` };
  }
  return { ok: true, data: r.payload === null ? emptyTree() : payloadToTree(r.payload) };
}

function volumePayload(volume: any, input: ProjectionInput): { payload: Payload | null } | { error: string } | "external" {
  if (volume.emptyDir) return { payload: null };
  if (volume.configMap) return configMapPayload(volume.configMap, volume.configMap.defaultMode ?? DEFAULT_MODE, input);
  if (volume.secret) {
    return secretPayload(volume.secret, volume.secret.secretName, volume.secret.defaultMode ?? DEFAULT_MODE, input);
  }
  if (volume.downwardAPI) {
    return downwardAPIPayload(volume.downwardAPI.items, volume.downwardAPI.defaultMode ?? DEFAULT_MODE, input);
  }
  if (volume.projected) return projectedPayload(volume.projected, input);
  return "external";
}

/** projected.go collectData: sources merged in order, every source's error collected. */
function projectedPayload(projected: any, input: ProjectionInput): { payload: Payload } | { error: string } {
  const defaultMode = projected.defaultMode ?? DEFAULT_MODE;
  const payload: Payload = {};
  const errors: string[] = [];
  for (const source of projected.sources ?? []) {
    let r: { payload: Payload } | { error: string } | undefined;
    if (source.secret) r = secretPayload(source.secret, source.secret.name, defaultMode, input);
    else if (source.configMap) r = configMapPayload(source.configMap, defaultMode, input);
    else if (source.downwardAPI) r = downwardAPIPayload(source.downwardAPI.items, defaultMode, input);
    else if (source.serviceAccountToken) {
      const token = input.serviceAccountToken ?? fakeServiceAccountToken(input.pod);
      r = { payload: { [source.serviceAccountToken.path]: { data: token, mode: defaultMode } } };
    }
    if (!r) continue;
    if ("error" in r) errors.push(r.error);
    else Object.assign(payload, r.payload);
  }
  const error = aggregateMessage(errors);
  return error ? { error } : { payload };
}
